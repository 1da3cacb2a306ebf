"""Load the data folder into a Catalog; a broken file is reported and skipped, never fatal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from regelingen.build import build_municipality, build_scheme
from regelingen.model import NATIONAL, Municipality, Scheme
from regelingen.problems import Problem
from regelingen.validate import MUNICIPALITY_FILE, check_text

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemes"


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
        """Schemes of one municipality (plus the national ones), or all when `municipality` is None."""
        return [
            scheme
            for scheme in self.schemes.values()
            if municipality is None
            or scheme.municipality == municipality
            or (include_national and scheme.is_national)
        ]

    def municipality_for_postcode(self, postcode: str) -> Municipality | None:
        """The municipality that a 4-digit postcode lies in, if it is one of ours."""
        for municipality in self.municipalities.values():
            if municipality.slug != NATIONAL and municipality.covers_postcode(postcode):
                return municipality
        return None


def data_files(root: Path) -> list[Path]:
    """Every file below `root` that should be a data file (wrongly named ones included, to report them)."""
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.name.startswith("."))


def load_catalog(root: Path = DATA_DIR, today: date | None = None, paths: Iterable[Path] | None = None) -> Catalog:
    """Read and validate the data files below `root` (or just `paths`) into a Catalog."""
    today = today or date.today()
    root = Path(root)
    municipalities: dict[str, Municipality] = {}
    schemes: dict[str, Scheme] = {}
    problems: list[Problem] = []
    files: dict[str, str] = {}
    for path in sorted(paths) if paths is not None else data_files(root):
        shown = shown_path(path)
        folder = path.parent.name
        if paths is None and path.parent.parent.resolve() != root.resolve():
            problems.append(Problem(shown, 1, "dit bestand staat in de verkeerde map; zet het in data/schemes/<gemeente>/"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, 1, f"het bestand kan niet gelezen worden als UTF-8-tekst: {error}"))
            continue
        data, found = check_text(text, shown, folder, path.name, today)
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
                Problem(files[scheme_id], 1, f"de map '{schemes[scheme_id].municipality}' heeft geen geldig {MUNICIPALITY_FILE}")
            )
            del schemes[scheme_id]
    return Catalog(MappingProxyType(municipalities), MappingProxyType(schemes), tuple(problems), MappingProxyType(files))


def shown_path(path: Path) -> str:
    """The path as staff know it: relative to the repository when it lies inside it."""
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)
