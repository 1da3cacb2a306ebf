"""Hostile input to the search, the API, the results page and the coach plan: never a 500, never a hang."""

from __future__ import annotations

import time
from collections.abc import Iterable
from urllib.parse import quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testapp import make_app

from regelingen.files.schema import categories
from search.query import MAX_CHARACTERS, clean

# A hang guard, not a speed target: a normal search takes a few milliseconds.
BOUND_SECONDS = 2.0
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Whole pages cost more per example; fewer examples keep `make test` short.
PAGE_FUZZ = settings(FUZZ, max_examples=100)

QUERY_SYNTAX = [
    '"',
    "(",
    ")",
    "*",
    "?",
    ":",
    "^",
    "~",
    "AND",
    "OR",
    "NOT",
    "titel:",
    "id:*",
    "gemeente:oss",
    "[a TO z]",
    "\\",
    "-",
    "+",
]
WORDS = ["huur", "toeslag", "schulden", "kinderen", "zorg", "bijstand", "tandarts", "energie", "de", "ik"]
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co", "Mn"])
HOSTILE_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(CONTROL, max_size=50),
    st.lists(st.sampled_from(QUERY_SYNTAX + WORDS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(QUERY_SYNTAX + WORDS), max_size=30).map("".join),
    st.tuples(st.text(min_size=1, max_size=12), st.integers(1, 10_000)).map(lambda pair: (pair[0] * pair[1])[:10_000]),
)
# Lone surrogates cannot travel as UTF-8: they reach the server as invalid percent-encoded bytes.
SURROGATE_BYTES = st.text(st.characters(categories=["Cs", "Lu", "Nd"]), min_size=1, max_size=20).map(
    lambda text: text.encode("utf-8", "surrogatepass")
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    """The app on the shipped data (only general properties are checked), its index in a temp dir."""
    app = make_app(tmp_path_factory.mktemp("app"), None)
    app.test_client().get("/api/v1/search?q=huur")  # open the searcher before timing anything
    return app


def _choices(known: Iterable[str]) -> st.SearchStrategy[str]:
    """Known values, near misses and anything at all."""
    known = sorted(known)
    near = [value.upper() for value in known] + [f"{value}\x00" for value in known] + ["", " ", "../etc", "landelijk/"]
    return st.one_of(st.sampled_from(known + near), st.text(max_size=80))


def _drawn(data: st.DataObject, **strategies: st.SearchStrategy[str]) -> dict[str, str]:
    """One drawn value per named strategy."""
    return {name: data.draw(strategy) for name, strategy in strategies.items()}


LIMITS = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["", "0", "1", "50", "51", "1e3", "²", "٣", " 10 ", "10.0", "-1", "9" * 400]),
    st.text(max_size=8),
)


def _get(client, path: str, query: str | dict):
    """GET `path` with a query and return the response; fails when it takes longer than the bound."""
    started = time.perf_counter()
    response = client.get(path, query_string=query) if isinstance(query, dict) else client.get(f"{path}?{query}")
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND_SECONDS, f"{path} took {elapsed:.2f} s for {query!r:.200}"
    assert response.status_code < 500, (response.status_code, query)
    return response


@FUZZ
@given(text=st.one_of(HOSTILE_TEXT, SURROGATE_BYTES.map(lambda data: data.decode("utf-8", "surrogatepass"))))
def test_query_analysis_accepts_any_text(fuzz_app, text):
    """Any text, even lone surrogates, is cut to size and searched: hits, or a fallback, never an exception."""
    engine = fuzz_app.extensions["search"]
    assert len(clean(text)) <= MAX_CHARACTERS
    started = time.perf_counter()
    response = engine.search(text, None, None, 10)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert response.query == clean(text)
    assert (response.fallback is None) == bool(response.hits)


@FUZZ
@given(q=HOSTILE_TEXT, data=st.data())
def test_search_api_answers_json_to_anything(fuzz_app, q, data):
    """Any question, municipality, category and limit: 200 with results or 400 with the allowed values."""
    catalog = fuzz_app.extensions["catalog"]
    query = {"q": q} | _drawn(
        data, municipality=_choices(catalog.municipalities), category=_choices(categories()), limit=LIMITS
    )
    query = {key: value for key, value in query.items() if data.draw(st.booleans()) or key == "q"}
    response = _get(fuzz_app.test_client(), "/api/v1/search", query)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert response.status_code in (200, 400), body
    if response.status_code == 200:
        assert isinstance(body["results"], list) and len(body["results"]) <= 50
        assert (body["fallback"] is None) == bool(body["results"])
    else:
        assert body["error"] and isinstance(body["allowed"], list)


