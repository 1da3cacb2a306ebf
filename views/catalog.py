"""Wire the catalog into Flask: the served catalog for views, and the `regelingen` CLI group."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app
from flask.cli import AppGroup

from regelingen.catalog import Catalog
from regelingen.check.normen import Norms
from regelingen.model import NATIONAL, Municipality

cli = AppGroup("regelingen", help="Beheer van de regelingen: valideren, index bouwen.")


def init_app(app: Flask) -> None:
    """Register the `regelingen` commands; the catalog is loaded on first use (see `serve_catalog_from`)."""
    app.cli.add_command(cli)


def serve_catalog_from(app: Flask, first_load: Callable[[], Catalog]) -> None:
    """Let `first_load` give `app` its catalog when one is first asked for (`publishing` does, from its index).

    Creating the app reads no data: a worker that starts on a national data folder is ready at once.
    """
    app.extensions["first_catalog"] = first_load


def current_catalog() -> Catalog:
    """The catalog the current app serves."""
    extensions = current_app.extensions
    if "catalog" not in extensions:
        extensions["catalog"] = extensions["first_catalog"]()
    return extensions["catalog"]


def current_norms() -> Norms | None:
    """The bijstandsnormen read with the served publication (None when the file is missing or broken)."""
    current_catalog()  # the first catalog brings its norms
    return current_app.extensions.get("normen")


def municipalities() -> list[Municipality]:
    """The municipalities we cover (not `landelijk`), by name."""
    catalog = current_catalog()
    return sorted((m for m in catalog.municipalities.values() if m.slug != NATIONAL), key=lambda m: m.name)
