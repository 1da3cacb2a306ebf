"""`/healthz` for the load balancer: ok when the catalog is loaded and the search answers."""

from __future__ import annotations

from flask import Blueprint, Flask, Response

import search
from views.catalog import current_catalog
from views.privacy import NO_STORE

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """200 `ok` when schemes are loaded and a search runs; 503 with the reason otherwise."""
    if not current_catalog().schemes:
        return _plain("no schemes loaded", 503)
    try:
        search.search("hulp", limit=1)
    except Exception:
        return _plain("search not available", 503)
    return _plain("ok", 200)


def _plain(text: str, status: int) -> Response:
    return Response(text, status=status, mimetype="text/plain", headers={"Cache-Control": NO_STORE})


def init_app(app: Flask) -> None:
    """Register `/healthz`."""
    app.register_blueprint(bp)
