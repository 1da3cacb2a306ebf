"""The check's pages (views/check/pages.py): one question per screen, messages, the result, both languages, privacy."""

from __future__ import annotations

import pytest
from checkhelp import make_app
from sitepage import Page, get_page, path, query, words

FULL = "gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=1680-2000&wonen=huur"


@pytest.fixture
def app(tmp_path):
    """The app on the check's fixture schemes and norms."""
    return make_app(tmp_path)


def get(client, url: str, status: int = 200) -> Page:
    """A page of the check: never stored, since the answers are in its address and its text."""
    return get_page(client, url, status, cache="no-store")


def test_first_screen_asks_the_municipality_with_why_and_dont_know(client):
    """One question per screen: its legend is the page's one heading, with "waarom vragen we dit?" and a postcode box."""
    page = get(client, "/check")
    assert len(page.all("h1")) == 1 and words(page.one("h1").text) == "In welke gemeente woont u?"
    assert "Waarom vragen we dit?" in page.text_of("p", class_="check-why")
    labels = [words(label.text) for label in page.all("label", class_="check-option__label")]
    assert labels == ["Oss", "Een andere gemeente, of weet ik niet"]
    assert page.one("input", name="postcode")
    assert page.one("form").attrs["action"] == "/check" and page.one("form").attrs["method"] == "get"
    assert "Wij bewaren uw antwoorden niet" in page.main_text


def test_each_step_carries_the_earlier_answers_in_hidden_fields(client):
    """The form of a step holds every earlier answer and the step's name; nothing is kept on the server."""
    page = get(client, "/check?gemeente=oss&partner=nee&kinderen=geen")
    hidden = {(field.attrs["name"], field.attrs["value"]) for field in page.all("input", type="hidden")}
    assert {("gemeente", "oss"), ("partner", "nee"), ("kinderen", "geen"), ("stap", "leeftijd")} <= hidden
    assert "Vraag 3 van hooguit" in page.text_of("p", class_="check__progress")
    back = page.one("a", class_="check__back").attrs["href"]
    assert path(back) == "/check" and query(back) == {"gemeente": ["oss"]}


def test_every_question_has_a_dont_know_answer(client):
    """Walking through with "weet ik niet" everywhere reaches the result."""
    url = "/check?gemeente=oss"
    for _ in range(7):
        response = client.get(url)
        if response.status_code == 303:
            break
        page = Page(response.get_data(as_text=True))
        for fieldset in page.all("fieldset"):
            key = fieldset.attrs["id"].removeprefix("veld-")
            assert any(item.attrs.get("value") == "onbekend" for item in page.all("input", name=key)), key
            url += f"&{key}=onbekend"
    assert response.status_code == 303 and path(response.headers["Location"]) == "/check/uitslag"


def test_the_last_answer_leads_to_the_result(client):
    """When nothing is left to ask, the check goes to the result page with the same answers."""
    response = client.get("/check?" + FULL + "&stap=wonen")
    assert response.status_code == 303 and response.headers["Cache-Control"] == "no-store"
    location = response.headers["Location"]
    assert path(location) == "/check/uitslag" and query(location)["inkomen"] == ["1680-2000"]
    assert "stap" not in query(location)


@pytest.mark.parametrize(
    ("url", "field", "message"),
    [
        ("/check?stap=gemeente", "gemeente", "Kies uw gemeente"),
        ("/check?stap=gemeente&postcode=12", "gemeente", "4 cijfers"),
        ("/check?stap=gemeente&postcode=1011", "gemeente", "Postcode 1011 ligt niet in een gemeente die wij kennen"),
        ("/check?gemeente=oss&stap=huishouden&partner=nee", "kinderen", "Kies minstens één antwoord"),
        ("/check?gemeente=oss&stap=huishouden&partner=misschien&kinderen=geen", "partner", "konden we niet lezen"),
    ],
)
def test_a_missing_or_wrong_answer_gets_a_specific_message(client, url, field, message):
    """The same question comes back with a message at the field, linked from the top of the form."""
    page = get(client, url, status=400)
    fieldset = page.one("fieldset", id=f"veld-{field}")
    assert message in words(fieldset.text)
    assert page.one("a", href=f"#veld-{field}")
    assert "fout-" + field in fieldset.attrs["aria-describedby"]


def test_an_answer_given_with_a_message_stays_chosen(client):
    """After a message, what was already chosen in that question is still chosen."""
    page = get(client, "/check?gemeente=oss&stap=huishouden&partner=nee", status=400)
    assert "checked" in page.one("input", name="partner", value="nee").attrs


def test_a_postcode_in_one_of_our_municipalities_moves_on(client):
    """A postcode in Oss answers the first question; the postcode itself is not carried further."""
    page = get(client, "/check?stap=gemeente&postcode=5341+AB")
    hidden = {(field.attrs["name"], field.attrs["value"]) for field in page.all("input", type="hidden")}
    assert ("gemeente", "oss") in hidden and not any(name == "postcode" for name, _ in hidden)


