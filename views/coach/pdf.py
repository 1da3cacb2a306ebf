"""PDFs of our own pages, printed by Debian's headless Chromium through Playwright.

Chromium never touches the network: every request it makes for this site is answered by the app
itself in-process (the page, its CSS), anything else is refused. Nothing is written to disk by us;
Playwright's browser context keeps its cache in memory and is closed after each PDF.
"""

from __future__ import annotations

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import current_app, request
from flask_babel import gettext as _
from markupsafe import Markup, escape

from views.coach.labels import dual

if TYPE_CHECKING:
    from playwright.sync_api import PdfMargins

DEFAULT_CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 20_000
# A4 with room for the page number in the footer; the same margins as print-guide.css's @page.
MARGIN: PdfMargins = {"top": "14mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
# Without these Chromium calls Google's hosts in the background; we want it to call no one.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


class PdfUnavailable(Exception):
    """Raised when no PDF can be made here: no Chromium, no Playwright, or Chromium failed."""


def chromium_path() -> str:
    """The Chromium to print with: config `CHROMIUM`, else Debian's /usr/bin/chromium."""
    return current_app.config.get("CHROMIUM") or DEFAULT_CHROMIUM


def pdf_available() -> bool:
    """True when Chromium and Playwright are installed, so a PDF link can be offered."""
    path = Path(chromium_path())
    return path.is_file() and os.access(path, os.X_OK) and importlib.util.find_spec("playwright") is not None


def footer_html() -> str:
    """The footer Chromium prints on every page: the site's name and `Pagina 1 van 2`."""
    # The footer is not part of the page, so it needs its own font size (Chromium's default is tiny).
    return str(
        Markup(
            '<div style="font: 11pt sans-serif; color: #333; width: 100%; margin: 0 15mm; display: flex; '
            'justify-content: space-between"><span>Regelingenwijzer</span><span>{}</span></div>'
        ).format(dual(page_numbers))
    )


def page_numbers() -> Markup:
    """`Pagina <n> van <total>`, with the spans Chromium fills in with the numbers."""
    return Markup(escape(_("Pagina %(nummer)s van %(totaal)s"))) % {
        "nummer": Markup('<span class="pageNumber"></span>'),
        "totaal": Markup('<span class="totalPages"></span>'),
    }


def print_page(path: str) -> bytes:
    """The PDF of this site's page at `path` (with its query), as the visitor's browser would print it."""
    if not pdf_available():
        raise PdfUnavailable("chromium or playwright is missing")
    from playwright.sync_api import Error, sync_playwright

    base = request.host_url.rstrip("/")
    client = current_app.test_client()

    def answer(route):
        """Serve this site's URLs from the app in-process; refuse anything else."""
        url = route.request.url
        if not url.startswith(base + "/"):
            route.abort()
            return
        response = client.get(url[len(base) :], base_url=base + "/")
        try:
            route.fulfill(status=response.status_code, content_type=response.content_type, body=response.get_data())
        finally:
            response.close()

    footer, executable = footer_html(), chromium_path()

    def render() -> bytes:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.route("**/*", answer)
                page.goto(base + path, wait_until="load", timeout=TIMEOUT_MS)
                return page.pdf(
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=footer,
                    margin=MARGIN,
                )
            finally:
                browser.close()

    # Playwright's sync API refuses to run in a thread that already has an event loop: use a fresh one.
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(render).result()
    except Error as error:
        raise PdfUnavailable(str(error)) from error


# Pages link to a PDF only when one can be made (see views/coach/pages.py: template_helpers).
TEMPLATE_HELPERS: dict[str, Any] = {"pdf_available": pdf_available}
