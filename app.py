"""Regelingenwijzer: the Flask application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

import publishing
import search
import staff.accounts.commands
import staff.accounts.login
import staff.accounts.manage
import staff.changes.edit
import staff.changes.preview
import staff.changes.views
import staff.commands
import staff.db
import staff.preview
import staff.views
import staff.web
import views.api.endpoints
import views.catalog
import views.check.pages
import views.coach.pages
import views.errors
import views.health
import views.pagecache
import views.personal
import views.security
import views.site.pages
from views import assets, compression, formatting, fragments, labels, languages, macros, state
from views.templating import Site

ROOT = Path(__file__).resolve().parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app. The order below is the table of contents, and the order in which hooks run."""
    app = Site(__name__)
    app.config.from_mapping(
        DATA_DIR=str(ROOT / "data" / "schemes"),
        INDEX_DIR=str(ROOT / "var" / "index"),
        JSON_SORT_KEYS=False,
        # The address printed on paper and in QR codes (REGELINGEN_PUBLIC_BASE_URL in production).
        PUBLIC_BASE_URL="http://127.0.0.1:8000",
    )
    app.config.from_prefixed_env("REGELINGEN")
    if test_config:
        app.config.update(test_config)
    # The data: the served catalog (and the `flask regelingen` group), search, publishing.
    views.catalog.init_app(app)
    search.init_app(app)
    publishing.init_app(app)
    views.personal.init_app(app)
    views.pagecache.init_app(app)  # after publishing, before the views: see its docstring
    # Web plumbing every page shares: tidy HTML (block tags leave no empty lines behind), languages,
    # state in links, labels, formatting, parts rendered once, shared components, assets, compression.
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    for plumbing in (languages, state, labels, formatting, fragments, macros, assets, compression):
        plumbing.init_app(app)
    # The features, a blueprint each, with the template helpers only they use.
    views.api.endpoints.init_app(app)
    views.site.pages.init_app(app)
    views.coach.pages.init_app(app, also_for=("site",))  # the results and scheme pages show coach parts
    views.check.pages.init_app(app)
    views.errors.init_app(app)
    views.health.init_app(app)
    # What municipal staff use: commands, and /beheer behind a login (the only place with a session).
    staff.commands.init_app(app)
    staff.preview.init_app(app)
    staff.db.init_app(app, default_path=ROOT / "var" / "beheer.sqlite3")
    staff.web.init_app(app, var=ROOT / "var")
    staff.accounts.commands.init_app(app)
    staff.accounts.login.init_app(app)
    staff.accounts.manage.init_app(app)
    staff.views.init_app(app)
    staff.changes.views.init_app(app, make_preview_app=lambda: create_app(_preview_settings(app)))
    staff.changes.edit.init_app(app)
    views.security.init_app(app)  # last: its headers go on every response
    return app


def _preview_settings(app: Flask) -> dict[str, Any]:
    """The settings of the private app that renders drafts: the same, minus publishing and caches."""
    return dict(app.config) | staff.changes.preview.PREVIEW_SETTINGS
