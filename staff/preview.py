"""`flask regelingen preview FILE`: the site's own scheme page for an unpublished file, as one HTML file."""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask.testing import FlaskClient

from regelingen.catalog import Catalog
from regelingen.files.onefile import load_scheme_file
from regelingen.model import Scheme
from views.catalog import cli, current_catalog
from views.formatting import today

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"( media="[^"]+")?>')
SCRIPT = re.compile(r'<script src="([^"]+)"[^>]*></script>')
ICON = re.compile(r'<link rel="icon" href="([^"]+)" type="([^"]+)">')
SPRITE_USE = re.compile(r'href="([^"#]+\.svg[^"#]*)#')


def render_page(app: Flask, scheme: Scheme) -> str:
    """The scheme page exactly as the site serves it, standalone (its CSS and scripts inside it)."""
    with serving(app, current_catalog(), scheme) as client:
        return standalone(scheme_page(client, scheme), lambda url: _fetch(client, url))


@contextmanager
def serving(app: Flask, catalog: Catalog, scheme: Scheme) -> Iterator[FlaskClient]:
    """A client of `app` serving `catalog` with `scheme` added (or replacing it); one caller at a time."""
    kept = app.extensions.get("catalog")
    app.extensions["catalog"] = replace(catalog, schemes=MappingProxyType(dict(catalog.schemes, **{scheme.id: scheme})))
    app.config["FROZEN_CATALOG"] = True  # serve exactly this catalog: no publishing, no switching
    try:
        yield app.test_client()
    finally:
        if kept is None:
            del app.extensions["catalog"]
        else:
            app.extensions["catalog"] = kept
        app.config["FROZEN_CATALOG"] = False


def scheme_page(client: FlaskClient, scheme: Scheme) -> str:
    """The HTML of `scheme`'s page from `client`."""
    with client.get(f"/{scheme.municipality}/{scheme.slug}") as response:
        if response.status_code != 200:
            raise click.ClickException(f"de site gaf status {response.status_code} voor deze regeling")
        return response.get_data(as_text=True)


def standalone(page: str, fetch: Callable[[str], bytes]) -> str:
    """`page` with its CSS, JavaScript, icon sprite and favicon inside it, so it works opened from disk."""
    page = STYLESHEET.sub(lambda m: f"<style{m.group(2) or ''}>\n{fetch(m.group(1)).decode()}\n</style>", page)
    page = ICON.sub(lambda m: f'<link rel="icon" href="{_data_uri(m.group(2), fetch(m.group(1)))}">', page)
    # A script in <head> has `defer`; an inline one has no such thing, so put it where deferred scripts run.
    scripts = [fetch(url).decode() for url in SCRIPT.findall(page)]
    inline = "".join(f"<script>\n{js}\n</script>\n" for js in scripts)
    page = SCRIPT.sub("", page).replace("</body>", inline + "</body>")
    sprites = dict.fromkeys(SPRITE_USE.findall(page))
    if sprites:
        page = SPRITE_USE.sub('href="#', page)
        hidden = "".join(f"<div hidden>{fetch(url).decode()}</div>" for url in sprites)
        page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + hidden, page, count=1)
    return page


def _data_uri(mimetype: str, content: bytes) -> str:
    return f"data:{mimetype};base64,{base64.b64encode(content).decode()}"


def _fetch(client: FlaskClient, url: str) -> bytes:
    """A static file as the site serves it (through the app, so no file is read here)."""
    with client.get(url) as response:
        if response.status_code != 200:
            raise click.ClickException(f"{url} gaf status {response.status_code}")
        return response.get_data()


@click.command("preview")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gemeente", "municipality", help="Voor welke gemeente het bestand is (nodig buiten data/schemes/).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Waar de HTML-pagina komt.")
@with_appcontext
def preview_command(file: Path, municipality: str | None, out: Path | None) -> None:
    """Maak van een regelingbestand een HTML-pagina zoals de site hem toont (het bestand mag overal staan)."""
    known = current_catalog().municipalities
    folder = file.resolve().parent.name
    municipality = municipality or (folder if folder in known else None)
    if municipality is None or municipality not in known:
        what = f"onbekende gemeente '{municipality}'" if municipality else "het bestand staat niet in een gemeentemap"
        click.echo(f"fout: {what}; zeg met --gemeente voor welke gemeente het is ({', '.join(known)})", err=True)
        sys.exit(1)
    scheme, problems = load_scheme_file(file, municipality, today())
    for problem in problems:
        click.echo(str(problem))
    if scheme is None:
        click.echo("Het bestand heeft fouten; los ze op en probeer het opnieuw.", err=True)
        sys.exit(1)
    name = f"{scheme.municipality}-{scheme.slug}.html"
    out = out or Path(current_app.config["INDEX_DIR"]).parent / "voorbeeld" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # the app behind the proxy
    out.write_text(render_page(app, scheme), encoding="utf-8")
    click.echo(f"Voorbeeld gemaakt: {out}")
    click.echo(f"Open het in uw browser: {out.resolve().as_uri()}")


def init_app(app: Flask) -> None:
    """Add `preview` to the `flask regelingen` group."""
    cli.add_command(preview_command)