@FUZZ
@given(
    raw=st.lists(
        st.tuples(st.sampled_from(["q", "municipality", "category", "limit", "x"]), SURROGATE_BYTES), max_size=6
    )
)
def test_search_api_survives_invalid_utf8_and_repeated_parameters(fuzz_app, raw):
    """Percent-encoded bytes that are not UTF-8, and the same parameter twice, still give JSON."""
    query = "&".join(f"{key}={quote_from_bytes(value)}" for key, value in raw)
    response = _get(fuzz_app.test_client(), "/api/v1/search", query)
    assert response.mimetype == "application/json" and response.get_json() is not None


@PAGE_FUZZ
@given(q=HOSTILE_TEXT, data=st.data())
def test_results_page_answers_html_to_anything(fuzz_app, q, data):
    """`/zoeken` with any question, category, municipality and language is a page, never an error 500."""
    catalog = fuzz_app.extensions["catalog"]
    languages = st.sampled_from(["", "nl", "en", "xx", "EN", "\x00"])
    query = {"q": q} | _drawn(
        data, categorie=_choices(categories()), gemeente=_choices(catalog.municipalities), taal=languages
    )
    response = _get(fuzz_app.test_client(), "/zoeken", urlencode(query, encoding="utf-8", errors="surrogatepass"))
    assert response.mimetype == "text/html"
    assert b"<html" in response.data.lower()


PLAN_KEYS = ["r", "r", "r", "doel", "heb", "klaar", "omhoog", "omlaag", "weg", "maak", "taal", "gemeente", "onbekend"]


@PAGE_FUZZ
@given(data=st.data())
def test_coach_plan_urls_never_fail(fuzz_app, data):
    """`/plan` with random, repeated and unknown scheme ids, long free text and made-up step keys."""
    ids = sorted(fuzz_app.extensions["catalog"].schemes)
    scheme_id = st.one_of(st.sampled_from(ids), st.text(max_size=120), st.sampled_from(["oss/", "/", "OSS/X", "a/b/c"]))
    step_key = st.tuples(st.sampled_from(["wie", "door", "wanneer"]), scheme_id, st.integers(-5, 100)).map(
        lambda parts: f"{parts[0]}.{parts[1]}.{parts[2]}"
    )
    key = st.one_of(st.sampled_from(PLAN_KEYS), step_key, st.text(max_size=20))
    value = st.one_of(scheme_id, HOSTILE_TEXT, st.sampled_from(["ik", "coach", "ander", "digid", "niets", "1", "x.1"]))
    pairs = data.draw(st.lists(st.tuples(key, value), max_size=25))
    query = urlencode(pairs, encoding="utf-8", errors="surrogatepass")
    response = _get(fuzz_app.test_client(), "/plan", query)
    assert response.status_code in (200, 303), response.status_code
    assert "no-store" in response.headers.get("Cache-Control", "")


CHECK_KEYS = [
    "gemeente",
    "partner",
    "kinderen",
    "leeftijd",
    "ontvangt",
    "inkomen",
    "jaren",
    "wonen",
    "stap",
    "postcode",
    "taal",
]
CHECK_VALUES = [
    "onbekend",
    "geen",
    "ja",
    "nee",
    "0-17",
    "4-17",
    "21-aow",
    "aow",
    "1430-1690",
    "1680-",
    "3-",
    "huur",
    "koop",
    "bijstand",
    "huurtoeslag",
    "5341",
    "5341 AB",
    "0000",
    "99999999-",
    "-",
    "1-2-3",
    "oss",
    "nijmegen",
    "landelijk",
]


@PAGE_FUZZ
@given(data=st.data())
def test_check_urls_never_fail(fuzz_app, data):
    """`/check` and its result page with random, repeated, contradicting and unreadable answers."""
    key = st.one_of(st.sampled_from(CHECK_KEYS), st.text(max_size=12))
    value = st.one_of(st.sampled_from(CHECK_VALUES), HOSTILE_TEXT)
    pairs = data.draw(st.lists(st.tuples(key, value), max_size=20))
    query = urlencode(pairs, encoding="utf-8", errors="surrogatepass")
    path = data.draw(st.sampled_from(["/check", "/check/uitslag"]))
    response = _get(fuzz_app.test_client(), path, query)
    assert response.status_code in (200, 303, 400), response.status_code
    assert "no-store" in response.headers.get("Cache-Control", "")
