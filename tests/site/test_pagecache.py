"""Recent pages and answers kept in memory (views/pagecache.py, search/engine.py): reused only when nothing changed."""

from __future__ import annotations

import gzip
import time
from datetime import date
from pathlib import Path

import pytest
from flask import Response
from testapp import make_app

import search.engine
from regelingen.catalog import load_catalog
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon
from views.pagecache import PageCache

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"
SEARCH = "/zoeken?q=huurtoeslag&gemeente=oss"


def counting_searches(monkeypatch) -> list[str]:
    """Record every real search the engine runs (a recent answer does not count)."""
    calls: list[str] = []
    original = SearchEngine._search

    def counted(self, generation, text, *args):
        calls.append(text)
        return original(self, generation, text, *args)

    monkeypatch.setattr(SearchEngine, "_search", counted)
    return calls


@pytest.fixture
def app(tmp_path):
    """The app on the shared fixture schemes (tests/data/schemes), where the searches below find huurtoeslag."""
    return make_app(tmp_path)


def test_the_same_search_page_twice_is_searched_and_rendered_once(client, app, monkeypatch):
    calls = counting_searches(monkeypatch)
    first, second = client.get(SEARCH), client.get(SEARCH)
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert calls == ["huurtoeslag"]
    assert len(app.extensions["page_cache"]) == 1


def test_the_search_api_is_kept_but_still_tells_browsers_not_to_store_it(client, app):
    first = client.get("/api/v1/search?q=huurtoeslag&municipality=oss")
    again = client.get("/api/v1/search?q=huurtoeslag&municipality=oss")
    assert first.get_json() == again.get_json()
    assert first.get_json()["results"][0]["id"] == "landelijk/huurtoeslag"
    assert again.headers["Cache-Control"] == "no-store"
    assert len(app.extensions["page_cache"]) == 1


def test_a_kept_page_still_has_every_security_header(client):
    client.get(SEARCH)
    again = client.get(SEARCH)
    assert "default-src 'self'" in again.headers["Content-Security-Policy"]
    assert again.headers["X-Frame-Options"] == "DENY"
    assert "Set-Cookie" not in again.headers


def test_gzip_and_plain_visitors_each_get_what_they_can_read(client):
    zipped = client.get(SEARCH, headers={"Accept-Encoding": "gzip"})
    plain = client.get(SEARCH)
    zipped_again = client.get(SEARCH, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" == zipped_again.headers["Content-Encoding"]
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(zipped_again.data) == plain.data
    assert b"<html" in plain.data


def test_language_and_municipality_are_part_of_the_url_that_is_kept(client):
    dutch = client.get("/zoeken?q=huurtoeslag&gemeente=oss").get_data(as_text=True)
    english = client.get("/zoeken?q=huurtoeslag&gemeente=oss&taal=en").get_data(as_text=True)
    assert 'lang="nl"' in dutch and 'lang="en"' in english


def test_pages_with_personal_answers_are_never_kept(client, app):
    check = client.get("/check?huishouden=alleen")
    assert "no-store" in check.headers["Cache-Control"]
    client.get("/check?huishouden=alleen")
    assert len(app.extensions["page_cache"]) == 0


def test_errors_are_not_kept(client, app):
    assert client.get("/oss/bestaat-niet").status_code == 404
    assert len(app.extensions["page_cache"]) == 0


def test_a_new_publication_replaces_every_kept_page(tmp_path):
    data = tmp_path / "schemes"
    data.mkdir()
    for folder in ("oss", "landelijk"):
        (data / folder).mkdir()
        for source in (FIXTURES / folder).glob("*.yaml"):
            (data / folder / source.name).write_bytes(source.read_bytes())
    look_every_request = {"RECHECK_SECONDS": 0, "WATCH_SHARE": 1}  # see publishing/live.py
    app = make_app(tmp_path, data, **look_every_request)
    client = app.test_client()
    page = "/landelijk/huurtoeslag"
    assert "Huurtoeslag" in client.get(page).get_data(as_text=True)
    changed = data / "landelijk" / "huurtoeslag.yaml"
    text = changed.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("titel:"))
    changed.write_text(text.replace(title, "titel: Toeslag voor de huur, nieuw"), encoding="utf-8")
    assert "Toeslag voor de huur, nieuw" in client.get(page).get_data(as_text=True)


def test_a_new_day_forgets_the_pages_of_yesterday():
    cache = PageCache()
    catalog = object()
    cache.put(("page",), (catalog, date(2026, 11, 21)), Response("gisteren"))
    assert cache.get(("page",), (catalog, date(2026, 11, 21))).get_data() == b"gisteren"
    assert cache.get(("page",), (catalog, date(2026, 11, 22))) is None
    assert cache.get(("page",), (object(), date(2026, 11, 22))) is None


def test_a_kept_page_is_forgotten_after_its_time():
    cache, made_for = PageCache(seconds=0.05), (object(), date(2026, 11, 21))
    cache.put(("page",), made_for, Response("vraag"))
    time.sleep(0.1)
    assert cache.get(("page",), made_for) is None


def test_the_page_cache_can_be_switched_off(tmp_path, monkeypatch):
    app = make_app(tmp_path, FIXTURES, PAGE_CACHE=False)
    calls = counting_searches(monkeypatch)
    client = app.test_client()
    client.get(SEARCH)
    client.get(SEARCH)
    assert "page_cache" not in app.extensions
    assert calls == ["huurtoeslag"]  # the engine still remembers the answer


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("index")
    build_index(load_catalog(FIXTURES).schemes.values(), directory, load_lexicon().words)
    return directory


def test_the_engine_answers_a_repeated_question_from_memory(index_dir, monkeypatch):
    calls = counting_searches(monkeypatch)
    engine = SearchEngine(index_dir, load_lexicon())
    assert engine.search("huurtoeslag", "oss") == engine.search("huurtoeslag", "oss")
    engine.search("huurtoeslag", "nijmegen")
    engine.search("huurtoeslag", "oss", limit=3)
    assert calls == ["huurtoeslag"] * 3


def test_the_engine_keeps_no_long_texts_and_can_keep_nothing(index_dir, monkeypatch):
    calls = counting_searches(monkeypatch)
    long_text = "huurtoeslag " * 30
    engine = SearchEngine(index_dir, load_lexicon())
    engine.search(long_text, "oss")
    engine.search(long_text, "oss")
    forgetful = SearchEngine(index_dir, load_lexicon(), recent_size=0)
    forgetful.search("huurtoeslag", "oss")
    forgetful.search("huurtoeslag", "oss")
    assert len(calls) == 4


def test_the_engine_forgets_its_answers_after_a_while(index_dir, monkeypatch):
    monkeypatch.setattr(search.engine, "RECENT_SECONDS", 0.05)
    calls = counting_searches(monkeypatch)
    engine = SearchEngine(index_dir, load_lexicon())
    engine.search("huurtoeslag", "oss")
    time.sleep(0.1)
    engine.search("huurtoeslag", "oss")
    assert len(calls) == 2


def test_a_page_that_carries_a_plan_is_never_kept(client, app):
    """A public page opened with a coach's plan in its URL holds the plan's notes: not kept, and no-store (issue 17)."""
    url = SEARCH + "&r=oss/kwijtschelding&doel=Rust&door.oss/kwijtschelding.1=mijn+zus"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.headers["Cache-Control"] == second.headers["Cache-Control"] == "no-store"
    assert b"mijn zus" in first.data and len(app.extensions["page_cache"]) == 0
