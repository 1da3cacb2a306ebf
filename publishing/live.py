"""Serve the newest publication in every worker, and publish again when the data folder changes.

Each request first calls `refresh` (cheap: at most one look per `RECHECK_SECONDS`). A worker that
sees the data folder differ from the live publication rebuilds it, unless another worker already
is; every worker then switches to the new generation on its next look, without a restart.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from publishing.generations import load_published, publish
from regelingen.web import cli
from search.index import INDEX_VERSION, BuildBusy, current_generation
from search.lexicon import LexiconError

RECHECK_SECONDS = 1.0


@dataclass
class _Live:
    """Which generation this worker serves, and when it last looked for a newer one."""

    generation: Path | None = None
    checked_at: float = 0.0


def init_app(app: Flask) -> None:
    """Serve the published catalog, publish on first use when needed, and add `regelingen index`."""
    app.config.setdefault("RECHECK_SECONDS", RECHECK_SECONDS)
    live, lock = _Live(), threading.Lock()

    @app.before_request
    def refresh() -> None:
        """Switch to a newer publication, or publish the data folder when it changed."""
        now = time.monotonic()
        if app.config.get("FROZEN_CATALOG"):
            return
        if live.generation is not None and now - live.checked_at < app.config["RECHECK_SECONDS"]:
            return
        with lock:
            first = live.generation is None
            try:
                _publish(app, only_if_changed=True, wait=first)
            except BuildBusy:
                pass  # another worker is publishing; its generation is picked up on a later look
            except OSError as error:
                # A read-only node (index shipped with the release) just serves what is there.
                app.logger.warning("publiceren lukt niet: %s", error)
            generation = current_generation(Path(app.config["INDEX_DIR"]))
            if generation is not None and generation != live.generation:
                app.extensions["catalog"] = load_published(generation, Path(app.config["DATA_DIR"]))
                live.generation = generation
            live.checked_at = now

    cli.add_command(index_command)


def _publish(app: Flask, only_if_changed: bool, wait: bool) -> Path:
    """Publish the app's data folder into its index directory."""
    lexicon = app.extensions["search"].lexicon
    lexicon_file = Path(app.config["LEXICON_FILE"])
    stamp_extra = [f"index {INDEX_VERSION}", lexicon_file.read_text(encoding="utf-8")]
    return publish(
        Path(app.config["DATA_DIR"]),
        Path(app.config["INDEX_DIR"]),
        lexicon.words,
        stamp_extra,
        only_if_changed=only_if_changed,
        wait=wait,
    )


@click.command("index")
@with_appcontext
def index_command() -> None:
    """Publiceer de regelingen: controleer ze, bouw de zoekindex en zet die live (foute bestanden niet)."""
    started = time.perf_counter()
    try:
        generation = _publish(current_app, only_if_changed=False, wait=True)
    except (OSError, LexiconError) as error:
        click.echo(f"De index is niet gebouwd: {error}. De oude index blijft in gebruik.", err=True)
        sys.exit(1)
    catalog = load_published(generation, Path(current_app.config["DATA_DIR"]))
    for problem in catalog.problems:
        if problem.is_error or "vorige goede versie" in problem.message:
            click.echo(str(problem))
    seconds = time.perf_counter() - started
    click.echo(f"Gepubliceerd: {len(catalog.schemes)} regelingen in {seconds:.1f} s ({generation.name}).")
