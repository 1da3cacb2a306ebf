"""The browser-test harness, shared by the tests and bench/screenshots.py: live server, Chromium, request guard."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, Request, Route

from bench.server import gunicorn

ROOT = Path(__file__).resolve().parents[2]
SCHEMES = ROOT / "data" / "schemes"
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("data:", "blob:", "about:")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# Filled by test_page_weight.py, printed by conftest.py at the end of the run: page key -> (bytes, requests).
PAGE_WEIGHTS: dict[str, tuple[int, int]] = {}


def in_ci() -> bool:
    """True when running in CI, where a missing browser tool must fail the run instead of skipping."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_tools(*, need_vnu: bool = False) -> list[str]:
    """What the browser tests need and is not installed, as readable names (empty when all is there)."""
    missing = [str(path) for path in (CHROMIUM, AXE_JS) if not path.exists()]
    if need_vnu:
        missing += [str(VNU_JAR)] if not VNU_JAR.exists() else []
        missing += ["java"] if shutil.which("java") is None else []
    return missing


def require_tools(*, need_vnu: bool = False) -> None:
    """Skip when a browser tool is missing, with the reason; in CI fail instead, a missing tool is a broken build."""
    missing = missing_tools(need_vnu=need_vnu)
    if missing:
        message = f"browser tools missing: {', '.join(missing)}; run `make browser-tools` (as root)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@contextmanager
def live_server(workdir: Path, data_dir: Path = SCHEMES, timeout: float = 60.0, **settings: str) -> Iterator[str]:
    """Serve the real app with two gunicorn workers and gunicorn.conf.py, as `make run` does; yield its base URL.

    The workers build the index on start-up into `workdir`; gunicorn's output goes to `workdir`/gunicorn.log.
    `settings` become REGELINGEN_<NAME> variables (the staff database is in `workdir` unless given).
    """
    env = {
        "REGELINGEN_DATA_DIR": str(data_dir),
        "REGELINGEN_INDEX_DIR": str(workdir / "index"),
        "REGELINGEN_SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'beheer.sqlite3'}",
        "REGELINGEN_SECRET_KEY": "browser-tests",
    }
    env |= {f"REGELINGEN_{name}": value for name, value in settings.items()}
    with gunicorn(workers=2, env=env, timeout=timeout, log=workdir / "gunicorn.log") as server:
        yield server.base_url


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with no background traffic (Playwright's own browsers are never used).

    Playwright gives every launch a new, empty user-data dir of its own, so no profile state carries over.
    """
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


class RequestGuard:
    """Records every request a browser context makes and aborts those that leave the live server."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.foreign: list[str] = []

    def is_local(self, url: str) -> bool:
        """True for the live server's own URLs and in-page URLs (data:, blob:, about:)."""
        return url == self.base or url.startswith(self.base + "/") or url.startswith(LOCAL_SCHEMES)

    def attach(self, context: BrowserContext) -> BrowserContext:
        """Watch `context`: record each request, abort each one to another host."""
        context.on("request", self._record)
        context.route(lambda url: not self.is_local(url), self._abort)
        return context

    def _record(self, request: Request) -> None:
        """Keep the URL, and remember it separately when it goes to another host."""
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.foreign.append(request.url)

    @staticmethod
    def _abort(route: Route) -> None:
        """Never let a request leave the machine."""
        route.abort("blockedbyclient")
