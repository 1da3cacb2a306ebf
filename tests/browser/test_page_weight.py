"""Every page type with all it loads stays under 100 KB on the wire; no cookie, no other host, strict headers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Page, Response
from playwright.sync_api import Error as PlaywrightError

from .harness import DESKTOP, PAGE_WEIGHTS, RequestGuard
from .pages import all_pages, page_id

pytestmark = pytest.mark.browser

BUDGET = 100_000  # bytes on the wire, headers included, for a first visit with an empty cache
QUIET_MS = 250
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@dataclass
class Visit:
    """What one first visit to a page put on the wire."""

    sizes: dict[str, int] = field(default_factory=dict)  # request id -> encoded bytes received
    urls: dict[str, str] = field(default_factory=dict)  # request id -> URL
    failed: set[str] = field(default_factory=set)  # request ids that ended without a response body
    responses: list[Response] = field(default_factory=list)

    @property
    def pending(self) -> set[str]:
        """Requests still on their way."""
        return set(self.urls) - set(self.sizes) - self.failed

    @property
    def total(self) -> int:
        """All bytes received for the page and every resource it loaded."""
        return sum(self.sizes.values())


@contextmanager
def visit(browser: Browser, guard: RequestGuard, url: str) -> Iterator[tuple[Visit, Page, int]]:
    """Load `url` in a new context (empty cache), counting every byte with the DevTools protocol; yield the status."""
    context = guard.attach(browser.new_context(base_url=guard.base, viewport=DESKTOP))
    try:
        page = context.new_page()
        seen = Visit()
        cdp = context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", lambda e: seen.urls.update({e["requestId"]: e["request"]["url"]}))
        cdp.on("Network.loadingFinished", lambda e: seen.sizes.update({e["requestId"]: e["encodedDataLength"]}))
        cdp.on("Network.loadingFailed", lambda e: seen.failed.add(e["requestId"]))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        page.on("response", lambda response: seen.responses.append(response))
        response = page.goto(url, wait_until="load")
        assert response is not None
        wait_until_quiet(page, seen)
        yield seen, page, response.status
    finally:
        context.close()


def wait_until_quiet(page: Page, seen: Visit) -> None:
    """Also count what comes after `load` (the favicon, what a script fetches): wait until nothing is pending and
    nothing new started for QUIET_MS, which is quicker than Playwright's 500 ms "networkidle"."""
    quiet_since, started = time.monotonic(), len(seen.urls)
    deadline = quiet_since + 10
    while time.monotonic() < deadline:
        page.wait_for_timeout(50)
        if seen.pending or len(seen.urls) != started:
            quiet_since, started = time.monotonic(), len(seen.urls)
        elif time.monotonic() - quiet_since >= QUIET_MS / 1000:
            return
    raise AssertionError(f"still loading after 10 s: {[seen.urls[rid] for rid in seen.pending]}")


@pytest.mark.parametrize(("kind", "language"), all_pages(), ids=page_id)
def test_page_weight_cookies_hosts_and_headers(browser: Browser, guard: RequestGuard, kind, language: str) -> None:
    """Under 100 KB with all its resources, no Set-Cookie anywhere, nothing from another host, strict headers."""
    before = len(guard.foreign)
    with visit(browser, guard, kind.url(language)) as (seen, page, status):
        assert status == kind.status
        PAGE_WEIGHTS[kind.key(language)] = (seen.total, len(seen.sizes))
        assert seen.total <= BUDGET, f"{kind.url(language)}: {seen.total} bytes: " + ", ".join(
            f"{seen.urls.get(rid, rid)}={size}" for rid, size in sorted(seen.sizes.items(), key=lambda kv: -kv[1])
        )
        cookies = [r.url for r in seen.responses if any(h["name"].lower() == "set-cookie" for h in r.headers_array())]
        assert cookies == [], f"Set-Cookie on {cookies}"
        assert page.context.cookies() == []
        document = next(r for r in seen.responses if r.request.resource_type == "document")
        headers = document.all_headers()
        assert [name for name in SECURITY_HEADERS if name not in headers] == []
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["referrer-policy"] == "no-referrer"
        assert guard.foreign[before:] == [], f"requests to another host: {guard.foreign[before:]}"
        assert page.evaluate(NO_OTHER_HOST) == [], "the page refers to another host for something it loads"


# Everything a page loads by itself (scripts, styles, images, icons, media, frames, form targets) is on this site.
NO_OTHER_HOST = """() => {
  const urls = [];
  for (const el of document.querySelectorAll('[src], link[href], use[href], form[action], [srcset], object[data]')) {
    for (const attr of ['src', 'href', 'action', 'data']) {
      const value = el.getAttribute(attr);
      if (value && !(el.tagName === 'LINK' && /\\b(alternate|canonical)\\b/.test(el.rel))) urls.push(value);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) urls.push(...srcset.split(',').map(s => s.trim().split(' ')[0]));
  }
  return urls.map(u => new URL(u, location.href))
    .filter(u => /^https?:$/.test(u.protocol) && u.origin !== location.origin).map(u => u.href);
}"""


def test_the_guard_blocks_and_reports_other_hosts(browser: Browser, base_url: str) -> None:
    """The request guard itself works: a page asking another host is seen and blocked (so the checks can fail)."""
    own_guard = RequestGuard(base_url)
    context = own_guard.attach(browser.new_context(base_url=base_url))
    try:
        page = context.new_page()
        with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_CLIENT"):
            page.goto("http://elsewhere.invalid/track.gif")
        assert own_guard.foreign == ["http://elsewhere.invalid/track.gif"]
    finally:
        context.close()
