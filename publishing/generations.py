"""Publish the data folder safely: validate, keep the last good version of a broken file, swap in atomically.

A publication is one index generation (see `search.index`) that also holds `schemes/`, the exact
files it was built from. Every worker serves the catalog and the index of the same generation,
and switches to a newer one without a restart. When a file in the data folder fails validation,
the generation keeps the version of that file from the generation before it, so candidates keep
seeing the last good facts while staff see the error in `/beheer` and in `regelingen check`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from regelingen.loader import Catalog, data_files, load_catalog, shown_path
from regelingen.problems import WARNING, Problem
from regelingen.validate import MUNICIPALITY_FILE
from search.index import build_lock, build_while_locked, current_generation

SNAPSHOT = "schemes"
PROBLEMS_FILE = "problems.json"
STAMP_FILE = "source-stamp"


def source_stamp(data_dir: Path, extra: Collection[str] = ()) -> str:
    """A cheap fingerprint of the data folder (names, sizes, change times), to notice edits quickly."""
    digest = hashlib.sha256()
    for path in data_files(Path(data_dir)):
        stat = path.stat()
        digest.update(f"{path.relative_to(data_dir)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
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
) -> Path:
    """Validate `data_dir`, build a new generation from its good files (plus last good versions) and swap it in.

    With `only_if_changed` nothing is built when the live generation was made from this very data;
    with `wait=False` a build already running elsewhere raises `search.index.BuildBusy` at once.
    """
    data_dir, index_dir = Path(data_dir), Path(index_dir)
    with build_lock(index_dir, wait=wait):
        stamp = source_stamp(data_dir, extra_stamp)
        if only_if_changed and published_stamp(index_dir) == stamp:
            return current_generation(index_dir)  # type: ignore[return-value]
        live = load_catalog(data_dir)
        staging = index_dir / f".staging-{time.time_ns()}"
        try:
            kept = _stage_files(data_dir, live, current_generation(index_dir), staging)
            catalog = load_catalog(staging)
            problems = list(live.problems) + kept

            def attach(generation: Path) -> None:
                shutil.copytree(staging, generation / SNAPSHOT)
                (generation / PROBLEMS_FILE).write_text(json.dumps([_as_dict(p) for p in problems], ensure_ascii=False))
                (generation / STAMP_FILE).write_text(stamp)

            return build_while_locked(catalog.schemes.values(), index_dir, extra_words, attach=attach)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def load_published(generation: Path, data_dir: Path) -> Catalog:
    """The catalog of one generation: its snapshot files, with the live problems and file names."""
    catalog = load_catalog(generation / SNAPSHOT)
    problems = tuple(Problem(**item) for item in json.loads((generation / PROBLEMS_FILE).read_text()))
    files = {scheme.id: shown_path(Path(data_dir) / scheme.municipality / f"{scheme.slug}.yaml") for scheme in catalog.schemes.values()}
    return replace(catalog, problems=problems, files=MappingProxyType(files))


def _stage_files(data_dir: Path, live: Catalog, previous: Path | None, staging: Path) -> list[Problem]:
    """Copy the good files into `staging`; for a broken file, the previous generation's version if any."""
    good = {Path(m) / MUNICIPALITY_FILE for m in live.municipalities}
    good |= {Path(s.municipality) / f"{s.slug}.yaml" for s in live.schemes.values()}
    kept: list[Problem] = []
    for path in data_files(data_dir):
        relative = path.relative_to(data_dir)
        source = path if relative in good else _previous_version(previous, relative)
        if source is None:
            continue
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, staging / relative)
        if source is not path:
            message = "dit bestand heeft fouten; de site toont de vorige goede versie tot de fouten zijn opgelost"
            kept.append(Problem(shown_path(path), 1, message, severity=WARNING))
    return kept


def _previous_version(previous: Path | None, relative: Path) -> Path | None:
    candidate = previous / SNAPSHOT / relative if previous else None
    return candidate if candidate is not None and candidate.is_file() else None


def _as_dict(problem: Problem) -> dict:
    return {"path": problem.path, "line": problem.line, "message": problem.message, "field": problem.field, "severity": problem.severity}
