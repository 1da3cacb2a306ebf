"""Templates keep their globals as a plain dict, so a render does not copy a ChainMap.

Jinja gives every template a ChainMap over the environment's globals and copies it into each render's
context: about 20 µs per render with this site's helpers, more than a small template's own work. Every
helper is registered while the app is created (in the `init_app` functions), before any template
loads, so each template can keep a plain copy. A helper registered later would not reach templates
already loaded: register helpers in `init_app`.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from flask import Flask
from flask.templating import Environment


class SiteEnvironment(Environment):
    """Flask's template environment, with each template's globals as one dict."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class Site(Flask):
    """The Flask app with `SiteEnvironment`."""

    jinja_environment = SiteEnvironment
