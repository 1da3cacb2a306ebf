"""The main flows in a real Chromium: search, postcode, scheme, language switch; without JavaScript; on a phone."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .pages import (
    catalog,
    page_id,
    page_types,
    sample_municipality,
    sample_postcode,
    sample_scheme,
    uncovered_postcode,
)

pytestmark = pytest.mark.browser

# Buttons and form fields must be at least 44 px high (the design's rule); every other target that is not a
# link inside running text at least 24 x 24 px (WCAG 2.2 target size, the inline exception included).
TAP_TARGETS = """() => {
  const offenders = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary, textarea')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.utrecht-skip-link, .visually-hidden')) continue;
    const control = el.matches('button, input, select, textarea');
    const parentText = el.parentElement ? el.parentElement.textContent.replace(/\\s+/g, ' ').trim() : '';
    const inline = !control && getComputedStyle(el).display === 'inline'
      && parentText.length > el.textContent.replace(/\\s+/g, ' ').trim().length;
    if (inline) continue;
    const tooSmall = control ? box.height < 44 : (box.height < 24 || box.width < 24);
    if (tooSmall) offenders.push(`${Math.round(box.width)}x${Math.round(box.height)} ${el.outerHTML.slice(0, 120)}`);
  }
  return offenders;
}"""

# Text that sticks out of its own box (a squeezed column, a long word) although the page itself does not scroll.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(el => getComputedStyle(el).display !== 'inline' && getComputedStyle(el).overflowX === 'visible'
                && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
  .map(el => `${el.scrollWidth}>${el.clientWidth} ${el.outerHTML.slice(0, 100)}`)"""


def query_of(url: str) -> dict[str, list[str]]:
    """The query parameters of `url`."""
    return parse_qs(urlsplit(url).query)


def internal_links(page: Page) -> list[str]:
    """Every link on the page to the site itself, as path plus query."""
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    base = page.url.split("/", 3)[:3]
    return [href for href in hrefs if href.split("/", 3)[:3] == base]


def scheme_paths(page: Page) -> list[str]:
    """Paths of the links in the main content that lead to a scheme page."""
    paths = [urlsplit(href).path for href in page.locator("main a[href]").evaluate_all("as => as.map(a => a.href)")]
    return [path for path in paths if path.strip("/") in catalog().schemes]


def assert_keeps(page: Page, key: str, value: str) -> None:
    """Every link to a page that is not about one place carries `key=value` (the state without a cookie)."""
    checked = 0
    for href in internal_links(page):
        path = urlsplit(href).path
        if path in ("/", "/zoeken", "/over") or path.startswith(("/categorie/", "/landelijk/")):
            assert query_of(href).get(key) == [value], f"{href} on {page.url} lost {key}={value}"
            checked += 1
    assert checked, f"no link to check on {page.url}"


def test_search_from_the_home_page(any_page: Page) -> None:
    """A question typed on the home page (municipality chosen) leads to results with the scheme it names."""
    municipality = sample_municipality().slug
    wanted = sample_scheme(municipality)
    any_page.goto(f"/?gemeente={municipality}")
    expect(any_page.locator("h1")).to_be_visible()
    box = any_page.get_by_label("Waar zoekt u hulp bij?")
    box.fill(wanted.title)
    box.press("Enter")
    any_page.wait_for_url(re.compile(r"/zoeken\?"))
    assert query_of(any_page.url)["q"] == [wanted.title]
    expect(any_page.locator("h1")).to_be_visible()
    assert f"/{wanted.id}" in scheme_paths(any_page)


def test_choose_municipality_by_postcode_then_open_a_scheme(any_page: Page) -> None:
    """A postcode leads to its municipality's page; its links keep the municipality; a scheme opens."""
    place = sample_municipality()
    any_page.goto("/")
    field = any_page.get_by_label(re.compile("postcode", re.IGNORECASE))
    field.fill(sample_postcode(place))
    field.press("Enter")
    any_page.wait_for_url(re.compile(rf"/{place.slug}(\?|$)"))
    expect(any_page.locator("h1")).to_contain_text(place.name)
    assert_keeps(any_page, "gemeente", place.slug)
    own = [path for path in scheme_paths(any_page) if path.startswith(f"/{place.slug}/")]
    assert own, f"no scheme of {place.name} listed on its page"
    any_page.locator(f'main a[href="{own[0]}"]').first.click()
    any_page.wait_for_url(re.compile(rf"{re.escape(own[0])}$"))
    expect(any_page.locator("h1")).to_have_text(catalog().schemes[own[0].strip("/")].title)
    expect(any_page.locator("main ol").first).to_be_visible()
    assert_keeps(any_page, "gemeente", place.slug)


def test_switch_language_and_back(any_page: Page) -> None:
    """The visible switch turns the page English and back, on the same page, keeping the municipality."""
    scheme = sample_scheme(sample_municipality().slug)
    any_page.goto(f"/{scheme.id}")
    expect(any_page.locator("html")).to_have_attribute("lang", "nl")
    any_page.get_by_role("link", name="English").click()
    any_page.wait_for_url(re.compile(r"taal=en"))
    assert urlsplit(any_page.url).path == f"/{scheme.id}"
    expect(any_page.locator("html")).to_have_attribute("lang", "en")
    assert_keeps(any_page, "taal", "en")
    assert_keeps(any_page, "gemeente", scheme.municipality)
    # The scheme's own text stays Dutch, and says so, so a screen reader reads it in Dutch.
    assert any_page.locator("h1").evaluate("h => h.closest('[lang]').lang") == "nl"
    any_page.get_by_role("link", name="Nederlands").click()
    any_page.wait_for_url(lambda url: "taal=" not in url)
    expect(any_page.locator("html")).to_have_attribute("lang", "nl")


def test_unknown_postcode_is_explained(any_page: Page) -> None:
    """A postcode outside our municipalities gets a plain message on the page, not an error."""
    postcode = uncovered_postcode()
    any_page.goto("/")
    field = any_page.get_by_label(re.compile("postcode", re.IGNORECASE))
    field.fill(postcode)
    field.press("Enter")
    any_page.wait_for_url(re.compile(r"/kies\?"))
    expect(any_page.locator("main")).to_contain_text(postcode)
    assert scheme_paths(any_page), "the national schemes are still offered"


@pytest.mark.parametrize("kind", page_types(), ids=page_id)
def test_phone_has_no_horizontal_scroll_and_large_targets(phone_page: Page, kind) -> None:
    """At 360 px every page fits the screen and every tap target is large enough."""
    response = phone_page.goto(kind.url())
    assert response is not None and response.status == kind.status
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{kind.name} is {width} px wide at a 360 px viewport"
    assert phone_page.evaluate(OVERFLOWING) == []
    assert phone_page.evaluate(TAP_TARGETS) == []


def test_phone_tap_a_category_tile(phone_page: Page) -> None:
    """On a phone a category tile can be tapped and leads to that category."""
    phone_page.goto("/")
    tile = phone_page.locator("main a[href^='/categorie/']").first
    href = tile.get_attribute("href")
    tile.tap()
    phone_page.wait_for_url(re.compile(re.escape(href) + "$"))
    expect(phone_page.locator("h1")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
