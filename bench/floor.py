"""The real app plus one view that does nothing: the framework's floor for the load test's ratio."""

from __future__ import annotations

from flask import Flask, Response

import app as site

FLOOR_PATH = "/bench/leeg"


def create_app() -> Flask:
    """`app.create_app()` with `/bench/leeg`, a plain-text page with no work behind it."""
    return with_floor(site.create_app())


def with_floor(application: Flask) -> Flask:
    """`application` with the trivial view at FLOOR_PATH."""
    application.add_url_rule(FLOOR_PATH, "bench_floor", _empty)
    return application


def _empty() -> Response:
    return Response("ok", mimetype="text/plain", headers={"Cache-Control": "no-store"})
