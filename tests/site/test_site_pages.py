"""The candidate pages (views/site/pages.py): every page type, the state kept in links, postcodes, amounts, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitepage import Page, get_page, path, query, words

PAGES = [
    "/",
    "/zoeken?q=sport&gemeente=oss",
    "/zoeken?q=qxzv+wqpk&gemeente=oss",
    "/zoeken",
    "/kies",
    "/kies?postcode=1011",
    "/oss",
    "/landelijk",
    "/oss/meedoen",
    "/landelijk/zorgtoeslag?gemeente=oss",
    "/categorie/zorg",
    "/categorie/zorg?gemeente=oss",
    "/over",
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_type_renders_in_both_languages(client, url, language):
    """Each page answers 200 with one h1, a skip link to <main>, and the page's language on <html>."""
    separator = "&" if "?" in url else "?"
    page = get_page(client, url + (f"{separator}taal={language}" if language != "nl" else ""))
    html = page.one("html")
    assert html.attrs["lang"] == language and html.attrs["dir"] == "ltr"
    assert len(page.all("h1")) == 1
    assert page.all("a", href="#inhoud", class_="utrecht-skip-link")
    assert page.one("main").attrs["id"] == "inhoud"
    assert page.all("form", action="/zoeken") or url.startswith(("/kies", "/over")), "pages offer the search"


def test_english_interface_is_translated(client):
    """With ?taal=en the interface texts are English; the scheme's own texts stay Dutch and say so."""
    page = get_page(client, "/oss/meedoen?taal=en")
    headings = [words(h.text) for h in page.all("h2")]
    assert "What do you get? (only in Dutch)" in headings, "a section whose text stays Dutch says so in plain words"
    title = page.one("h1")
    assert title.lang == "nl" and words(title.text) == "Meedoenbijdrage"
    lead = page.one("p", class_="utrecht-paragraph--lead")
    assert words(lead.text).endswith("(only in Dutch)"), "no English summary: the Dutch one, marked"
    assert [
        span.lang
        for span in page.all("span")
        if span.attrs.get("lang") and span.text.strip() and span.text in lead.text
    ][:1] == ["nl"]


def test_translated_summary_is_used_and_marked(client):
    """A scheme with an English summary shows it on the English page, in the page's own language."""
    page = get_page(client, "/landelijk/zorgtoeslag?taal=en")
    lead = page.one("p", class_="utrecht-paragraph--lead")
    assert words(lead.text).startswith("Money from the government") and lead.lang == "en"


def test_language_switch_keeps_the_page_and_its_parameters(client):
    """The switch links to the same page and query in the other language, without a cookie."""
    page = get_page(client, "/zoeken?q=sport&gemeente=oss")
    english = page.one("a", hreflang="en")
    assert path(english.attrs["href"]) == "/zoeken"
    assert query(english.attrs["href"]) == {"q": ["sport"], "gemeente": ["oss"], "taal": ["en"]}
    back = get_page(client, english.attrs["href"]).one("a", hreflang="nl")
    assert query(back.attrs["href"]) == {"q": ["sport"], "gemeente": ["oss"]}


@pytest.mark.parametrize(
    "url", ["/oss", "/oss/meedoen", "/landelijk/zorgtoeslag?gemeente=oss", "/categorie/zorg?gemeente=oss"]
)
def test_links_and_forms_carry_the_municipality_and_language(client, url):
    """Links to pages not about one place carry gemeente; every link carries taal; forms carry it hidden."""
    page = get_page(client, url + ("&" if "?" in url else "?") + "taal=en")
    checked = 0
    for href in page.internal_links():
        if path(href) in ("/", "/zoeken", "/over") or path(href).startswith(("/categorie/", "/landelijk/")):
            assert query(href).get("gemeente") == ["oss"], f"{href} lost the municipality"
            checked += 1
    assert checked
    to_dutch = page.one("a", hreflang="nl").attrs["href"]
    assert "taal" not in query(to_dutch)
    for href in page.internal_links():
        assert href == to_dutch or query(href).get("taal") == ["en"], f"{href} lost the language"
    hidden = {(e.attrs["name"], e.attrs["value"]) for e in page.all("input", type="hidden")}
    assert ("taal", "en") in hidden


