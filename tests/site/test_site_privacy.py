"""Privacy and safety of the pages: no cookies, strict headers, nothing from another host, no inline code, no logs."""

from __future__ import annotations

import gzip
import logging
from urllib.parse import urlsplit

import pytest
from sitepage import Page

PAGES = [
    "/",
    "/?taal=en",
    "/zoeken?q=sport&gemeente=oss",
    "/zoeken?q=qxzv",
    "/kies?postcode=1011",
    "/kies?postcode=abc",
    "/oss",
    "/landelijk",
    "/oss/meedoen",
    "/landelijk/zorgtoeslag?gemeente=oss&taal=en",
    "/categorie/geld",
    "/over",
    "/bestaat-niet",
]


@pytest.mark.parametrize("url", PAGES)
def test_no_cookie_and_strict_headers(client, url):
    """No page sets a cookie; every page has the strict security headers."""
    response = client.get(url)
    assert "Set-Cookie" not in response.headers
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in policy or response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", PAGES)
def test_nothing_loads_from_another_host_and_no_inline_code(client, url):
    """Scripts, styles, icons and form targets are the site's own; no inline script or style anywhere."""
    page = Page(client.get(url).get_data(as_text=True))
    loaded = [e.attrs.get("src") for e in page.all("script")] + [e.attrs["href"] for e in page.all("link")]
    loaded += [e.attrs["href"] for e in page.all("use")] + [e.attrs["action"] for e in page.all("form")]
    loaded += [e.attrs["src"] for e in page.elements if "src" in e.attrs]
    for target in loaded:
        assert target and target.startswith("/") and not target.startswith("//"), f"{target} on {url}"
    assert all(e.attrs.get("src") for e in page.all("script")), "inline <script>"
    assert not page.all("style") and not [e for e in page.elements if "style" in e.attrs]
    assert not [e for e in page.elements if any(name.startswith("on") for name in e.attrs)], "inline handler"


@pytest.mark.parametrize("url", ["/oss/meedoen", "/landelijk/zorgtoeslag"])
def test_links_to_other_sites_are_https_and_send_no_referrer(client, url):
    """Links to official pages (sources, forms) are https, marked external and never send a referrer."""
    page = Page(client.get(url).get_data(as_text=True))
    external = [e for e in page.all("a") if urlsplit(e.attrs.get("href", "")).netloc]
    assert external
    for link in external:
        assert link.attrs["href"].startswith("https://")
        assert {"external", "noreferrer"} <= set(link.attrs["rel"].split())


def test_searches_are_not_logged(client, caplog):
    """Nothing the app logs during a search contains the question."""
    with caplog.at_level(logging.DEBUG):
        client.get("/zoeken?q=schulden+deurwaarder+geheim&gemeente=oss")
        client.get("/healthz")
    assert "geheim" not in caplog.text


def test_pages_and_static_files_are_compressed(client):
    """With Accept-Encoding: gzip, pages and CSS are sent gzipped (and still decode to the same text)."""
    plain = client.get("/oss")
    packed = client.get("/oss", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data
    css = Page(plain.get_data(as_text=True)).all("link", rel="stylesheet")[0].attrs["href"]
    with client.get(css, headers={"Accept-Encoding": "gzip"}) as packed_css, client.get(css) as plain_css:
        assert packed_css.headers["Content-Encoding"] == "gzip"
        assert len(packed_css.data) < len(plain_css.data) / 3


def test_static_files_are_versioned_and_cached_long(client):
    """Static URLs carry a content hash, so they may be cached for a year."""
    page = Page(client.get("/").get_data(as_text=True))
    for link in page.all("link", rel="stylesheet"):
        assert "v=" in link.attrs["href"]
        with client.get(link.attrs["href"]) as response:
            assert response.status_code == 200 and "max-age=31536000" in response.headers["Cache-Control"]
