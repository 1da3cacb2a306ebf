"""Four eyes: submit, approve by a colleague, written as a commit, published outside the request."""

from __future__ import annotations

import subprocess
import time

from staff.accounts.models import Account
from staff.changes.models import Change, Kind, State
from staff.db import db

PUBLIC_PAGE = "/nijmegen/energiefonds"


def _draft(app, person, proposed_from: callable, slug: str = "energiefonds") -> int:
    """A draft by `person` whose text is the file's text changed by `proposed_from`."""
    with app.app_context():
        author = db.session.scalar(db.select(Account).filter_by(email=person.email))
        with open(f"{app.config['DATA_DIR']}/nijmegen/{slug}.yaml", encoding="utf-8") as file:
            base = file.read()
        change = Change(
            municipality="nijmegen",
            slug=slug,
            kind=Kind.EDIT.value,
            base_text=base,
            proposed_text=proposed_from(base),
            author=author,
        )
        db.session.add(change)
        db.session.commit()
        return change.id


def _state(app, change_id: int) -> Change:
    with app.app_context():
        change = db.session.get(Change, change_id)
        db.session.expunge(change)
        return change


def _git_log(repo) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%an <%ae>%n%B"], capture_output=True, text=True, check=True
    ).stdout


def _wait_for_page(app, text: str, seconds: float = 15) -> str:
    deadline = time.monotonic() + seconds
    while True:
        page = app.test_client().get(PUBLIC_PAGE).get_data(as_text=True)
        if text in page or time.monotonic() > deadline:
            return page
        time.sleep(0.2)


def _new_title(text: str) -> str:
    return text.replace("titel: Energiefonds", "titel: Energiefonds Nijmegen 2027")


def test_a_colleague_approves_and_the_change_is_committed_and_published(staff_app, people, as_person, repo):
    change_id = _draft(staff_app, people["nijmegen_redacteur"], _new_title)
    author = as_person("nijmegen_redacteur")
    assert (
        author.post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Nieuwe naam vanaf 2027"}).status_code == 302
    )
    assert _state(staff_app, change_id).state == State.SUBMITTED
    # the author cannot approve their own change
    author.post(f"/beheer/wijzigingen/{change_id}/goedkeuren")
    assert _state(staff_app, change_id).state == State.SUBMITTED
    assert "Energiefonds Nijmegen 2027" not in staff_app.test_client().get(PUBLIC_PAGE).get_data(as_text=True)

    reviewer = as_person("nijmegen_controleur")
    page = reviewer.get(f"/beheer/wijzigingen/{change_id}").get_data(as_text=True)
    assert "Goedkeuren" in page
    assert reviewer.post(f"/beheer/wijzigingen/{change_id}/goedkeuren").status_code == 302

    log = _git_log(repo)
    assert log.startswith("Red <red@nijmegen.nl>")
    assert "Nieuwe naam vanaf 2027" in log and "Goedgekeurd door Con <con@nijmegen.nl>" in log
    assert "titel: Energiefonds Nijmegen 2027" in (repo / "schemes/nijmegen/energiefonds.yaml").read_text(
        encoding="utf-8"
    )
    assert "Energiefonds Nijmegen 2027" in _wait_for_page(staff_app, "Energiefonds Nijmegen 2027")
    deadline = time.monotonic() + 10
    while _state(staff_app, change_id).state != State.PUBLISHED and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _state(staff_app, change_id).state == State.PUBLISHED


def test_a_change_sent_back_never_reaches_the_site_or_the_files(staff_app, people, as_person, repo):
    before = (repo / "schemes/nijmegen/energiefonds.yaml").read_text(encoding="utf-8")
    change_id = _draft(staff_app, people["nijmegen_redacteur"], _new_title)
    as_person("nijmegen_redacteur").post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Nieuwe naam"})
    reviewer = as_person("nijmegen_beheerder")
    # sending back needs a comment
    reviewer.post(f"/beheer/wijzigingen/{change_id}/terugsturen", {"opmerking": " "})
    assert _state(staff_app, change_id).state == State.SUBMITTED
    reviewer.post(f"/beheer/wijzigingen/{change_id}/terugsturen", {"opmerking": "Die naam bestaat niet."})
    change = _state(staff_app, change_id)
    assert change.state == State.SENT_BACK and change.review_comment == "Die naam bestaat niet."
    assert (repo / "schemes/nijmegen/energiefonds.yaml").read_text(encoding="utf-8") == before
    # a sent-back change cannot be approved
    reviewer.post(f"/beheer/wijzigingen/{change_id}/goedkeuren")
    assert _state(staff_app, change_id).state == State.SENT_BACK
    time.sleep(0.5)
    assert "Energiefonds Nijmegen 2027" not in staff_app.test_client().get(PUBLIC_PAGE).get_data(as_text=True)


