"""Parts of a page that are the same for everyone on the same publication, language and municipality, rendered once.

A results page is mostly scheme cards, topic tiles and the page frame; only the question, the order of the
cards and the counts change per request. A template marks such a part with
`{% call fragment("card", scheme.id, level) %}...{% endcall %}`: the first request renders it, later ones
reuse the HTML. The key always holds the language, the chosen municipality and the site's root (what the
links in the part depend on); an entry counts only for the catalog it was made from and for the same day.
Nothing personal is ever kept: when the request carries anything beyond the public choices in
`PUBLIC_ARGS` (a coach's view or plan, an answer of the check, anything unknown), every part is rendered
for that request alone. Kept only in memory, at most `MAX_FRAGMENTS` parts per worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from cachetools import LRUCache
from flask import Flask, current_app, request
from markupsafe import Markup

from views.catalog import current_catalog
from views.formatting import today
from views.languages import current_language
from views.perrequest import once_per_request
from views.state import chosen_municipality

# The query parameters that are the same for everyone and that the kept parts may depend on.
PUBLIC_ARGS = frozenset({"q", "gemeente", "taal", "categorie"})
MAX_FRAGMENTS = 4096


class FragmentCache:
    """Rendered parts of pages for one catalog and one day (thread-safe)."""

    def __init__(self, max_entries: int = MAX_FRAGMENTS) -> None:
        self._entries: LRUCache[tuple, Markup] = LRUCache(max_entries)
        self._made_for: tuple[object, date] | None = None
        self._lock = threading.Lock()

    def get_or_render(self, key: tuple, made_for: tuple[object, date], render: Callable[[], str]) -> Markup:
        """The part kept under `key`, else `render()` kept under it."""
        with self._lock:
            if not _same(self._made_for, made_for):
                self._entries.clear()
                self._made_for = made_for
            found = self._entries.get(key)
        if found is None:
            found = Markup(render())
            with self._lock:
                if _same(self._made_for, made_for):
                    self._entries[key] = found
        return found

    def __len__(self) -> int:
        return len(self._entries)


def _same(kept: tuple[object, date] | None, made_for: tuple[object, date]) -> bool:
    # Identity, not equality: a newly published catalog is a new object.
    return kept is not None and kept[0] is made_for[0] and kept[1] == made_for[1]


def shared_request() -> bool:
    """True when this request carries only public choices, so its parts may be shared with others."""
    return request.method == "GET" and PUBLIC_ARGS.issuperset(request.args.keys())


def fragment(*parts: object, caller: Callable[[], str]) -> Markup:
    """Jinja `{% call fragment(name, ...) %}`: the body rendered once per key, language and municipality."""
    kept = _kept()
    if kept is None:
        return Markup(caller())
    cache, prefix, made_for = kept
    return cache.get_or_render((*prefix, *parts), made_for, caller)


def each(name: str, items: Sequence[Any], render: Callable[..., str], *options: object) -> Markup:
    """`render(item, *options)` for each item with an `id` (a scheme card), each rendered once: one call per list."""
    kept = _kept()
    if kept is None:
        return Markup("").join(Markup(render(item, *options)) for item in items)
    cache, prefix, made_for = kept
    return Markup("").join(
        cache.get_or_render((*prefix, name, item.id, *options), made_for, partial(render, item, *options))
        for item in items
    )


def _kept() -> tuple[FragmentCache, tuple, tuple[object, date]] | None:
    """The cache, this request's key prefix and what the parts are made for; None when nothing may be shared.

    Worked out once per request and kept on `g` (a page asks for every part, so the lookup stays short).
    """
    return once_per_request("fragments_kept", _work_out_kept)


def _work_out_kept() -> tuple[FragmentCache, tuple, tuple[object, date]] | None:
    cache: FragmentCache | None = current_app.extensions.get("fragments")
    if cache is None or not shared_request():
        return None
    chosen = chosen_municipality()
    prefix = (request.script_root, current_language(), chosen.slug if chosen else None)
    return cache, prefix, (current_catalog(), today())


def init_app(app: Flask) -> None:
    """Offer `fragment` to templates; `FRAGMENT_CACHE = False` renders every part on every request."""
    if app.config.setdefault("FRAGMENT_CACHE", True):
        app.extensions["fragments"] = FragmentCache()
    app.jinja_env.globals.update(fragment=fragment, each_once=each)