def test_home_search_form_keeps_the_chosen_municipality(client):
    """The question box on a municipality's home sends its slug along as a hidden field."""
    page = get_page(client, "/?gemeente=oss")
    hidden = {(e.attrs["name"], e.attrs["value"]) for e in page.all("input", type="hidden")}
    assert ("gemeente", "oss") in hidden
    assert page.one("label", **{"for": "zoekvraag"}).text.strip() == "Waar zoekt u hulp bij?"


def test_postcode_leads_to_the_municipality(client):
    """A postcode (4 digits, with or without letters) redirects to its municipality's page."""
    for typed in ("5341", "5341 AB", " 5371ab "):
        response = client.get("/kies", query_string={"postcode": typed})
        assert response.status_code == 303 and response.headers["Location"] == "/oss"
    response = client.get("/kies", query_string={"postcode": "6511", "taal": "en"})
    assert response.headers["Location"] == "/nijmegen?taal=en"


def test_municipality_by_name_leads_to_its_page(client):
    """Choosing from the list redirects to the municipality's page."""
    response = client.get("/kies?gemeente=nijmegen")
    assert response.status_code == 303 and response.headers["Location"] == "/nijmegen"


def test_unknown_postcode_names_our_municipalities_and_offers_national_schemes(client):
    """A postcode outside our municipalities gets a plain message, the covered names, and the national schemes."""
    page = get_page(client, "/kies?postcode=1011")
    text = page.main_text
    assert "1011" in text and "Nijmegen" in text and "Oss" in text
    assert "/landelijk/zorgtoeslag" in [path(href) for href in page.internal_links()]


@pytest.mark.parametrize("typed", ["abc", "12345", "0123", "5341-AB!"])
def test_malformed_postcode_gets_a_specific_message(client, typed):
    """Input that is no postcode: 400 with the rule, the field marked invalid and described by the message."""
    page = get_page(client, f"/kies?postcode={typed}", status=400)
    field = page.one("input", name="postcode")
    assert field.attrs["aria-invalid"] == "true"
    assert "kies-postcode-fout" in field.attrs["aria-describedby"]
    assert "4 cijfers" in page.text_of("div", id="kies-postcode-fout")


@pytest.mark.parametrize("slug", ["atlantis", ""])
def test_unknown_or_missing_municipality_in_the_choice_is_explained(client, slug):
    """No choice, or a slug we do not know (a tampered form): 400 with a message next to the list."""
    page = get_page(client, f"/kies?gemeente={slug}", status=400)
    select = page.one("select", name="gemeente")
    assert select.attrs["aria-invalid"] == "true" and select.attrs["aria-describedby"] == "kies-gemeente-fout"
    assert page.text_of("div", id="kies-gemeente-fout")


def test_unknown_gemeente_parameter_is_said_and_dropped(client):
    """?gemeente= with an unknown slug: a notice, and links do not carry it further."""
    page = get_page(client, "/zoeken?q=sport&gemeente=atlantis")
    assert "atlantis" in page.main_text
    switches = {a.attrs["href"] for a in page.all("a", hreflang="en")}
    assert all("atlantis" not in href for href in page.internal_links() if href not in switches)


def test_municipality_page_lists_own_and_national_schemes_by_category(client):
    """/oss groups Oss's and national schemes under category headings; Nijmegen's never appear."""
    page = get_page(client, "/oss")
    assert "Oss" in page.text_of("h1")
    sections = {e.attrs["id"] for e in page.all("section", class_="group")}
    assert {"meedoen", "kinderen", "zorg", "geld", "energie"} <= sections
    scheme_paths = {path(href) for href in page.internal_links()}
    assert {"/oss/meedoen", "/landelijk/zorgtoeslag"} <= scheme_paths
    assert "/nijmegen/kwijtschelding" not in scheme_paths
    assert page.all("a", href="tel:140412")


