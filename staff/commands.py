"""The staff commands on `flask regelingen`: validate, new, links, docs (each one's logic lives in its own module)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from regelingen.catalog import Catalog, data_files, load_catalog, shown_path
from regelingen.check.normen import NORMS_FILE, load_norms, norms_problems
from regelingen.files.problems import WARNING, Problem
from regelingen.thresholds import resting_on_an_old_norm
from staff import fieldref
from staff.linkcheck import check_all
from staff.linkreport import build_report, link_uses, report_path, write_report
from staff.newfile import NewFileError, create_scheme_file
from views.catalog import cli, current_catalog


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def validate_command(files: tuple[Path, ...]) -> None:
    """Valideer de bestanden (of alle bestanden) en toon fouten en waarschuwingen."""
    root = Path(current_app.config["DATA_DIR"])
    catalog = load_catalog(root, paths=files or None)
    problems = list(catalog.problems)
    if not files:
        # The bijstandsnormen are checked with everything else: a missing half year is a warning for staff.
        norms_file = Path(current_app.config.get("NORMEN_FILE", NORMS_FILE))
        today = current_app.config.get("TODAY") or date.today()
        problems += norms_problems(norms_file, today)
        problems += old_norm_problems(catalog, norms_file, today)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    checked = len(files) if files else len(data_files(root)) + 1
    click.echo(f"{checked} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en).")
    if errors:
        sys.exit(1)


def old_norm_problems(catalog: Catalog, norms_file: Path, today: date) -> list[Problem]:
    """One warning naming the schemes whose shown income limits rest on a norm from before this half year."""
    norms = load_norms(norms_file)[0]
    old = resting_on_an_old_norm(catalog.schemes.values(), norms, today)
    if not old or norms is None:
        return []
    period = norms.period_for(today)
    since = period.start.isoformat() if period else "?"
    message = (
        f"{len(old)} regeling(en) tonen een inkomensgrens berekend met de bijstandsnorm van {since}: "
        f"{', '.join(old)}. Zet de normen van nu erbij; dan rekenen ze vanzelf mee"
    )
    return [Problem(shown_path(norms_file), 1, message, "perioden", WARNING)]


@click.command("check", hidden=True)
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def check_command(context: click.Context, files: tuple[Path, ...]) -> None:
    """Oude naam van 'validate' (werkt nog, voor scripts die hem gebruiken)."""
    click.echo("let op: 'regelingen check' heet nu 'regelingen validate'; de oude naam verdwijnt later.", err=True)
    context.invoke(validate_command, files=files)


@click.command("new")
@click.argument("municipality")
@click.argument("slug")
@with_appcontext
def new_command(municipality: str, slug: str) -> None:
    """Maak een nieuw regelingbestand met uitleg bij elk veld: data/schemes/GEMEENTE/NAAM.yaml."""
    root = Path(current_app.config["DATA_DIR"])
    try:
        path = create_scheme_file(root, municipality, slug, date.today())
    except NewFileError as error:
        click.echo(f"fout: {error}", err=True)
        sys.exit(1)
    click.echo(f"Aangemaakt: {path}")
    click.echo("Vervang de voorbeeldtekst, en controleer het bestand daarna met:")
    click.echo(f"  flask --app app regelingen check {path}")


@click.command("links")
@click.option("--timeout", default=10.0, show_default=True, help="Seconden wachten op een website.")
@click.option("--workers", default=8, show_default=True, help="Hoeveel websites tegelijk.")
@click.option("--interval", default=1.0, show_default=True, help="Seconden tussen twee verzoeken aan dezelfde website.")
@with_appcontext
def links_command(timeout: float, workers: int, interval: float) -> None:
    """Controleer elke bron-, formulier- en contactlink in de bestanden; toon de kapotte links per gemeente."""
    uses = link_uses(current_catalog(), Path(current_app.config["DATA_DIR"]))
    results = check_all((use.url for use in uses), timeout=timeout, workers=workers, interval=interval)
    report = build_report(uses, results, datetime.now(UTC).astimezone())
    path = report_path(current_app.config)
    write_report(report, path)
    for municipality in sorted({link.municipality for link in report.broken}):
        broken = report.broken_in(municipality)
        click.echo(f"{municipality}: {len(broken)} kapotte link(s)")
        for link in broken:
            click.echo(f"  {link.file} ({link.field}): {link.url} — {link.error}")
    addresses = f"{len(results)} verschillende adressen"
    click.echo(f"{report.total} link(s) gecontroleerd ({addresses}): {len(report.broken)} kapot.")
    click.echo(f"Het resultaat staat in {path} en op /beheer.")
    if report.broken:
        sys.exit(1)


@click.command("docs")
@click.option("--check", "check_only", is_flag=True, help="Alleen controleren of de veldenlijst klopt met het schema.")
def docs_command(check_only: bool) -> None:
    """Maak de veldenlijst in docs/voor-gemeenten.md opnieuw uit het JSON Schema."""
    if check_only:
        text = fieldref.GUIDE.read_text(encoding="utf-8")
        if fieldref.replace_reference(text, fieldref.field_reference()) != text:
            click.echo(f"{fieldref.GUIDE}: de veldenlijst is verouderd; draai 'make docs'", err=True)
            sys.exit(1)
        click.echo("De veldenlijst klopt met het schema.")
        return
    changed = fieldref.update_guide()
    click.echo(f"{fieldref.GUIDE}: veldenlijst {'bijgewerkt' if changed else 'was al actueel'}.")


def init_app(app: Flask) -> None:
    """Add the staff commands to the `flask regelingen` group."""
    for command in (validate_command, check_command, new_command, links_command, docs_command):
        cli.add_command(command)
