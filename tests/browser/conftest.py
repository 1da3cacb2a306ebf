"""Fixtures for the browser tests: one live server and one Chromium per session, a fresh page per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from .harness import DESKTOP, PAGE_WEIGHTS, PHONE, RequestGuard, launch_chromium, live_server, require_tools


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the measured page weights after the run, so they can be quoted."""
    if PAGE_WEIGHTS:
        terminalreporter.section("page weight: bytes transferred on a first visit, all resources included")
        for key, (total, requests) in sorted(PAGE_WEIGHTS.items()):
            terminalreporter.write_line(f"{key:<22} {total:>7} bytes  {total / 1024:5.1f} KiB  {requests} requests")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app under gunicorn on the shipped data, its index in a temp dir; stopped after the session."""
    require_tools()
    workdir = tmp_path_factory.mktemp("live")
    with live_server(workdir) as base:
        yield base
    # A page that broke on the server shows up here even when the browser only saw a friendly error page.
    log = (workdir / "gunicorn.log").read_text(errors="replace")
    assert "Traceback" not in log, f"the server logged an error:\n{log[-3000:]}"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver (it drives Debian's Chromium; it never downloads a browser)."""
    require_tools()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    chromium = launch_chromium(playwright)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def guard(base_url: str) -> RequestGuard:
    """Records every request of every context and blocks those to another host."""
    return RequestGuard(base_url)


def _context(browser: Browser, guard: RequestGuard, **options: object) -> Iterator[BrowserContext]:
    """A guarded browser context on the live server, closed at the end of the session."""
    context = guard.attach(browser.new_context(base_url=guard.base, locale="nl-NL", **options))
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop_context(browser: Browser, guard: RequestGuard) -> Iterator[BrowserContext]:
    """A 1280-px-wide desktop browser with JavaScript on."""
    yield from _context(browser, guard, viewport=DESKTOP)


@pytest.fixture(scope="session")
def nojs_context(browser: Browser, guard: RequestGuard) -> Iterator[BrowserContext]:
    """A desktop browser with JavaScript off: every flow must work without it."""
    yield from _context(browser, guard, viewport=DESKTOP, java_script_enabled=False)


@pytest.fixture(scope="session")
def phone_context(browser: Browser, guard: RequestGuard) -> Iterator[BrowserContext]:
    """A cheap phone: 360 px wide, touch, mobile viewport."""
    yield from _context(browser, guard, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


def _page(context: BrowserContext, guard: RequestGuard) -> Iterator[Page]:
    """A new page in `context`; afterwards, assert that it asked no other host for anything."""
    before = len(guard.foreign)
    page = context.new_page()
    yield page
    # Closing a page while a navigation commits can hang Chromium (microsoft/playwright#41900): let it finish.
    page.wait_for_load_state()
    page.close()
    assert guard.foreign[before:] == [], f"requests to another host: {guard.foreign[before:]}"


@pytest.fixture
def page(desktop_context: BrowserContext, guard: RequestGuard) -> Iterator[Page]:
    """A desktop page with JavaScript on."""
    yield from _page(desktop_context, guard)


@pytest.fixture
def nojs_page(nojs_context: BrowserContext, guard: RequestGuard) -> Iterator[Page]:
    """A desktop page with JavaScript off."""
    yield from _page(nojs_context, guard)


@pytest.fixture
def phone_page(phone_context: BrowserContext, guard: RequestGuard) -> Iterator[Page]:
    """A 360-px phone page."""
    yield from _page(phone_context, guard)


@pytest.fixture(params=["javascript", "no-javascript"])
def any_page(request: pytest.FixtureRequest, guard: RequestGuard) -> Iterator[Page]:
    """A desktop page, once with JavaScript on and once with it off."""
    context_name = "desktop_context" if request.param == "javascript" else "nojs_context"
    yield from _page(request.getfixturevalue(context_name), guard)
