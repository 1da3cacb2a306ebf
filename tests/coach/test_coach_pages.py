"""Coach pages (views/coach/pages.py): the guide per scheme, "Mijn stappenplan", its editor, the coach view of results."""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

import pytest
from coachapp import CARE, COACH_DATA, EXTRA, TAX
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitepage import Page, get_page, make_app, path, query, words

from views.coach.pages import MAX_PLAN_URL
from views.coach.qr import qr_image

ROOT = Path(__file__).resolve().parents[2]
PLAN = f"/plan?r={TAX}&r={EXTRA}&r={CARE}"
TAX_TITLE = "Kwijtschelding gemeentelijke belastingen"


def texts(page: Page, tag: str, **attrs: str) -> list[str]:
    """The normalised text of every matching element."""
    return [words(element.text) for element in page.all(tag, **attrs)]


def descendants(element):
    """Every element inside `element`, in document order."""
    for child in element.children:
        yield child
        yield from descendants(child)


def test_guide_has_steps_checklist_where_after_help_contact_dates_source_and_qr(client):
    page = get_page(client, f"/{TAX}/stappenplan")
    assert texts(page, "p", class_="sheet-step__what") == [
        "Vraag de kwijtschelding online aan met DigiD.",
        "Stuur de papieren mee die de gemeente vraagt.",
        "De gemeente bekijkt uw aanvraag en stuurt u een brief.",
    ]
    assert texts(page, "span", class_="sheet-step__number") == ["1", "2", "3"]
    labels = [words(label.text) for label in page.all("label") if label.attrs.get("for", "").startswith("papier-")]
    assert [label.split(" Dit vindt")[0].split(" Geen bank")[0] for label in labels] == [
        "Uw identiteitsbewijs",
        "Bewijs van uw inkomen",
        "Bankafschriften van de laatste 3 maanden",
    ]
    assert len(page.all("input", type="checkbox", class_="tick-list__box")) == 3
    text = page.main_text
    for expected in (
        "Zo vraagt u het aan",
        "U hoeft dit niet alleen te doen.",
        "Online met DigiD",
        "Met een formulier",
        "Aan de balie",
        "U krijgt meestal binnen 8 weken antwoord.",
        "U krijgt een brief met het besluit.",
        "Formulierenbrigade Oss",
        "0412 123 456",
        "14 0412",
        "Gecontroleerd op 1 november 2026.",
        "Kwijtschelding — gemeente Oss (oss.nl/kwijtschelding)",
        "Gedrukt op 21 november 2026",
        "Geen DigiD? Vraag een formulier op papier aan bij de balie",
    ):
        assert expected in words(text), expected
    qr = page.one("img", class_="qr")
    assert qr.attrs["src"].startswith("data:image/svg+xml") and "QR-code" in qr.attrs["alt"]
    assert page.one("button", **{"data-print": ""}).attrs.get("hidden") == ""


def test_guide_title_is_dutch_content_and_the_page_links_to_the_plan(client):
    page = get_page(client, f"/{TAX}/stappenplan?taal=en")
    assert page.one("h2", class_="sheet__title").lang == "nl"
    to_plan = [query(href) for href in page.internal_links() if path(href) == "/plan"]
    assert to_plan and to_plan[0]["r"] == [TAX] and to_plan[0]["taal"] == ["en"]


def test_guide_without_digid_shows_the_other_way_first(client):
    page = get_page(client, f"/{TAX}/stappenplan?heb=niets")
    steps = texts(page, "p", class_="sheet-step__what")
    assert steps[0] == "Vraag een formulier op papier aan bij de balie van het gemeentehuis, Raadhuislaan 10."
    later = "Heeft u later wel DigiD? Dan kan het ook zo: Vraag de kwijtschelding online aan met DigiD."
    assert later in words(page.main_text)


def test_guide_leaves_out_done_steps(client):
    page = get_page(client, f"/{TAX}/stappenplan?klaar={TAX}.1&klaar={TAX}.2")
    assert texts(page, "p", class_="sheet-step__what") == ["De gemeente bekijkt uw aanvraag en stuurt u een brief."]
    assert "2 stappen heeft u al gedaan. Goed bezig!" in words(page.main_text)


def test_guide_for_an_unknown_scheme_is_a_friendly_404(client):
    get_page(client, "/oss/bestaat-niet/stappenplan", 404)


