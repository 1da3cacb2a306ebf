"""The real app plus one view that does nothing: the framework's floor for the load test's ratio."""

from __future__ import annotations

from flask import Flask, Response

import app as site


def create_app() -> Flask:
    """`app.create_app()` with `/bench/leeg`, a plain-text page with no work behind it."""
    application = site.create_app()
    application.add_url_rule("/bench/leeg", "bench_floor", _empty)
    return application


def _empty() -> Response:
    return Response("ok", mimetype="text/plain", headers={"Cache-Control": "no-store"})
