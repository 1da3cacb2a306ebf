"""The search page: the municipality asked with the question, and crisis help before any scheme (issue 17, 1 and 3)."""

from __future__ import annotations

import pytest
from sitepage import get_page, make_app


@pytest.fixture
def app(tmp_path):
    """The app on the site's own fixture schemes."""
    return make_app(tmp_path)


def test_home_asks_the_question_and_the_municipality_in_one_form(client):
    """One search form holds the question, the municipality list and the postcode."""
    page = get_page(client, "/")
    form = page.one("form", role="search")
    names = {field.attrs.get("name") for field in form.all("input") + form.all("select")}
    assert {"q", "gemeente", "postcode"} <= names


def test_a_chosen_municipality_is_kept_and_visible_in_the_form(client):
    """With Oss chosen the form carries it and says so, with a way to choose another."""
    page = get_page(client, "/zoeken?q=sport&gemeente=oss")
    form = page.one("form", role="search")
    assert ("gemeente", "oss") in {(e.attrs["name"], e.attrs["value"]) for e in form.all("input", type="hidden")}
    assert "Uw gemeente: Oss" in form.text
    assert not form.all("select", name="gemeente")


def test_a_postcode_with_the_question_searches_in_that_municipality(client):
    """Question plus postcode: the same search in the postcode's municipality."""
    response = client.get("/zoeken?q=sport&postcode=5341+AB")
    assert response.status_code == 303
    assert response.headers["Location"] == "/zoeken?q=sport&gemeente=oss"


def test_a_postcode_without_a_question_leads_to_the_municipality(client):
    """Only a postcode: the choice page, which leads on to the municipality."""
    response = client.get("/zoeken?q=&postcode=5341")
    assert response.status_code == 303 and response.headers["Location"] == "/kies?postcode=5341"


@pytest.mark.parametrize(("typed", "said"), [("abc", "4 cijfers"), ("1011", "staat nog niet op deze website")])
def test_a_wrong_or_unknown_postcode_is_said_and_the_search_still_answers(client, typed, said):
    """A postcode we cannot use: a plain message at the field, and the national results below."""
    page = get_page(client, f"/zoeken?q=zorgverzekering&postcode={typed}")
    assert said in page.text_of("div", id="zoekvraag-postcode-fout")
    assert page.one("input", name="postcode").attrs["aria-invalid"] == "true"
    assert "/landelijk/zorgtoeslag" in [href.split("?")[0] for href in page.internal_links()]


def test_without_a_municipality_the_page_asks_for_it_before_any_result(client):
    """The notice and the municipality list come before the first result."""
    html = client.get("/zoeken?q=zorgverzekering").get_data(as_text=True)
    assert html.index("choose-first") < html.index('name="gemeente"') < html.index("/landelijk/zorgtoeslag")


def test_without_a_municipality_a_local_scheme_is_never_said_not_to_exist(client):
    """Kwijtschelding exists only per municipality: no 'no scheme found', but 'choose your municipality'."""
    page = get_page(client, "/zoeken?q=kwijtschelding")
    assert "Wij vonden geen regeling" not in page.main_text
    assert "Kies hierboven uw gemeente" in page.main_text
    with_place = get_page(client, "/zoeken?q=kwijtschelding&gemeente=nijmegen")
    assert "/nijmegen/kwijtschelding" in [href.split("?")[0] for href in with_place.internal_links()]


def test_violence_at_home_gets_veilig_thuis_before_any_scheme(client):
    """'mijn man slaat mij': Veilig Thuis and 112 as tap-to-call links, above the first result."""
    page = get_page(client, "/zoeken?q=mijn+man+slaat+mij&gemeente=oss")
    crisis = page.one("section", class_="crisis")
    assert crisis.all("a", href="tel:08002000") and crisis.all("a", href="tel:112")
    html = client.get("/zoeken?q=mijn+man+slaat+mij&gemeente=oss").get_data(as_text=True)
    assert html.index('class="crisis"') < html.index('role="search"')


def test_crisis_help_is_in_english_on_english_pages(client):
    """The English page reads the English text of the crisis file."""
    page = get_page(client, "/zoeken?q=I+want+to+kill+myself&taal=en")
    crisis = page.one("section", class_="crisis")
    assert "Are you thinking about suicide?" in crisis.text
    assert crisis.all("a", href="tel:113") and crisis.all("a", href="tel:08000113")


def test_no_bed_tonight_names_the_chosen_municipalitys_number(client):
    """Acute need handled by the municipality: its phone number, or how to see it."""
    crisis = get_page(client, "/zoeken?q=geen+slaapplek+vannacht&gemeente=oss").one("section", class_="crisis")
    assert crisis.all("a", href="tel:140412")
    unchosen = get_page(client, "/zoeken?q=geen+slaapplek+vannacht").one("section", class_="crisis")
    assert "Kies hieronder uw gemeente" in unchosen.text


def test_crisis_help_also_comes_when_nothing_else_matched(client):
    """Even without any scheme for the words, the crisis help is there."""
    page = get_page(client, "/zoeken?q=zelfmoord+qxzv&gemeente=oss")
    assert page.one("section", class_="crisis").all("a", href="tel:113")


def test_an_ordinary_question_shows_no_crisis_block(client):
    """No alarm for a question about money."""
    page = get_page(client, "/zoeken?q=sport&gemeente=oss")
    assert not page.all("section", class_="crisis")