def test_national_page_lists_only_national_schemes(client):
    """/landelijk lists the national schemes and keeps a chosen municipality in its links."""
    page = get_page(client, "/landelijk?gemeente=oss")
    scheme_links = [href for href in page.internal_links() if path(href).count("/") == 2 and "/static/" not in href]
    assert scheme_links and all(path(href).startswith("/landelijk/") for href in scheme_links)
    assert all(query(href)["gemeente"] == ["oss"] for href in scheme_links)


def test_uppercase_municipality_redirects(client):
    """/Oss (typed by hand) redirects to /oss."""
    response = client.get("/Oss")
    assert response.status_code == 301 and response.headers["Location"] == "/oss"


def test_scheme_page_has_steps_checklist_helpers_contact_and_sources(client):
    """The scheme page: numbered steps, a labelled checklist, free helpers, a tel: link, sources with the date."""
    page = get_page(client, "/landelijk/zorgtoeslag")
    steps = page.one("ol", class_="steps")
    assert [words(item.text) for item in steps.children][0].startswith("Log in met uw DigiD.")
    assert "Bel de testlijn" in page.main_text, "the other way when DigiD is missing"
    for box in page.all("input", type="checkbox"):
        assert page.all("label", **{"for": box.attrs["id"]})
    assert page.all("a", href="tel:08000543")
    assert "Gecontroleerd op 1 november 2026" in words(page.main_text)
    helpers = get_page(client, "/oss/meedoen")
    assert "Sociaal Raadslieden Test" in helpers.main_text and helpers.all("a", href="tel:0412123456")


def test_amounts_are_formatted_for_the_locale(client):
    """This year's figure in Dutch style (€ 1.234,50), English style in English; maxima say 'tot'."""
    dutch = words(get_page(client, "/landelijk/zorgtoeslag").main_text)
    assert "tot € 1.234,50 per maand" in dutch
    assert "€ 39.719 per jaar als u alleen woont" in dutch
    english = words(get_page(client, "/landelijk/zorgtoeslag?taal=en").main_text)
    assert "€1,234.50" in english


def test_old_amount_says_its_year(client):
    """A figure from an earlier year is shown with its year and the advice to check the current amount."""
    text = words(get_page(client, "/oss/meedoen").main_text)
    assert "€ 150 per jaar (bedrag uit 2024 — vraag het actuele bedrag na)" in text


def test_ended_scheme_says_so_at_the_top(client):
    """Status and notice are shown before the content."""
    page = get_page(client, "/oss/oude-regeling")
    alerts = [words(e.text) for e in page.all("div", class_="utrecht-alert")]
    assert any(alert.startswith("Gestopt.") for alert in alerts)
    assert any("in 2025 gestopt" in alert for alert in alerts)


def test_yaml_content_is_escaped(client):
    """Markup in the data is shown as text, never run or rendered."""
    response = client.get("/oss/oude-regeling")
    html = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "<b>Vet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not Page(html).all("script", src=None)


def test_category_page_with_and_without_municipality(client):
    """With a municipality: its schemes and the national ones; without: the choice, and only the national ones."""
    chosen = get_page(client, "/categorie/zorg?gemeente=oss")
    assert "/landelijk/zorgtoeslag" in {path(href) for href in chosen.internal_links()}
    everyone = get_page(client, "/categorie/zorg")
    assert "/landelijk/zorgtoeslag" in {path(href) for href in everyone.internal_links()}
    assert everyone.all("select", name="gemeente")
    assert [field.attrs["value"] for field in everyone.all("input", name="categorie", type="hidden")] == ["zorg"] * 2
    # Not every municipality's list (at national scale: 350 of them): those come after the choice.
    only_local = get_page(client, "/categorie/wonen")
    assert "/nijmegen/kwijtschelding" not in {path(href) for href in only_local.internal_links()}
    assert "Kies hierboven uw gemeente" in only_local.main_text