def test_a_change_with_an_error_cannot_be_submitted(staff_app, people, as_person):
    change_id = _draft(staff_app, people["nijmegen_redacteur"], lambda text: text.replace("2026-11-01", "2026-13-45"))
    author = as_person("nijmegen_redacteur")
    response = author.post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Datum"}, follow_redirects=True)
    assert _state(staff_app, change_id).state == State.DRAFT
    assert "fout" in response.get_data(as_text=True)
    # and a reason is required
    fine = _draft(staff_app, people["nijmegen_controleur"], _new_title, slug="schuldhulp")
    as_person("nijmegen_controleur").post(f"/beheer/wijzigingen/{fine}/indienen", {"reden": ""})
    assert _state(staff_app, fine).state == State.DRAFT


def test_an_approval_never_overwrites_a_change_made_in_the_meantime(staff_app, people, as_person, repo):
    change_id = _draft(staff_app, people["nijmegen_redacteur"], _new_title)
    as_person("nijmegen_redacteur").post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Nieuwe naam"})
    path = repo / "schemes/nijmegen/energiefonds.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Testteam", "Ander team"), encoding="utf-8")
    as_person("nijmegen_controleur").post(f"/beheer/wijzigingen/{change_id}/goedkeuren")
    assert _state(staff_app, change_id).state == State.SUBMITTED
    assert "Ander team" in path.read_text(encoding="utf-8") and "2027" not in path.read_text(encoding="utf-8")


def test_restoring_an_earlier_version_is_a_change_that_needs_review(staff_app, people, as_person, repo):
    first = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    change_id = _draft(staff_app, people["nijmegen_redacteur"], _new_title)
    as_person("nijmegen_redacteur").post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Nieuwe naam"})
    as_person("nijmegen_controleur").post(f"/beheer/wijzigingen/{change_id}/goedkeuren")
    editor = as_person("nijmegen_beheerder")
    history = editor.get("/beheer/regelingen/nijmegen/energiefonds").get_data(as_text=True)
    assert "Nieuwe naam" in history and first[:10] in history
    response = editor.post("/beheer/regelingen/nijmegen/energiefonds/herstellen", {"commit": first})
    assert response.status_code == 302
    with staff_app.app_context():
        restore = db.session.scalar(db.select(Change).filter_by(kind=Kind.RESTORE.value))
        restore_id = restore.id
        assert "titel: Energiefonds\n" in restore.proposed_text
    editor.post(f"/beheer/wijzigingen/{restore_id}/indienen", {"reden": "Terug naar de oude naam"})
    assert "Energiefonds Nijmegen 2027" in (repo / "schemes/nijmegen/energiefonds.yaml").read_text(encoding="utf-8")
    assert as_person("nijmegen_redacteur").post(f"/beheer/wijzigingen/{restore_id}/goedkeuren").status_code == 403
    as_person("nijmegen_controleur").post(f"/beheer/wijzigingen/{restore_id}/goedkeuren")
    assert _state(staff_app, restore_id).state in (State.APPROVED, State.PUBLISHED)
    assert "titel: Energiefonds\n" in (repo / "schemes/nijmegen/energiefonds.yaml").read_text(encoding="utf-8")


def test_a_controleur_cannot_approve_their_own_change(staff_app, people, as_person, repo):
    change_id = _draft(staff_app, people["nijmegen_controleur"], _new_title)
    author = as_person("nijmegen_controleur")
    author.post(f"/beheer/wijzigingen/{change_id}/indienen", {"reden": "Nieuwe naam"})
    response = author.post(f"/beheer/wijzigingen/{change_id}/goedkeuren", follow_redirects=True)
    assert "U kunt uw eigen wijziging niet goedkeuren" in response.get_data(as_text=True)
    assert _state(staff_app, change_id).state == State.SUBMITTED
    assert "2027" not in (repo / "schemes/nijmegen/energiefonds.yaml").read_text(encoding="utf-8")
