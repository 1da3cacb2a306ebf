"""Issue 17, items 1 and 3 in a real Chromium on a 360 x 740 phone: the municipality with the question, crisis first."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .pages import sample_municipality, sample_scheme

pytestmark = pytest.mark.browser

SCREEN_HEIGHT = 740


def top_of(page: Page, selector: str) -> float:
    """The distance in px from the top of the page to the first element matching `selector`."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


def test_the_municipality_is_chosen_with_the_question_on_the_first_screen(phone_page: Page) -> None:
    """Home: the list of municipalities is in the question's form, on the first screen, and the search uses it."""
    place = sample_municipality()
    wanted = sample_scheme(place.slug)
    phone_page.set_viewport_size({"width": 360, "height": SCREEN_HEIGHT})
    phone_page.goto("/")
    choice = phone_page.get_by_label("In welke gemeente woont u?")
    assert top_of(phone_page, "form[role=search] select[name=gemeente]") < SCREEN_HEIGHT
    choice.select_option(place.slug)
    box = phone_page.get_by_label("Waar zoekt u hulp bij?")
    box.fill(wanted.title)
    box.press("Enter")
    phone_page.wait_for_url(re.compile(r"/zoeken\?"))
    assert parse_qs(urlsplit(phone_page.url).query)["gemeente"] == [place.slug]
    expect(phone_page.locator("form[role=search]")).to_contain_text(place.name)
    expect(phone_page.locator(f'main a[href^="/{wanted.id}"]').first).to_be_visible()


def test_without_a_municipality_the_results_ask_for_it_first(phone_page: Page) -> None:
    """A search without a municipality: the request to choose one is on the first screen, above every result."""
    phone_page.set_viewport_size({"width": 360, "height": SCREEN_HEIGHT})
    phone_page.goto("/zoeken?q=wasmachine+kapot+geen+geld")
    notice = top_of(phone_page, ".choose-first")
    assert notice < SCREEN_HEIGHT
    cards = phone_page.locator("main ul a[href^='/landelijk/']")
    if cards.count():
        assert notice < top_of(phone_page, "main ul a[href^='/landelijk/']")
    expect(phone_page.locator("main")).not_to_contain_text("Wij vonden geen regeling")


def test_a_question_about_violence_gets_veilig_thuis_on_the_first_screen(phone_page: Page) -> None:
    """'mijn man slaat mij': the free 24/7 number is tappable on the first phone screen, before any scheme."""
    place = sample_municipality()
    phone_page.set_viewport_size({"width": 360, "height": SCREEN_HEIGHT})
    phone_page.goto(f"/zoeken?q=mijn+man+slaat+mij&gemeente={place.slug}")
    call = phone_page.locator("section.crisis a[href='tel:08002000']")
    expect(call).to_be_visible()
    box = call.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN_HEIGHT
    schemes = phone_page.locator(f"main a[href^='/{place.slug}/'], main a[href^='/landelijk/']")
    if schemes.count():
        assert box["y"] < schemes.first.bounding_box()["y"]


@pytest.mark.parametrize("question", ["tandarts te duur", "wasmachine kapot geen geld", "huur betalen"])
def test_the_first_answer_starts_on_the_first_phone_screen(phone_page: Page, question: str) -> None:
    """Issue 16: with a municipality chosen, the top of the first result is inside the first 360 x 740 screen."""
    place = sample_municipality()
    phone_page.set_viewport_size({"width": 360, "height": SCREEN_HEIGHT})
    phone_page.goto(f"/zoeken?q={question.replace(' ', '+')}&gemeente={place.slug}")
    first = phone_page.locator("main ul.scheme-list a").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] < SCREEN_HEIGHT, f"the first result starts at {box and box['y']} px"
    expect(phone_page.get_by_label("Waar zoekt u hulp bij?")).to_be_visible()
