"""Friendly error pages (views/errors.py) and /healthz (views/health.py)."""

from __future__ import annotations

import pytest
from sitepage import Page, make_app

import search


@pytest.fixture
def app(tmp_path):
    """The app on the site's fixture schemes, with a route that fails, and errors handled as in production."""
    app = make_app(tmp_path)
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/test-kapot")
    def broken() -> str:
        raise RuntimeError("kapot")

    return app


def error_page(client, url: str, status: int) -> Page:
    """GET `url`, expect `status` and an HTML page."""
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


def phones(page: Page) -> set[str]:
    """The tel: links on a page."""
    return {href for href in page.links() if href.startswith("tel:")}


@pytest.mark.parametrize("url", ["/atlantis", "/categorie/onzin", "/a/b/c", "/landelijk/niets", "/zoeken/extra"])
def test_not_found_offers_search_and_phone_numbers(client, url):
    """A 404 says so plainly, offers the search box, and the phone numbers of all our municipalities."""
    page = error_page(client, url, 404)
    assert page.text_of("h1") == "Deze pagina bestaat niet"
    assert page.one("form", action="/zoeken").attrs["role"] == "search"
    assert {"tel:140412", "tel:14024"} <= phones(page)


def test_not_found_in_a_municipality_shows_its_number(client):
    """Under /oss/... the chosen municipality is Oss: its number only, and the page stays in English if asked."""
    page = error_page(client, "/oss/bestaat-niet?taal=en", 404)
    assert page.one("html").attrs["lang"] == "en"
    assert page.text_of("h1") == "This page does not exist"
    assert phones(page) == {"tel:140412"}


def test_server_error_is_friendly(client):
    """An unexpected error gives the friendly 500 page with the search and phone numbers, no traceback."""
    response = client.get("/test-kapot?gemeente=nijmegen")
    assert response.status_code == 500
    page = Page(response.get_data(as_text=True))
    assert page.text_of("h1") == "Er ging iets mis"
    assert "RuntimeError" not in response.get_data(as_text=True)
    assert page.all("form", action="/zoeken") and phones(page) == {"tel:14024"}


def test_other_http_errors_are_friendly(client):
    """A POST to a page (405) gets the same friendly page with the search."""
    response = client.post("/")
    assert response.status_code == 405
    assert Page(response.get_data(as_text=True)).all("form", action="/zoeken")


def test_api_paths_get_json_errors(client):
    """Unknown paths under /api/ answer JSON, not HTML."""
    response = client.get("/api/bestaat-niet")
    assert response.status_code == 404 and response.is_json and "error" in response.get_json()


def test_healthz_is_ok_when_catalog_and_search_work(client):
    """/healthz answers 200 `ok` as plain text, never cached."""
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"
    assert response.mimetype == "text/plain" and response.headers["Cache-Control"] == "no-store"


def test_healthz_fails_when_search_fails(client, monkeypatch):
    """When the search raises, /healthz says 503 so the load balancer stops sending traffic."""

    def broken(*args, **kwargs):
        raise OSError("index gone")

    monkeypatch.setattr(search, "search", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and "search" in response.get_data(as_text=True)
