"""Parts of pages rendered once (views/fragments.py): shared only between requests with nothing personal."""

from __future__ import annotations

from datetime import date

import pytest
from testapp import make_app

from views.fragments import FragmentCache

SEARCH = "/zoeken?q=huurtoeslag&gemeente=oss"


@pytest.fixture
def app(tmp_path):
    """The test app with the page cache off, so that every request renders its page."""
    return make_app(tmp_path, PAGE_CACHE=False)


def kept(app) -> int:
    return len(app.extensions["fragments"])


def test_a_new_question_reuses_the_cards_and_the_frame_of_an_earlier_one(client, app):
    first = client.get(SEARCH).get_data(as_text=True)
    after_first = kept(app)
    assert after_first > 0
    again = client.get(SEARCH.replace("huurtoeslag", "huurtoeslag+aanvragen")).get_data(as_text=True)
    assert "/landelijk/huurtoeslag?" in first and "/landelijk/huurtoeslag?" in again
    assert 'value="huurtoeslag aanvragen"' in again and 'value="huurtoeslag"' not in again
    # The same cards, tiles, form and frame: nothing new to keep for the second question.
    assert kept(app) == after_first


@pytest.mark.parametrize(
    "personal",
    ["weergave=coach", "weergave=coach&r=landelijk/huurtoeslag&doel=huur+betalen", "inkomen=1200", "onbekend=1"],
)
def test_a_page_with_anything_personal_is_rendered_for_that_request_alone(client, app, personal):
    response = client.get(f"{SEARCH}&{personal}")
    assert response.status_code == 200
    assert kept(app) == 0


def test_the_parts_differ_by_language_and_municipality(client, app):
    dutch = client.get(SEARCH).get_data(as_text=True)
    english = client.get(SEARCH + "&taal=en").get_data(as_text=True)
    everywhere = client.get("/zoeken?q=huurtoeslag").get_data(as_text=True)
    assert '<html lang="en"' in english and '<html lang="nl"' in dutch
    assert 'href="/over?taal=en&amp;gemeente=oss"' in english and 'href="/over?gemeente=oss"' in dutch
    assert "gemeente=oss" in dutch and "gemeente=oss" not in everywhere


def test_parts_of_another_catalog_or_day_are_never_reused():
    cache = FragmentCache()
    catalog = object()
    assert cache.get_or_render(("card",), (catalog, date(2026, 12, 5)), lambda: "oud") == "oud"
    assert cache.get_or_render(("card",), (catalog, date(2026, 12, 5)), lambda: "nieuw") == "oud"
    assert cache.get_or_render(("card",), (catalog, date(2026, 12, 6)), lambda: "nieuw") == "nieuw"
    assert cache.get_or_render(("card",), (object(), date(2026, 12, 6)), lambda: "ander") == "ander"


def test_the_least_recently_used_part_is_dropped_first():
    cache = FragmentCache(max_entries=2)
    made_for = (object(), date(2026, 12, 5))
    cache.get_or_render(("a",), made_for, lambda: "a")
    cache.get_or_render(("b",), made_for, lambda: "b")
    cache.get_or_render(("a",), made_for, lambda: "a again")  # used: now the most recent
    cache.get_or_render(("c",), made_for, lambda: "c")  # one too many: "b" goes
    assert len(cache) == 2
    assert cache.get_or_render(("a",), made_for, lambda: "new") == "a"
    assert cache.get_or_render(("b",), made_for, lambda: "b rendered again") == "b rendered again"
