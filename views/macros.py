"""`ui` in every template: the shared components of `_macros.html`, without an `{% import %}` on each page.

Jinja's `{% import %}` compares the page's globals with the imported template's on every render (about
25 µs, twice per page); the module it returns is the same one every time. Here a page asks the
environment for that module by name, so a changed `_macros.html` still shows when templates reload.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from jinja2 import Environment

MACROS = "_macros.html"


class MacroLibrary:
    """The macros of one template, found by attribute: `ui.search_form(...)`."""

    def __init__(self, environment: Environment, name: str) -> None:
        self._environment = environment
        self._name = name

    def __getattr__(self, macro: str) -> Any:
        return getattr(self._environment.get_template(self._name).module, macro)


def init_app(app: Flask) -> None:
    """Offer the shared components to every template as `ui`."""
    app.jinja_env.globals["ui"] = MacroLibrary(app.jinja_env, MACROS)
