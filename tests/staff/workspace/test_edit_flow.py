"""Editing in the browser: the form, a new year's amount, a wrong date shown on its field, new and retired schemes."""

from __future__ import annotations

import re

from staff.changes.models import Change, Kind, State
from staff.db import db
from tests.staff.workspace.formdata import form_fields


def _open_form(client, slug: str = "energiefonds") -> tuple[int, str]:
    response = client.post(f"/beheer/regelingen/nijmegen/{slug}/bewerken")
    assert response.status_code == 302
    change_id = int(re.search(r"/wijzigingen/(\d+)/bewerken", response.headers["Location"]).group(1))
    return change_id, client.get(f"/beheer/wijzigingen/{change_id}/bewerken").get_data(as_text=True)


def test_an_editor_changes_a_text_and_adds_a_year_and_a_colleague_sees_the_difference(staff_app, as_person, repo):
    editor = as_person("nijmegen_redacteur")
    change_id, page = _open_form(editor)
    form = form_fields(page)
    assert form["titel"] == "Energiefonds"
    form["wat_krijgt_u.tekst"] = "Een bijdrage van de gemeente voor uw energierekening."
    # a new list item, added with the button (no JavaScript): a yearly amount
    form["actie"] = "erbij:wat_krijgt_u.bedragen"
    redrawn = editor.post(f"/beheer/wijzigingen/{change_id}/bewerken", form).get_data(as_text=True)
    assert "Nog niet bewaard" in redrawn
    form = form_fields(redrawn)
    form["actie"] = "erbij:wat_krijgt_u.bedragen.0.waarden"
    form["wat_krijgt_u.bedragen.0.omschrijving"] = "Per huishouden"
    form["wat_krijgt_u.bedragen.0.per"] = "jaar"
    form = form_fields(editor.post(f"/beheer/wijzigingen/{change_id}/bewerken", form).get_data(as_text=True))
    assert form["wat_krijgt_u.bedragen.0.waarden.aantal"] == "1"
    form["wat_krijgt_u.bedragen.0.waarden.0.sleutel"] = "2027"
    form["wat_krijgt_u.bedragen.0.waarden.0.waarde"] = "150,50"
    # a wrong date: the draft is kept, the message is on the field
    form["gecontroleerd_op"] = "2027-02-30"
    form["bewaren"] = "1"
    response = editor.post(f"/beheer/wijzigingen/{change_id}/bewerken", form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="veld-gecontroleerd_op-fout"' in page and "moet een datum zijn" in page
    with staff_app.app_context():
        assert "2027-02-30" in db.session.get(Change, change_id).proposed_text
    form = form_fields(page)
    form["gecontroleerd_op"] = "2026-12-05"
    form["bewaren"] = "1"
    response = editor.post(f"/beheer/wijzigingen/{change_id}/bewerken", form)
    assert response.status_code == 302
    with staff_app.app_context():
        text = db.session.get(Change, change_id).proposed_text
    assert "waarden: {2027: 150.5}" in text or "2027: 150.5" in text
    assert text.startswith("# Test data for the search and the API")  # the comment stays
    review = as_person("nijmegen_controleur").get(f"/beheer/wijzigingen/{change_id}").get_data(as_text=True)
    assert "Wat krijgt u › Tekst" in review and "Een bijdrage van de gemeente voor uw energierekening." in review
    assert "Wat krijgt u › Bedragen 1 › Waarden › 2027" in review and "150.5" in review
    assert "Gecontroleerd op" in review and "2026-12-05" in review
    assert "Categorieen" not in review  # unchanged fields are not listed


def test_only_the_author_edits_a_draft(as_person):
    change_id, _ = _open_form(as_person("nijmegen_redacteur"))
    assert as_person("nijmegen_controleur").get(f"/beheer/wijzigingen/{change_id}/bewerken").status_code == 403
    assert as_person("oss_redacteur").get(f"/beheer/wijzigingen/{change_id}/bewerken").status_code == 403
    assert as_person("oss_redacteur").get(f"/beheer/wijzigingen/{change_id}").status_code == 403


def test_one_change_at_a_time_per_scheme(as_person):
    _open_form(as_person("nijmegen_redacteur"))
    other = as_person("nijmegen_controleur")
    response = other.post("/beheer/regelingen/nijmegen/energiefonds/bewerken", follow_redirects=True)
    assert "werkt al aan deze regeling" in response.get_data(as_text=True)


def test_retiring_a_scheme_ends_it_on_the_site_after_review(staff_app, as_person, repo):
    editor = as_person("nijmegen_redacteur")
    bad = editor.post(
        "/beheer/regelingen/nijmegen/schuldhulp/beeindigen", {"geldig_tot": "31-01-2027"}, follow_redirects=True
    )
    assert "jaar-maand-dag" in bad.get_data(as_text=True)
    response = editor.post("/beheer/regelingen/nijmegen/schuldhulp/beeindigen", {"geldig_tot": "2026-12-01"})
    assert response.status_code == 302
    with staff_app.app_context():
        change = db.session.scalar(db.select(Change).filter_by(kind=Kind.RETIRE.value))
        change_id = change.id
        assert "status: beëindigd" in change.proposed_text and "geldig_tot: 2026-12-01" in change.proposed_text
    editor.post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Gestopt per 1 december"})
    as_person("nijmegen_controleur").post(f"/beheer/wijzigingen/{change_id}/goedkeuren")
    text = (repo / "schemes/nijmegen/schuldhulp.yaml").read_text(encoding="utf-8")
    assert "status: beëindigd" in text
    # kept in the history
    assert "Gestopt per 1 december" in editor.get("/beheer/regelingen/nijmegen/schuldhulp").get_data(as_text=True)


def test_a_new_scheme_starts_from_the_template_and_needs_review(staff_app, as_person, repo):
    editor = as_person("nijmegen_beheerder")
    assert "kleine letters" in editor.post("/beheer/regelingen/nijmegen/nieuw", {"slug": "Energie Toeslag!"}).get_data(
        as_text=True
    )
    assert "Er is al een regeling" in editor.post("/beheer/regelingen/nijmegen/nieuw", {"slug": "schuldhulp"}).get_data(
        as_text=True
    )
    response = editor.post("/beheer/regelingen/nijmegen/nieuw", {"slug": "energietoeslag"})
    assert response.status_code == 302
    form = form_fields(editor.get(response.headers["Location"]).get_data(as_text=True))
    assert form["titel"]  # the template's placeholder text is in the form, to replace
    with staff_app.app_context():
        change = db.session.scalar(db.select(Change).filter_by(kind=Kind.NEW.value))
        assert change.base_text is None and change.state == State.DRAFT
    # a template still has placeholders: it cannot be submitted as it is
    editor.post(f"/beheer/wijzigingen/{change.id}/indienen", {"reden": "Nieuwe regeling"})
    with staff_app.app_context():
        assert db.session.get(Change, change.id).state == State.DRAFT
    assert not (repo / "schemes/nijmegen/energietoeslag.yaml").exists()
