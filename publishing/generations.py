"""Publish the data folder safely: validate, keep the last good version of a broken file, swap in atomically.

A publication is one index generation (see `search.index`) that also holds `schemes/`, the exact
files it was built from. Every worker serves the catalog and the index of the same generation,
and switches to a newer one without a restart. When a file in the data folder fails validation,
the generation keeps the version of that file from the generation before it, so candidates keep
seeing the last good facts while staff see the error in `/beheer` and in `regelingen check`.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

from publishing.reuse import ReusingCheck, validation_rules
from publishing.stored import CATALOG_FILE, read_catalog, read_checks, write_catalog, write_checks
from regelingen.catalog import Catalog, data_entries, data_files, load_catalog, shown_path
from regelingen.files.problems import WARNING, Problem
from regelingen.files.validate import MUNICIPALITY_FILE
from search.index import build_lock, build_while_locked, current_generation

SNAPSHOT = "schemes"
STAMP_FILE = "source-stamp"
# Raise this when what a generation holds changes, so that every install publishes again.
# 2: the validated catalog in catalog.json, read by workers without validating again.
# 3: per file the SHA-256 of its text and its warnings, so that the next publish validates only what changed.
PUBLICATION_FORMAT = "3"
KEPT_MESSAGE = "dit bestand heeft fouten; de site toont de vorige goede versie tot de fouten zijn opgelost"


def source_stamp(data_dir: Path, extra: Collection[str] = ()) -> str:
    """A cheap fingerprint of the data folder (names, sizes, change times) and of what a generation holds."""
    root = str(data_dir)
    digest = hashlib.sha256(f"publication {PUBLICATION_FORMAT}\n".encode())
    for entry in data_entries(Path(data_dir)):
        stat = entry.stat()
        relative = entry.path[len(root) + 1 :]  # the entries lie below `root`: cheaper than Path.relative_to
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for item in sorted(extra):
        digest.update(f"{item}\n".encode())
    return digest.hexdigest()


def published_stamp(index_dir: Path) -> str | None:
    """The source stamp of the live generation, or None when nothing is published yet."""
    generation = current_generation(Path(index_dir))
    try:
        return (generation / STAMP_FILE).read_text() if generation else None
    except OSError:
        return None


def publish(
    data_dir: Path,
    index_dir: Path,
    extra_words: Collection[str] = (),
    extra_stamp: Collection[str] = (),
    only_if_changed: bool = False,
    wait: bool = True,
    today: date | None = None,
) -> Path:
    """Validate `data_dir`, build a new generation from its good files (plus last good versions) and swap it in.

    The files are copied first and the copies validated, once: the generation holds exactly the bytes
    that passed, and their validated data (`publishing.stored`) for the workers. A file whose text is
    the same as in the live generation is not validated again (`publishing.reuse`). With `only_if_changed`
    nothing is built when the live generation was made from this very data; with `wait=False` a build
    already running elsewhere raises `search.index.BuildBusy` at once. `today` is the date the warnings
    about old facts are judged by (default: the real date).
    """
    data_dir, index_dir = Path(data_dir), Path(index_dir)
    with build_lock(index_dir, wait=wait):
        stamp = source_stamp(data_dir, extra_stamp)
        if only_if_changed and published_stamp(index_dir) == stamp:
            return current_generation(index_dir)  # type: ignore[return-value]
        staging = index_dir / f".staging-{time.time_ns()}"
        previous, today = current_generation(index_dir), today or date.today()
        try:
            for path in data_files(data_dir):
                (staging / path.relative_to(data_dir)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, staging / path.relative_to(data_dir))
            earlier = read_checks(previous) if previous else None
            check = ReusingCheck(earlier, today, validation_rules([f"publication {PUBLICATION_FORMAT}", *extra_stamp]))
            live = load_catalog(staging, today, shown_as=data_dir, check=check)
            catalog = _with_last_good_versions(data_dir, staging, live, previous, today)

            def attach(generation: Path) -> None:
                staging.rename(generation / SNAPSHOT)
                write_catalog(catalog, generation / CATALOG_FILE)
                write_checks(check.checks(), catalog, generation)
                (generation / STAMP_FILE).write_text(stamp)

            return build_while_locked(catalog.schemes.values(), index_dir, extra_words, attach=attach)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def load_published(generation: Path, data_dir: Path) -> Catalog:
    """The catalog of one generation, as validated when it was published, with the live file names."""
    catalog = read_catalog(generation / CATALOG_FILE)
    folder = shown_path(Path(data_dir))  # once: resolving 14,000 paths one by one costs more than the rest
    files = {key: f"{folder}/{scheme.municipality}/{scheme.slug}.yaml" for key, scheme in catalog.schemes.items()}
    return replace(catalog, files=MappingProxyType(files))


def _with_last_good_versions(
    data_dir: Path, staging: Path, live: Catalog, previous: Path | None, today: date
) -> Catalog:
    """`live` plus the previous versions of its broken files; `staging` keeps only what is published."""
    good = {Path(m) / MUNICIPALITY_FILE for m in live.municipalities}
    good |= {Path(s.municipality) / f"{s.slug}.yaml" for s in live.schemes.values()}
    kept: list[Path] = []
    for path in data_files(staging):
        relative = path.relative_to(staging)
        if relative in good:
            continue
        path.unlink()
        if (earlier := _previous_version(previous, relative)) is not None:
            shutil.copy2(earlier, path)
            kept.append(path)
    problems = live.problems + tuple(
        Problem(shown_path(data_dir / path.relative_to(staging)), 1, KEPT_MESSAGE, severity=WARNING) for path in kept
    )
    if not kept:
        return replace(live, problems=problems)
    restored = load_catalog(staging, today, paths=kept)  # only these files are validated again
    municipalities = dict(sorted((dict(live.municipalities) | dict(restored.municipalities)).items()))
    # A scheme needs its municipality, as in `load_catalog`; the order is that of the files on disk.
    schemes = [s for s in [*live.schemes.values(), *restored.schemes.values()] if s.municipality in municipalities]
    schemes.sort(key=lambda scheme: (scheme.municipality, f"{scheme.slug}.yaml"))
    return Catalog(MappingProxyType(municipalities), MappingProxyType({s.id: s for s in schemes}), problems)


def _previous_version(previous: Path | None, relative: Path) -> Path | None:
    candidate = previous / SNAPSHOT / relative if previous else None
    return candidate if candidate is not None and candidate.is_file() else None
