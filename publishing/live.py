"""Serve the newest publication in every worker, and publish again when the data folder changes.

Before a request a worker may look for something new. With `WATCH_DATA` (the default) it fingerprints
the data folder and publishes when the folder differs from the live publication, unless another worker
already is; then it switches to the newest generation, without a restart. Looks are at least
`RECHECK_SECONDS` apart, and further when a look is expensive (a national data folder has 14,000 files),
so that looking takes at most `WATCH_SHARE` of a worker's time. A node that serves a publication built
at release sets `WATCH_DATA` off: it only follows `current` and never writes.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from publishing.generations import load_published, publish, published_stamp, source_stamp
from regelingen.catalog import Catalog, load_catalog
from regelingen.check.normen import NORMS_FILE, load_norms
from search.index import INDEX_VERSION, BuildBusy, current_generation
from search.lexicon import LexiconError
from views.catalog import cli, serve_catalog_from

RECHECK_SECONDS = 1.0
WATCH_SHARE = 0.01


class LivePublication:
    """Which generation one app serves, and when it looks for a newer one next."""

    def __init__(self, app: Flask):
        self.app = app
        self.generation: Path | None = None
        self.next_look = 0.0
        self.lock = threading.Lock()

    def refresh(self) -> None:
        """Publish a changed data folder (when watched) and switch to the newest generation."""
        config = self.app.config
        if config.get("FROZEN_CATALOG") or time.monotonic() < self.next_look:
            return
        with self.lock:
            if time.monotonic() < self.next_look:
                return  # another thread looked while this one waited
            cost = self._publish_if_changed() if config["WATCH_DATA"] else 0.0
            generation = current_generation(Path(config["INDEX_DIR"]))
            if generation is not None and generation != self.generation:
                self.serve(generation)
            self.next_look = time.monotonic() + pause_after(cost, config["RECHECK_SECONDS"], config["WATCH_SHARE"])

    def serve(self, generation: Path) -> Catalog:
        """Serve the catalog of `generation` from now on."""
        catalog = load_published(generation, Path(self.app.config["DATA_DIR"]))
        self.app.extensions["catalog"], self.generation = catalog, generation
        self._read_norms()
        return catalog

    def first_catalog(self) -> Catalog:
        """The catalog asked for before any request looked: the live publication, else the data folder checked."""
        with self.lock:
            if "catalog" not in self.app.extensions:
                generation = current_generation(Path(self.app.config["INDEX_DIR"]))
                if generation is not None:
                    return self.serve(generation)
                # Nothing published yet (a command on a fresh checkout): read the files as they are.
                self.app.extensions["catalog"] = load_catalog(Path(self.app.config["DATA_DIR"]))
                self._read_norms()
            return self.app.extensions["catalog"]

    def _read_norms(self) -> None:
        """Read the bijstandsnormen with the publication: a new half year is served with the next one."""
        self.app.extensions["normen"], _ = load_norms(Path(self.app.config["NORMEN_FILE"]))

    def _publish_if_changed(self) -> float:
        """Publish when the data folder differs from the live publication; return the seconds the look took."""
        started = time.perf_counter()
        stamp = source_stamp(Path(self.app.config["DATA_DIR"]), _stamp_extra(self.app))
        cost = time.perf_counter() - started
        changed = stamp != published_stamp(Path(self.app.config["INDEX_DIR"]))
        if changed:
            try:
                _publish(self.app, only_if_changed=True, wait=self.generation is None)
            except BuildBusy:
                pass  # another worker is publishing; its generation is picked up on a later look
            except OSError as error:
                # A read-only node (index shipped with the release) just serves what is there.
                self.app.logger.warning("publiceren lukt niet: %s", error)
        return cost


def pause_after(cost: float, minimum: float, share: float) -> float:
    """Seconds until the next look after one that took `cost` seconds: at least `minimum`, and so long
    that looking takes at most `share` of the time (cost / (cost + pause) <= share)."""
    return max(minimum, cost * (1 - share) / share)


def init_app(app: Flask) -> None:
    """Serve the published catalog, publish on first use when needed, and add `regelingen index`."""
    app.config.setdefault("RECHECK_SECONDS", RECHECK_SECONDS)
    app.config.setdefault("WATCH_SHARE", WATCH_SHARE)
    app.config.setdefault("WATCH_DATA", True)
    app.config.setdefault("NORMEN_FILE", str(NORMS_FILE))
    live = LivePublication(app)
    app.extensions["publication"] = live
    serve_catalog_from(app, live.first_catalog)
    app.before_request(live.refresh)
    cli.add_command(index_command)


def _stamp_extra(app: Flask) -> list[str]:
    """What a publication depends on besides the data files: the index format, the lexicon and the norms."""
    norms = Path(app.config["NORMEN_FILE"])
    norms_hash = hashlib.sha256(norms.read_bytes()).hexdigest() if norms.is_file() else "ontbreekt"
    return [
        f"index {INDEX_VERSION}",
        Path(app.config["LEXICON_FILE"]).read_text(encoding="utf-8"),
        f"normen {norms_hash}",
    ]


def _publish(app: Flask, only_if_changed: bool, wait: bool) -> Path:
    """Publish the app's data folder into its index directory."""
    return publish(
        Path(app.config["DATA_DIR"]),
        Path(app.config["INDEX_DIR"]),
        app.extensions["search"].lexicon.words,
        _stamp_extra(app),
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
    catalog = current_app.extensions["publication"].serve(generation)
    for problem in catalog.problems:
        if problem.is_error or "vorige goede versie" in problem.message:
            click.echo(str(problem))
    seconds = time.perf_counter() - started
    click.echo(f"Gepubliceerd: {len(catalog.schemes)} regelingen in {seconds:.1f} s ({generation.name}).")
