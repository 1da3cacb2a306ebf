"""Serve the newest publication in every worker, and publish again when the data folder changes.

Before a request a worker looks, at most every `RECHECK_SECONDS`, whether a newer generation is live
(and whether a publication was refused), and switches to it without a restart. A request never
publishes (except on an install where nothing was ever published: `make run` publishes first).
With `WATCH_DATA` (the default) one background thread per machine watches the data folder: every worker
starts one, and the one that holds the machine's publisher lock fingerprints the folder and publishes
when it differs from the live publication, through the same `publish_data` as `regelingen index`.
Its looks are spaced so that looking takes at most `WATCH_SHARE` of a core (a national data folder has
14,000 files). A node that serves a publication built at release sets `WATCH_DATA` off: it only follows
`current` and never writes.
"""

from __future__ import annotations

import fcntl
import hashlib
import sys
import threading
import time
import weakref
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from publishing.generations import load_published, publish, published_stamp, source_stamp
from publishing.removals import PublicationRefused, refusal
from regelingen.catalog import Catalog, load_catalog
from regelingen.check.normen import NORMS_FILE, load_norms
from search.index import INDEX_VERSION, current_generation
from search.lexicon import LexiconError
from views.catalog import cli, serve_catalog_from, serve_for_this_request

RECHECK_SECONDS = 1.0
MIN_PAUSE = 0.05
PUBLISHER_LOCK = ".publisher.lock"
PUBLISHER_RETRY_SECONDS = 5.0
WATCH_SHARE = 0.01


class LivePublication:
    """Which generation one app serves, and when it looks for a newer one next."""

    def __init__(self, app: Flask):
        self.app = app
        self.generation: Path | None = None
        self.refused: str | None = None
        # The catalog and the generation it came from, swapped together: a request pins both (one generation).
        self.served: tuple[Catalog, Path] | None = None
        self.next_look = 0.0
        self.lock = threading.Lock()
        self.watcher: threading.Thread | None = None

    def refresh(self) -> None:
        """Before a request: follow the newest generation, then pin catalog and search index for the request."""
        self._look()
        if self.served is not None:
            serve_for_this_request(*self.served)

    def _look(self) -> None:
        """Switch to the newest generation (publishing first only when nothing was ever published)."""
        config = self.app.config
        if config.get("FROZEN_CATALOG") or time.monotonic() < self.next_look:
            return
        with self.lock:
            if time.monotonic() < self.next_look:
                return  # another thread looked while this one waited
            index_dir = Path(config["INDEX_DIR"])
            generation = current_generation(index_dir)
            if generation is None and config["WATCH_DATA"]:
                generation = self._first_publication()
            if generation is not None and generation != self.generation:
                self.serve(generation)
            self.refused = refusal(index_dir)
            self.next_look = time.monotonic() + config["RECHECK_SECONDS"]
        if config["WATCH_DATA"]:
            self._start_watching()  # after the first publication, so that the two never race

    def serve(self, generation: Path) -> Catalog:
        """Serve the catalog of `generation` from now on."""
        catalog = load_published(generation, Path(self.app.config["DATA_DIR"]))
        self.app.extensions["catalog"], self.generation = catalog, generation
        self.served = (catalog, generation)
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

    def _first_publication(self) -> Path | None:
        """Publish on an install where nothing is published yet (the first request waits for it)."""
        try:
            return publish_data(self.app, only_if_changed=True, wait=True)
        except (OSError, PublicationRefused) as error:
            self.app.logger.warning("publiceren lukt niet: %s", error)
            return None

    def _start_watching(self) -> None:
        """Start this worker's watcher thread once (after the fork: threads do not survive one)."""
        with self.lock:
            if self.watcher is None or not self.watcher.is_alive():
                self.watcher = threading.Thread(
                    target=_watch, args=(weakref.ref(self),), name="data-watch", daemon=True
                )
                self.watcher.start()

    def _read_norms(self) -> None:
        """Read the bijstandsnormen with the publication: a new half year is served with the next one."""
        self.app.extensions["normen"], _ = load_norms(Path(self.app.config["NORMEN_FILE"]))

    def _publish_if_changed(self) -> float:
        """Publish when the data folder differs from the live publication; return the seconds the look took."""
        started = time.perf_counter()
        stamp = source_stamp(Path(self.app.config["DATA_DIR"]), _stamp_extra(self.app))
        cost = time.perf_counter() - started
        if stamp != published_stamp(Path(self.app.config["INDEX_DIR"])):
            try:
                publish_data(self.app, only_if_changed=True, wait=True)
            except PublicationRefused as error:
                self.app.logger.warning("%s", error)
            except OSError as error:
                # A read-only node (index shipped with the release) just serves what is there.
                self.app.logger.warning("publiceren lukt niet: %s", error)
        return cost


def _watch(publication: weakref.ref[LivePublication]) -> None:
    """Wait to become the machine's publisher, then publish every change of the data folder.

    The thread holds its app only while it looks: when the app is gone (a test's), the thread ends.
    """
    live = publication()
    if live is None:
        return
    lock_file = Path(live.app.config["INDEX_DIR"]) / PUBLISHER_LOCK
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    del live
    with open(lock_file, "a+") as held:
        while True:
            try:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                time.sleep(PUBLISHER_RETRY_SECONDS)  # another worker publishes; take over if it dies
                if publication() is None:
                    return
        while (live := publication()) is not None:
            cost = live._publish_if_changed()
            pause = pause_after(cost, live.app.config["RECHECK_SECONDS"], live.app.config["WATCH_SHARE"])
            del live
            time.sleep(max(MIN_PAUSE, pause))


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


def publish_data(app: Flask, only_if_changed: bool = False, wait: bool = True, allow_removal: bool = False) -> Path:
    """Publish the app's data folder into its index directory: the one way to publish (CLI, watcher, staff)."""
    return publish(
        Path(app.config["DATA_DIR"]),
        Path(app.config["INDEX_DIR"]),
        app.extensions["search"].lexicon.words,
        _stamp_extra(app),
        only_if_changed=only_if_changed,
        wait=wait,
        allow_removal=allow_removal,
    )


@click.command("index")
@click.option(
    "--allow-removal",
    is_flag=True,
    help="Publiceer ook als een hele gemeente of meer dan 20 % van haar regelingen verdwijnt.",
)
@with_appcontext
def index_command(allow_removal: bool) -> None:
    """Publiceer de regelingen: controleer ze, bouw de zoekindex en zet die live (foute bestanden niet)."""
    started = time.perf_counter()
    try:
        generation = publish_data(current_app, allow_removal=allow_removal)
    except PublicationRefused as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except (OSError, LexiconError) as error:
        click.echo(f"De index is niet gebouwd: {error}. De oude index blijft in gebruik.", err=True)
        sys.exit(1)
    catalog = current_app.extensions["publication"].serve(generation)
    for problem in catalog.problems:
        if problem.is_error or "vorige goede versie" in problem.message:
            click.echo(str(problem))
    seconds = time.perf_counter() - started
    click.echo(f"Gepubliceerd: {len(catalog.schemes)} regelingen in {seconds:.1f} s ({generation.name}).")