def test_plan_shows_goal_order_who_when_and_fewer_trips(client):
    notes = f"wie.{CARE}.2=ander&door.{CARE}.2=mijn+zus&wanneer.{CARE}.2=vrijdag"
    page = get_page(client, f"{PLAN}&doel=Rust+in+mijn+hoofd&heb=bankapp&{notes}")
    assert words(page.text_of("p", class_="plan__goal-text")) == "Rust in mijn hoofd"
    assert texts(page, "h2", class_="sheet__title") == [TAX_TITLE, "Bijzondere bijstand", "Zorgtoeslag"]
    text = words(page.main_text)
    assert "Wie doet het: Iemand anders (mijn zus)" in text and "Wanneer: vrijdag" in text
    assert "Een bank-app op mijn telefoon" in text
    assert "Deze papieren gebruikt u voor meer regelingen" in text
    assert f"Gegevens over uw inkomen Nodig voor: {TAX_TITLE}, Bijzondere bijstand, Zorgtoeslag" in text
    assert "Deze papieren gebruikt u ook voor: Bijzondere bijstand, Zorgtoeslag" in text
    one_call = f"Gemeente Oss 14 0412. Vraag dan in één keer naar: {TAX_TITLE} (stap 2), Bijzondere bijstand (stap 1)"
    assert one_call in text
    assert page.one("img", class_="qr").attrs["src"].startswith("data:image/svg+xml")


def test_plan_editor_is_a_get_form_holding_the_whole_plan(client):
    page = get_page(client, f"{PLAN}&doel=Werk&wie.{CARE}.1=coach&klaar={EXTRA}.1&taal=en")
    form = page.one("form", id="aanpassen")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/plan"
    hidden = {}
    for field in descendants(form):
        if field.tag == "input" and field.attrs.get("type") == "hidden":
            hidden.setdefault(field.attrs["name"], []).append(field.attrs["value"])
    assert hidden == {"r": [TAX, EXTRA, CARE], "taal": ["en"]}
    assert words(page.one("textarea", name="doel").text) == "Werk"
    chosen = page.one("select", name=f"wie.{CARE}.1")
    assert [option.attrs["value"] for option in chosen.children if "selected" in option.attrs] == ["coach"]
    assert "checked" in page.one("input", type="checkbox", name="klaar", value=f"{EXTRA}.1").attrs
    # Enter in a text field presses the first submit button: that must be "save", not "move up".
    first_button = next(
        item for item in descendants(form) if item.tag == "button" and item.attrs.get("type") == "submit"
    )
    assert first_button.attrs["name"] == "maak"


@pytest.mark.parametrize(
    ("button", "order"),
    [
        ("omhoog=" + EXTRA, [EXTRA, TAX, CARE]),
        ("omlaag=" + EXTRA, [TAX, CARE, EXTRA]),
        ("zekerweg=" + TAX, [EXTRA, CARE]),
    ],
)
def test_editor_buttons_answer_with_a_new_link(client, button, order):
    response = client.get(f"{PLAN}&{button}&taal=en")
    assert response.status_code == 303
    target = response.headers["Location"]
    assert path(target) == "/plan" and query(target)["r"] == order and query(target)["taal"] == ["en"]


def test_removing_asks_first_and_keeps_everything_until_confirmed(client):
    """ "Haal weg" keeps the plan and asks; "Nee, laat staan" goes back to the same plan, "Ja" takes it out (issue 17)."""
    response = client.get(f"{PLAN}&weg={TAX}")
    assert response.status_code == 303
    target = response.headers["Location"]
    assert query(target)["r"] == [TAX, EXTRA, CARE] and query(target)["haalweg"] == [TAX]
    page = get_page(client, target, cache="no-store")
    warning = page.one("div", id="weghalen")
    assert "gaat dan ook weg" in words(warning.text)
    assert page.one("button", name="zekerweg").attrs["value"] == TAX
    keep = [a.attrs["href"] for a in page.all("a") if "Nee, laat staan" in a.text][0]
    assert query(keep)["r"] == [TAX, EXTRA, CARE] and "haalweg" not in query(keep)


def test_saving_drops_empty_fields_from_the_link(client):
    response = client.get(f"/plan?r={TAX}&doel=&wie.{TAX}.1=&door.{TAX}.1=&wanneer.{TAX}.1=&klaar={TAX}.3&maak=1")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/plan?r={TAX}&klaar={TAX}.3"


def test_plan_link_and_qr_are_the_canonical_url(client):
    page = get_page(client, f"/plan?heb=lezer&r={CARE}&doel=Samen+verder")
    link = page.one("a", class_="plan__url").attrs["href"]
    assert link == f"http://127.0.0.1:8000/plan?r={CARE}&doel=Samen+verder&heb=lezer"


