"""Static files with a content hash in their URL, so browsers may cache them for a year."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from functools import cache
from pathlib import Path

from flask import Flask, current_app, request, url_for

CACHE_FOR = timedelta(days=365)


@cache
def _fingerprint(path: Path) -> str:
    """A short hash of a static file's content (files do not change while the app runs)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def asset(filename: str) -> str:
    """The URL of static file `filename`, versioned by its content."""
    return _versioned_url(current_app.static_folder or "static", request.script_root, filename)


@cache
def _versioned_url(static_folder: str, script_root: str, filename: str) -> str:
    """Built once per file: a page links 20 assets, and `url_for` is not free."""
    return url_for("static", filename=filename, v=_fingerprint(Path(static_folder) / filename))


def init_app(app: Flask) -> None:
    """Serve static files with long cache headers and offer `asset()` to templates."""
    if app.config.get("SEND_FILE_MAX_AGE_DEFAULT") is None:
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = CACHE_FOR
    app.jinja_env.globals["asset"] = asset
