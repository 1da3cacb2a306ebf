"""Wire the catalog into Flask: the loaded catalog for views, and the `regelingen` CLI group."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from regelingen.loader import Catalog, data_files, load_catalog

cli = AppGroup("regelingen", help="Beheer van de regelingen: controleren, index bouwen.")


def init_app(app: Flask) -> None:
    """Load the catalog for `app` and register the `regelingen` commands."""
    app.extensions["catalog"] = load_catalog(Path(app.config["DATA_DIR"]))
    app.cli.add_command(cli)


def current_catalog() -> Catalog:
    """The catalog the current app serves."""
    return current_app.extensions["catalog"]


@cli.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_command(files: tuple[Path, ...]) -> None:
    """Controleer de bestanden (of alle bestanden) en toon fouten en waarschuwingen."""
    root = Path(current_app.config["DATA_DIR"])
    catalog = load_catalog(root, paths=files or None)
    for problem in catalog.problems:
        click.echo(str(problem))
    errors = len(catalog.errors)
    warnings = len(catalog.problems) - errors
    checked = len(files) if files else len(data_files(root))
    click.echo(f"{checked} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en).")
    if errors:
        sys.exit(1)