def test_printed_links_and_qr_codes_use_the_public_address_never_the_host_header(tmp_path):
    app = make_app(tmp_path, COACH_DATA, PUBLIC_BASE_URL="https://regelingen.example.nl/")
    client = app.test_client()
    headers = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    plan = client.get(f"/plan?r={CARE}", headers=headers).get_data(as_text=True)
    guide = client.get(f"/{CARE}/stappenplan", headers=headers).get_data(as_text=True)
    assert "evil.example" not in plan + guide
    assert f'href="https://regelingen.example.nl/plan?r={CARE}"' in plan
    assert qr_image(f"https://regelingen.example.nl/plan?r={CARE}") in plan
    assert qr_image(f"https://regelingen.example.nl/{CARE}") in guide


def test_unknown_schemes_and_markup_get_a_clear_message_escaped(client):
    response = client.get(f"/plan?r=oss/bestaat-niet&r=<script>alert(1)</script>&r={TAX}&doel=<b>vet</b>")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<b>vet</b>" not in html
    page = Page(html)
    messages = " ".join(texts(page, "p"))
    assert "Deze regeling kennen we niet: “oss/bestaat-niet”." in messages
    assert "Deze regeling kennen we niet: “<script>alert(1)</script>”." in messages
    assert words(page.text_of("p", class_="plan__goal-text")) == "<b>vet</b>"
    assert texts(page, "h2", class_="sheet__title") == ["Kwijtschelding gemeentelijke belastingen"]


def test_too_many_schemes_are_named_plainly(client):
    many = "&".join(f"r=oss/regeling-{number}" for number in range(12))
    page = get_page(client, f"/plan?r={TAX}&{many}")
    assert "In één stappenplan passen 10 regelingen. U ziet de eerste 10." in words(page.main_text)


def test_an_empty_plan_says_how_to_fill_it(client):
    page = get_page(client, "/plan")
    assert "Er staat nog geen regeling in dit stappenplan." in words(page.main_text)
    assert page.all("form", action="/zoeken")


def test_two_languages_on_one_sheet(client):
    page = get_page(client, f"/{TAX}/stappenplan?taal=en")
    kicker = page.one("p", class_="sheet__kicker")
    assert words(kicker.text) == "How to apply · Zo vraagt u het aan"
    dutch = [element for element in page.all("span", class_="dual") if element.lang == "nl"]
    assert "· De stappen" in [words(element.text) for element in dutch]
    assert "· Gedrukt op 21 november 2026" in [words(element.text) for element in dutch]
    assert page.one("html").attrs["lang"] == "en"


def test_dutch_sheet_has_no_second_language(client):
    page = get_page(client, f"/{TAX}/stappenplan")
    assert page.all("span", class_="dual") == []


def test_coach_pages_tell_browsers_to_keep_nothing(client):
    for url in (PLAN, f"/{TAX}/stappenplan"):
        assert client.get(url).headers["Cache-Control"] == "no-store"


def test_a_plan_request_leaves_nothing_on_disk_or_in_the_logs(client, tmp_path, monkeypatch, caplog):
    marker = "Geheim-doel-7f3a9"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    client.get("/healthz")  # the first request publishes the index; that is not the plan's doing
    lock = tmp_path / "index" / ".publisher.lock"  # made by the data watcher's thread, soon after the first request
    deadline = time.monotonic() + 10
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    before = {file: file.stat().st_mtime_ns for file in tmp_path.rglob("*") if file.is_file()}
    caplog.set_level(logging.DEBUG)
    for url in (
        f"{PLAN}&doel={marker}&door.{TAX}.1={marker}",
        f"{PLAN}&doel={marker}&maak=1",
        f"/{TAX}/stappenplan?door.{TAX}.1={marker}",
    ):
        assert client.get(url).status_code in (200, 303)
    after = {file: file.stat().st_mtime_ns for file in tmp_path.rglob("*") if file.is_file()}
    assert after == before, "a coach page wrote files"
    assert marker not in caplog.text
    written = [file for file in (ROOT / "var").rglob("*") if file.is_file() and file.stat().st_size < 5_000_000]
    assert not [file for file in written if marker.encode() in file.read_bytes()]


def test_without_chromium_the_pdf_link_explains_and_the_pdf_url_is_kind(app, client):
    app.config["CHROMIUM"] = "/nonexistent/chromium"
    page = get_page(client, f"/{TAX}/stappenplan")
    assert not [href for href in page.internal_links() if ".pdf" in href]
    assert "Een PDF maken lukt op dit moment niet. Printen kan wel." in words(page.main_text)
    for url in (f"/{TAX}/stappenplan.pdf", f"/plan.pdf?r={TAX}"):
        response = client.get(url)
        assert response.status_code == 503 and response.mimetype == "text/html"
        assert "U kunt het stappenplan wel printen." in words(Page(response.get_data(as_text=True)).main_text)


