"""Wire the catalog into Flask: the loaded catalog for views, and the `regelingen` CLI group."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from regelingen.loader import Catalog, data_files, load_catalog
from regelingen.normen import NORMS_FILE, norms_problems

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
