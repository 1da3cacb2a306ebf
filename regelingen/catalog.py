"""Load the data folder into a Catalog; a broken file is reported and skipped, never fatal."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from regelingen.files.build import build_municipality, build_scheme
from regelingen.files.problems import Problem
from regelingen.files.validate import MUNICIPALITY_FILE, check_text, folder_problems
from regelingen.model import NATIONAL, Municipality, Scheme

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemes"
# How one file's text is validated: `check_text`, or a stand-in that reuses earlier answers (publishing).
CheckText = Callable[[str, str, str, str, date], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class Catalog:
    """Every municipality and scheme that passed validation, plus every problem found."""

    municipalities: Mapping[str, Municipality]
    schemes: Mapping[str, Scheme]
    problems: tuple[Problem, ...] = ()
    files: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that kept a file from being published."""
        return tuple(problem for problem in self.problems if problem.is_error)

    def schemes_for(self, municipality: str | None, include_national: bool = True) -> list[Scheme]:
        """Schemes of one municipality (then the national ones), or all when `municipality` is None."""
        if municipality is None:
            return list(self.schemes.values())
        own = self._by_municipality.get(municipality, ())
        national = self._by_municipality.get(NATIONAL, ()) if include_national and municipality != NATIONAL else ()
        return [*own, *national]

    @cached_property
    def _by_municipality(self) -> dict[str, tuple[Scheme, ...]]:
        """The schemes per municipality: a page for one place does not walk all 14,000 of the country."""
        grouped: dict[str, list[Scheme]] = {}
        for scheme in self.schemes.values():
            grouped.setdefault(scheme.municipality, []).append(scheme)
        return {municipality: tuple(schemes) for municipality, schemes in grouped.items()}

    def municipality_for_postcode(self, postcode: str) -> Municipality | None:
        """The municipality that a 4-digit postcode lies in, if it is one of ours."""
        for municipality in self.municipalities.values():
            if municipality.slug != NATIONAL and municipality.covers_postcode(postcode):
                return municipality
        return None


def data_files(root: Path) -> list[Path]:
    """Every file below `root` that should be a data file (wrongly named ones included, to report them)."""
    return [Path(entry.path) for entry in data_entries(root)]


def data_entries(root: Path) -> Iterator[os.DirEntry]:
    """`data_files` as directory entries, in the same order; their `stat()` needs no second lookup of the name."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:  # gone or unreadable: no files, as with Path.rglob
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from data_entries(Path(entry.path))
        elif entry.is_file() and not entry.name.startswith("."):
            yield entry


def municipality_folders(root: Path) -> list[str]:
    """The folders below `root` that are a municipality: those with a `_gemeente.yaml`."""
    try:
        return sorted(entry.name for entry in os.scandir(root) if (Path(entry.path) / MUNICIPALITY_FILE).is_file())
    except OSError:
        return []


def load_catalog(
    root: Path = DATA_DIR,
    today: date | None = None,
    paths: Iterable[Path] | None = None,
    shown_as: Path | None = None,
    check: CheckText = check_text,
) -> Catalog:
    """Read and validate the data files below `root` (or just `paths`) into a Catalog.

    With `shown_as`, problems name each file as if `root` were that folder (publishing validates a copy).
    `check` validates one file; the checks across files are always made here.
    """
    today = today or date.today()
    root = Path(root)
    municipalities: dict[str, Municipality] = {}
    schemes: dict[str, Scheme] = {}
    problems: list[Problem] = []
    files: dict[str, str] = {}
    known = municipality_folders(root)
    for path in sorted(paths) if paths is not None else data_files(root):
        shown = shown_path(path if shown_as is None else Path(shown_as) / path.relative_to(root))
        folder = path.parent.name
        if paths is None and path.parent.parent.resolve() != root.resolve():
            problems.append(
                Problem(shown, 1, "dit bestand staat in de verkeerde map; zet het in data/schemes/<gemeente>/")
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, 1, f"het bestand kan niet gelezen worden als UTF-8-tekst: {error}"))
            continue
        data, found = check(text, shown, folder, path.name, today)
        found = folder_problems(shown, folder, known) + found
        problems += found
        if data is None or any(problem.is_error for problem in found):
            continue
        if path.name == MUNICIPALITY_FILE:
            municipalities[folder] = build_municipality(folder, data)
            continue
        scheme = build_scheme(folder, path.stem, data)
        if scheme.id in schemes:
            problems.append(Problem(shown, 1, f"het id '{scheme.id}' bestaat al in {files[scheme.id]}", "id"))
            continue
        schemes[scheme.id] = scheme
        files[scheme.id] = shown
    for scheme_id in [key for key, scheme in schemes.items() if scheme.municipality not in municipalities]:
        if paths is None:
            problems.append(
                Problem(
                    files[scheme_id],
                    1,
                    f"de map '{schemes[scheme_id].municipality}' heeft geen geldig {MUNICIPALITY_FILE}",
                )
            )
            del schemes[scheme_id]
    return Catalog(
        MappingProxyType(municipalities), MappingProxyType(schemes), tuple(problems), MappingProxyType(files)
    )


def shown_path(path: Path) -> str:
    """The path as staff know it: relative to the repository when it lies inside it."""
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)
