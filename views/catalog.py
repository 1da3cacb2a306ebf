"""Wire the catalog into Flask: the served catalog for views, and the `regelingen` CLI group."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from regelingen.catalog import Catalog, data_files, load_catalog
from regelingen.check.normen import NORMS_FILE, norms_problems

cli = AppGroup("regelingen", help="Beheer van de regelingen: controleren, index bouwen.")


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


@cli.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_command(files: tuple[Path, ...]) -> None:
    """Controleer de bestanden (of alle bestanden) en toon fouten en waarschuwingen."""
    root = Path(current_app.config["DATA_DIR"])
    catalog = load_catalog(root, paths=files or None)
    problems = list(catalog.problems)
    if not files:
        # The bijstandsnormen are checked with everything else: a missing half year is a warning for staff.
        norms_file = Path(current_app.config.get("NORMEN_FILE", NORMS_FILE))
        problems += norms_problems(norms_file, current_app.config.get("TODAY") or date.today())
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    checked = len(files) if files else len(data_files(root)) + 1
    click.echo(f"{checked} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en).")
    if errors:
        sys.exit(1)
