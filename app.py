"""Regelingenwijzer: the Flask application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

import regelingen.commands
import publishing
import regelingen.web
import search
import security
import views.api
import views.beheer
import views.check
import views.coach
import views.errors
import views.health
import views.pagecache
import views.preview
import views.site

ROOT = Path(__file__).resolve().parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: config, the catalog, search, views and security headers."""
    app = Flask(__name__)
    app.config.from_mapping(
        DATA_DIR=str(ROOT / "data" / "schemes"),
        INDEX_DIR=str(ROOT / "var" / "index"),
        JSON_SORT_KEYS=False,
    )
    app.config.from_prefixed_env("REGELINGEN")
    if test_config:
        app.config.update(test_config)
    regelingen.web.init_app(app)
    regelingen.commands.init_app(app)
    search.init_app(app)
    publishing.init_app(app)
    views.pagecache.init_app(app)  # after publishing, before the views: see its docstring
    views.api.init_app(app)
    views.site.init_app(app)
    views.coach.init_app(app)
    views.check.init_app(app)
    views.errors.init_app(app)
    views.health.init_app(app)
    views.beheer.init_app(app)
    views.preview.init_app(app)
    security.init_app(app)
    return app