def test_scheme_page_offers_the_plan_and_the_guide(client):
    page = get_page(client, f"/{TAX}")
    targets = {path(href): query(href) for href in page.internal_links()}
    assert targets["/plan"]["r"] == [TAX]
    assert f"/{TAX}/stappenplan" in targets


def test_adding_from_a_scheme_page_adds_to_the_plan_it_came_with(client):
    """A scheme page reached with a plan in its URL adds to that plan, notes kept; its links carry the plan (issue 17)."""
    page = get_page(client, f"/{TAX}?r={CARE}&doel=Werk&wie.{CARE}.1=coach")
    adds = [a.attrs["href"] for a in page.all("a") if "Zet in mijn stappenplan" in a.text][0]
    assert (
        query(adds)["r"] == [CARE, TAX]
        and query(adds)["doel"] == ["Werk"]
        and query(adds)[f"wie.{CARE}.1"] == ["coach"]
    )
    others = [
        href for href in page.internal_links() if path(href) not in ("/plan",) and not path(href).startswith("/static")
    ]
    assert others and all(query(href).get("r") == [CARE] for href in others), others
    assert {field.attrs["value"] for field in page.all("input", type="hidden", name="r")} == {CARE}


def test_coach_view_of_results_is_a_form_to_the_plan(client):
    page = get_page(client, f"/zoeken?q=kwijtschelding+belasting&gemeente=oss&weergave=coach&r={CARE}")
    form = page.one("form", class_="coach-view")
    assert form.attrs["action"] == "/plan" and form.attrs["method"] == "get"
    boxes = page.all("input", type="checkbox", name="r")
    assert TAX in [box.attrs["value"] for box in boxes]
    # Both forms on the page (the search and the tick boxes) carry the plan the coach is building.
    assert {field.attrs["value"] for field in page.all("input", type="hidden", name="r")} == {CARE}
    row = words(page.main_text)
    assert "Inkomen tot 100% van de bijstandsnorm" in row and "€ 310 per jaar" in row


def test_the_plan_offers_a_search_that_keeps_the_whole_plan(client):
    page = get_page(client, f"/plan?r={TAX}&doel=Werk&wie.{TAX}.1=coach")
    form = page.one("form", class_="plan__add")
    assert form.attrs["action"] == "/zoeken"
    hidden = [
        (item.attrs["name"], item.attrs["value"]) for item in descendants(form) if item.attrs.get("type") == "hidden"
    ]
    assert hidden == [("weergave", "coach"), ("r", TAX), ("doel", "Werk"), (f"wie.{TAX}.1", "coach")]
    results = get_page(client, f"/zoeken?q=zorgtoeslag&weergave=coach&r={TAX}&doel=Werk&wie.{TAX}.1=coach&heb=onzin")
    carried = [
        (field.attrs["name"], field.attrs["value"])
        for field in descendants(results.one("form", class_="coach-view"))
        if field.attrs.get("type") == "hidden"
    ]
    assert carried == [("r", TAX), ("doel", "Werk"), (f"wie.{TAX}.1", "coach")]


def test_normal_results_link_to_the_coach_view(client):
    page = get_page(client, "/zoeken?q=kwijtschelding&gemeente=oss")
    assert any(query(href).get("weergave") == ["coach"] for href in page.internal_links())


QUERY = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "r",
                "doel",
                "heb",
                "klaar",
                f"wie.{TAX}.1",
                f"door.{TAX}.1",
                f"wanneer.{CARE}.2",
                "omhoog",
                "weg",
                "zekerweg",
                "haalweg",
                "taal",
            ]
        ),
        st.one_of(st.sampled_from([TAX, CARE, f"{TAX}.1", "ik", "niets", "en", ""]), st.text(max_size=300)),
    ),
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(pairs=QUERY)
def test_no_query_makes_a_coach_page_fail(client, pairs):
    for url in ("/plan", f"/{TAX}/stappenplan"):
        response = client.get(url, query_string=pairs)
        assert response.status_code in (200, 303), response.status_code


def test_the_editor_stops_before_the_plan_no_longer_fits_in_a_link(client):
    """Notes that would make the plan's link too long are not taken: the plan stays, with a Dutch message."""
    notes = "&".join(
        f"door.{scheme}.{step}={'é' * 80}&wanneer.{scheme}.{step}={'ü' * 80}"
        for scheme in (TAX, EXTRA, CARE)
        for step in range(1, 4)
    )
    response = client.get(f"/plan?r={TAX}&r={EXTRA}&r={CARE}&{notes}&maak=1")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "past niet meer in de link van het stappenplan" in response.get_data(as_text=True)
    short = client.get(f"/plan?r={TAX}&door.{TAX}.1=Sanne&maak=1")
    assert short.status_code == 303 and len(short.headers["Location"]) < MAX_PLAN_URL
