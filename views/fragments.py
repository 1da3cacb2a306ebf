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
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

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
    """Rendered parts of pages, for the catalog and day of the latest request (thread-safe)."""

    def __init__(self, max_entries: int = MAX_FRAGMENTS) -> None:
        self._max_entries = max_entries
        self._parts: Parts | None = None
        self._lock = threading.Lock()

    def parts_for(self, made_for: tuple[object, date]) -> Parts:
        """The parts kept for this catalog and day; a new, empty set when either changed."""
        parts = self._parts
        if parts is not None and _same(parts.made_for, made_for):
            return parts
        with self._lock:
            if self._parts is None or not _same(self._parts.made_for, made_for):
                self._parts = Parts(made_for, self._max_entries)
            return self._parts

    def get_or_render(self, key: tuple, made_for: tuple[object, date], render: Callable[[], str]) -> Markup:
        """The part kept under `key` for this catalog and day, else `render()` kept under it."""
        return self.parts_for(made_for).get_or_render(key, render)

    def __len__(self) -> int:
        parts = self._parts
        return 0 if parts is None else len(parts)


class Parts:
    """The parts of one catalog and day, the least recently used dropped first.

    A request looks its parts up here without a lock (a page has twenty or more): each lookup is one
    OrderedDict operation, which the interpreter does at once. Adding and dropping take the lock.
    """

    def __init__(self, made_for: tuple[object, date], max_entries: int) -> None:
        self.made_for = made_for
        self._entries: OrderedDict[tuple, Markup] = OrderedDict()
        self._max_entries = max_entries
        self._lock = threading.Lock()

    def get_or_render(self, key: tuple, render: Callable[[], str]) -> Markup:
        """The part kept under `key`, else `render()` kept under it."""
        found = self._entries.get(key)
        if found is not None:
            try:  # noqa: SIM105 (a plain try costs nothing; suppress() is a context manager per part)
                self._entries.move_to_end(key)
            except KeyError:  # dropped by another request just now: it is still this request's part
                pass
            return found
        found = Markup(render())
        with self._lock:
            self._entries[key] = found
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self._entries)


def _same(kept: tuple[object, date], made_for: tuple[object, date]) -> bool:
    # Identity, not equality: a newly published catalog is a new object.
    return kept[0] is made_for[0] and kept[1] == made_for[1]


def shared_request() -> bool:
    """True when this request carries only public choices, so its parts may be shared with others."""
    return request.method == "GET" and PUBLIC_ARGS.issuperset(request.args.keys())


def fragment(*parts: object, caller: Callable[[], str]) -> Markup:
    """Jinja `{% call fragment(name, ...) %}`: the body rendered once per key, language and municipality."""
    kept = _kept()
    if kept is None:
        return Markup(caller())
    found, prefix = kept
    return found.get_or_render((*prefix, *parts), caller)


def each(name: str, items: Sequence[Any], render: Callable[..., str], *options: object) -> Markup:
    """`render(item, *options)` for each item with an `id` (a scheme card), each rendered once: one call per list."""
    kept = _kept()
    if kept is None:
        return Markup("").join(Markup(render(item, *options)) for item in items)
    found, prefix = kept
    return Markup("").join(
        found.get_or_render((*prefix, name, item.id, *options), partial(render, item, *options)) for item in items
    )


def _kept() -> tuple[Parts, tuple] | None:
    """This request's parts (for its catalog and day) and key prefix; None when nothing may be shared.

    Worked out once per request and kept on `g` (a page asks for every part, so the lookup stays short).
    """
    return once_per_request("fragments_kept", _work_out_kept)


def _work_out_kept() -> tuple[Parts, tuple] | None:
    cache: FragmentCache | None = current_app.extensions.get("fragments")
    if cache is None or not shared_request():
        return None
    chosen = chosen_municipality()
    prefix = (request.script_root, current_language(), chosen.slug if chosen else None)
    return cache.parts_for((current_catalog(), today())), prefix


def init_app(app: Flask) -> None:
    """Offer `fragment` to templates; `FRAGMENT_CACHE = False` renders every part on every request."""
    if app.config.setdefault("FRAGMENT_CACHE", True):
        app.extensions["fragments"] = FragmentCache()
    app.jinja_env.globals.update(fragment=fragment, each_once=each)
