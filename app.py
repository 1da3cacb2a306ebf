"""Regelingenwijzer: the Flask application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

import publishing
import search
import staff.commands
import staff.preview
import staff.views
import views.api.endpoints
import views.catalog
import views.check.pages
import views.coach.pages
import views.errors
import views.health
import views.pagecache
import views.security
import views.site.pages

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
    views.catalog.init_app(app)
    staff.commands.init_app(app)
    search.init_app(app)
    publishing.init_app(app)
    views.pagecache.init_app(app)  # after publishing, before the views: see its docstring
    views.api.endpoints.init_app(app)
    views.site.pages.init_app(app)
    views.coach.pages.init_app(app)
    views.check.pages.init_app(app)
    views.errors.init_app(app)
    views.health.init_app(app)
    staff.views.init_app(app)
    staff.preview.init_app(app)
    views.security.init_app(app)
    return app
