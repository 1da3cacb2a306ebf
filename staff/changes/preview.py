"""The preview of a change: the scheme page exactly as candidates will see it, made by a private app.

The app that serves visitors never holds a draft: a second app in the same process, which serves
nobody, renders the page from the live catalog with the draft in it, one preview at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask

from regelingen.catalog import Catalog
from regelingen.model import Scheme
from staff.preview import scheme_page, serving

# What the private app must not do: publish, watch the data folder, or keep pages.
PREVIEW_SETTINGS = {"WATCH_DATA": False, "PAGE_CACHE": False, "FRAGMENT_CACHE": False}


class Previewer:
    """Renders drafts with an app made on first use by `make_app`."""

    def __init__(self, make_app: Callable[[], Flask]) -> None:
        self._make_app = make_app
        self._app: Flask | None = None
        self._lock = threading.Lock()

    def page(self, catalog: Catalog, scheme: Scheme) -> str:
        """The HTML of `scheme`'s page with `catalog` around it."""
        with self._lock:
            if self._app is None:
                self._app = self._make_app()
            with serving(self._app, catalog, scheme) as client:
                return scheme_page(client, scheme)
