"""Reuse a finished page for the same URL: a question asked again costs a lookup, not a search and a render.

The public pages are the same for everyone who opens the same URL (no cookies, no accounts: every choice
is in the URL), so a worker keeps its most recent finished responses in memory, compressed and with all
headers, as a shared cache in front of it would. An entry counts only for the catalog it was made from
and for the same day (amounts and dates depend on today), and lives at most `PAGE_CACHE_SECONDS`, so that
no question lingers in memory. Nothing is written to disk. Only the endpoints in `CACHED_ENDPOINTS` are
kept: pages with a person's answers (the check, a coach's plan) and the staff pages must never be listed.
The search API says `no-store` to browsers and proxies, which must not keep searches; this cache is the
site's own memory and keeps it like the search page.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from cachetools import TTLCache
from flask import Flask, Response, g, request

from views.catalog import current_catalog
from views.formatting import today
from views.state import carries_plan

CACHED_ENDPOINTS = frozenset(
    {
        "site.home",
        "site.results",
        "site.municipality",
        "site.scheme",
        "site.category",
        "site.about",
        "api.search_schemes",
        "api.scheme",
        "api.municipalities",
    }
)
MAX_ENTRIES = 1000
MAX_BODY_BYTES = 256 * 1024
ENTRY_SECONDS = 600.0


@dataclass(frozen=True)
class _Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class PageCache:
    """The most recent finished responses of one worker, for one catalog and one day (thread-safe)."""

    def __init__(self, max_entries: int = MAX_ENTRIES, seconds: float = ENTRY_SECONDS) -> None:
        self._entries: TTLCache[tuple, _Entry] = TTLCache(max_entries, seconds, timer=time.monotonic)
        self._made_for: tuple[object, date] | None = None
        self._lock = threading.Lock()

    def get(self, key: tuple, made_for: tuple[object, date]) -> Response | None:
        """A fresh copy of the response kept under `key`, or None."""
        with self._lock:
            self._forget_if_stale(made_for)
            entry = self._entries.get(key)
        return None if entry is None else Response(entry.body, status=entry.status, headers=list(entry.headers))

    def put(self, key: tuple, made_for: tuple[object, date], response: Response) -> None:
        """Keep `response` under `key`; the least recently used entry goes when full."""
        entry = _Entry(response.status_code, tuple(response.headers.items()), response.get_data())
        with self._lock:
            self._forget_if_stale(made_for)
            self._entries[key] = entry

    def __len__(self) -> int:
        return len(self._entries)

    def _forget_if_stale(self, made_for: tuple[object, date]) -> None:
        # Identity, not equality: a newly published catalog is a new object.
        if self._made_for is None or self._made_for[0] is not made_for[0] or self._made_for[1] != made_for[1]:
            self._entries.clear()
            self._made_for = made_for


def _key() -> tuple:
    gzip_ok = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    return (request.host, request.script_root, request.full_path, gzip_ok)


def _made_for() -> tuple[object, date]:
    return current_catalog(), today()


def _cacheable(response: Response) -> bool:
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and "Set-Cookie" not in response.headers
        and (response.content_length or 0) <= MAX_BODY_BYTES
    )


def init_app(app: Flask) -> None:
    """Serve repeated public pages from memory.

    Call this after the catalog is kept current (`publishing.init_app`) and before the views, compression
    and security headers are added: Flask runs `after_request` functions in reverse order, so `keep`
    sees the finished response, and `reuse` runs after the catalog is refreshed.
    """
    if not app.config.setdefault("PAGE_CACHE", True):
        return
    cache = PageCache(seconds=app.config.setdefault("PAGE_CACHE_SECONDS", ENTRY_SECONDS))
    app.extensions["page_cache"] = cache

    @app.before_request
    def reuse() -> Response | None:
        # A page that carries a coach's plan (issue 17: the plan travels through every page) holds notes: never kept.
        if request.method != "GET" or request.endpoint not in CACHED_ENDPOINTS or carries_plan():
            return None
        response = cache.get(_key(), _made_for())
        g.page_from_cache = response is not None
        return response

    @app.after_request
    def keep(response: Response) -> Response:
        if g.get("page_from_cache") is False and _cacheable(response):
            cache.put(_key(), _made_for(), response)
        return response
