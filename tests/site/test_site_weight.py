"""Each page type with everything it loads (CSS, JS, icons) stays under 100 KB as sent gzipped."""

from __future__ import annotations

import pytest
from sitepage import Page

BUDGET = 100_000
GZIP = {"Accept-Encoding": "gzip"}
PAGES = [
    "/",
    "/zoeken?q=sport&gemeente=oss",
    "/zoeken?q=qxzv",
    "/kies?postcode=1011",
    "/oss",
    "/oss/meedoen",
    "/landelijk/zorgtoeslag?taal=en",
    "/categorie/zorg",
    "/over",
    "/bestaat-niet",
]


def resources(page: Page) -> set[str]:
    """The files a browser loads for the page: stylesheets (print too), scripts, the icon sprite, the favicon."""
    found = {e.attrs["href"] for e in page.all("link") if e.attrs.get("rel") in ("stylesheet", "icon")}
    found |= {e.attrs["src"] for e in page.all("script")}
    found |= {e.attrs["href"].split("#")[0] for e in page.all("use")}
    return found


@pytest.mark.parametrize("url", PAGES)
def test_page_with_its_resources_is_under_100_kb(client, url):
    """HTML + CSS + JS + SVG, as transferred with gzip, stay under the budget (headers excluded)."""
    response = client.get(url, headers=GZIP)
    total = len(response.data)
    page = Page(client.get(url).get_data(as_text=True))
    for resource in resources(page):
        with client.get(resource, headers=GZIP) as loaded:
            assert loaded.status_code == 200, resource
            total += len(loaded.data)
    assert total < BUDGET, f"{url}: {total} bytes"