def test_choosing_on_a_category_page_leads_to_that_category_in_the_municipality(client):
    """The choice (by name or postcode) made on a category page lands on that category for the municipality."""
    for choice in ({"gemeente": "nijmegen"}, {"postcode": "6511"}):
        response = client.get("/kies", query_string=choice | {"categorie": "wonen"})
        assert response.status_code == 303 and response.headers["Location"] == "/categorie/wonen?gemeente=nijmegen"
    page = get_page(client, "/categorie/wonen?gemeente=nijmegen")
    assert "/nijmegen/kwijtschelding" in {path(href) for href in page.internal_links()}
    assert client.get("/kies?gemeente=nijmegen&categorie=onzin").headers["Location"] == "/nijmegen"
    retry = get_page(client, "/kies?gemeente=&categorie=wonen", status=400)
    assert [field.attrs["value"] for field in retry.all("input", name="categorie", type="hidden")] == ["wonen"] * 2


def test_search_results_show_schemes_and_suggest_choosing_a_municipality(client):
    """Results link to scheme pages; without a municipality the visitor is invited to choose one."""
    page = get_page(client, "/zoeken?q=zorgverzekering")
    assert "/landelijk/zorgtoeslag" in [path(href) for href in page.internal_links()]
    assert page.one("select", name="gemeente")


def test_no_match_is_never_a_dead_end(client):
    """No hits: a friendly message, the closest schemes, the topics and the municipality's phone number."""
    page = get_page(client, "/zoeken?q=qxzv+wqpk&gemeente=oss")
    assert page.all("div", class_="utrecht-alert")
    assert page.all("a", href="tel:140412")
    assert [href for href in page.internal_links() if path(href).startswith("/categorie/")]


def test_empty_and_hostile_queries_are_handled(client):
    """Empty, very long, and query-syntax input all give a normal page."""
    assert get_page(client, "/zoeken?q=").all("nav", class_="tiles")
    get_page(client, "/zoeken", status=200)
    get_page(client, "/zoeken?q=" + "a" * 10_000)
    get_page(client, "/zoeken?q=%22%28%2A%3F+AND+title%3Ax")
    page = get_page(client, "/zoeken?q=sport&categorie=onzin")
    assert "onzin" in page.main_text


def test_about_page_says_nothing_is_stored(client):
    """The about page states plainly: no account, no cookies, nothing stored, searches not saved."""
    text = get_page(client, "/over").main_text
    for phrase in ("Wij bewaren niets over u.", "Wij gebruiken geen cookies.", "Wat u zoekt, slaan wij niet op."):
        assert phrase in text


def test_layout_is_ready_for_a_right_to_left_language(client, monkeypatch):
    """Registering a right-to-left language flips the page; Dutch scheme texts inside stay marked ltr."""
    from views.languages import LANGUAGES, Language

    monkeypatch.setitem(LANGUAGES, "ar", Language("ar", "العربية", "rtl"))
    page = get_page(client, "/oss/meedoen?taal=ar")
    html = page.one("html")
    assert (html.attrs["lang"], html.attrs["dir"]) == ("ar", "rtl")
    title = page.one("h1")
    assert (title.attrs["lang"], title.attrs["dir"]) == ("nl", "ltr")
    dutch = page.one("a", hreflang="nl")
    assert dutch.attrs["dir"] == "ltr" and "taal" not in query(dutch.attrs["href"])


def test_every_category_has_a_name_a_hint_and_an_icon(app):
    """Each category of the data format has its own label, tile text and an icon in the sprite."""
    from regelingen.files.schema import categories
    from views.labels import all_categories

    sprite = (Path(app.static_folder) / "img" / "icons.svg").read_text(encoding="utf-8")
    with app.test_request_context("/"):
        shown = all_categories()
        assert [c.slug for c in shown] == list(categories())
        for category in shown:
            assert str(category.hint), f"{category.slug} has no text of its own in views/labels.py"
            assert f'id="{category.icon}"' in sprite