def test_result_shows_the_best_few_as_cards_and_folds_the_rest_away(client):
    """At most five cards, best first, each with what you get and one next step; the rest behind two folds."""
    page = get(client, "/check/uitslag?" + FULL)
    assert len(page.all("h1")) == 1
    cards = page.all("li", class_="check-result--card")
    assert 1 <= len(cards) <= 5
    assert words(cards[0].text).startswith("Huurtoeslag"), "the one scheme that probably fits comes first"
    for card in cards:
        assert "U krijgt:" in words(card.text) and "Volgende stap:" in words(card.text)
    assert words(page.one("details", id="meer").text).startswith("Meer regelingen die misschien passen")
    assert "Inkomenstoeslag" in page.one("details", id="niet_nu").text
    iit = [item for item in page.all("li", class_="check-result") if "Inkomenstoeslag" in item.text][0]
    assert "Past niet:" in words(iit.text) and "Dit kon de check niet controleren:" in words(iit.text)
    assert "Verandert uw situatie" in words(iit.text) and "Loket Inkomenstoeslag" in words(iit.text)
    meedoen = [item for item in page.all("li", class_="check-result") if "Meedoen" in item.text][0]
    assert "Rond de grens: Uw inkomen ligt rond de grens van € 1.680 per maand" in words(meedoen.text)
    assert "De gemeente of de organisatie van de regeling beslist" in page.main_text
    assert "Wij bewaren uw antwoorden niet" in page.main_text


def test_result_links_to_scheme_pages_and_to_a_plan_of_the_best_few(client):
    """Every scheme links to its page; one link puts the best few in the coach's plan, a national one included."""
    page = get(client, "/check/uitslag?" + FULL)
    links = page.internal_links()
    assert "/oss/meedoen" in links and "/landelijk/huurtoeslag?gemeente=oss" in links
    plan = page.one("a", class_="utrecht-button-link--primary-action").attrs["href"]
    assert path(plan) == "/plan"
    ids = query(plan)["r"]
    assert "landelijk/huurtoeslag" in ids and "oss/inkomenstoeslag" not in ids and len(ids) <= 4
    response = client.get(plan)
    assert response.status_code == 200


def test_result_summary_shows_each_answer_with_a_change_link(client):
    """The answers are listed in words; changing one asks that question again and keeps the earlier ones."""
    page = get(client, "/check/uitslag?" + FULL)
    names = [words(item.text) for item in page.all("dt")]
    answered = [words(item.text).removesuffix(" Wijzig " + name) for item, name in zip(page.all("dd"), names)]
    assert dict(zip(names, answered)) == {
        "Gemeente": "Oss",
        "Partner": "Nee",
        "Kinderen thuis": "Geen",
        "Leeftijd": "21 jaar of ouder, maar nog geen AOW-leeftijd",
        "U krijgt": "Geen van deze",
        "Inkomen per maand": "€ 1.680 tot € 2.000",
        "Wonen": "Ik huur mijn huis of kamer",
    }
    change = [a.attrs["href"] for a in page.all("a") if "Wijzig" in a.text and "Leeftijd" in a.text][0]
    assert query(change) == {"gemeente": ["oss"], "partner": ["nee"], "kinderen": ["geen"]}


def test_result_without_municipality_offers_to_choose_one(client):
    """Without a municipality the page says only national schemes are shown and links back to the first question."""
    page = get(client, "/check/uitslag?gemeente=")
    assert "U ziet alleen hulp voor heel Nederland" in page.main_text
    assert not [
        card
        for card in page.all("li", class_="check-result")
        if "Oss" in card.text and "niet_nu" not in card.attrs["class"]
    ]


@pytest.mark.parametrize("url", ["/check", "/check?gemeente=oss", "/check/uitslag?" + FULL])
def test_pages_in_english(client, url):
    """With ?taal=en the interface is English; scheme texts stay Dutch and are marked so; the language stays in the form."""
    page = get(client, url + ("&" if "?" in url else "?") + "taal=en")
    assert page.one("html").attrs["lang"] == "en"
    assert "Waarom vragen we dit" not in page.main_text and "Wij bewaren" not in page.main_text
    for _form in page.all("form", action="/check"):
        assert any(field.attrs.get("name") == "taal" for field in page.all("input", type="hidden"))


def test_english_result_reasons_are_translated_with_english_money(client):
    """Reasons are translated and amounts use the English way of writing money."""
    page = get(client, "/check/uitslag?" + FULL + "&taal=en")
    text = words(page.main_text)
    assert "This help fits you best" in text and "€1,680" in text


def test_home_page_links_to_the_check(client):
    """The home page offers the check."""
    assert "/check" in [path(href) for href in get_page(client, "/").internal_links()]
