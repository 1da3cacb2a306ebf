"""The validated catalog of a generation as one JSON file: written once at publish, read by every worker as is.

Validating 14,000 files takes about 40 s of CPU; reading their validated data back takes about a second.
The file holds the data of each file exactly as validation passed it (JSON-shaped, Dutch keys), so a
worker builds the same objects as `regelingen.catalog` does, without checking anything again. JSON, not
pickle: a generation is shipped between machines, and reading it must never run code.

Next to it, `checks.json` keeps per published file the SHA-256 of the text that was validated and the
warnings found, with the day and the rules they were found under: the next publish reuses them for
every file whose text is unchanged (`publishing.reuse`). Workers never read it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from regelingen.catalog import Catalog
from regelingen.files.build import build_municipality, build_scheme
from regelingen.files.problems import Problem
from regelingen.files.validate import MUNICIPALITY_FILE
from regelingen.model import Municipality, Scheme

CATALOG_FILE = "catalog.json"
CHECKS_FILE = "checks.json"


@dataclass(frozen=True)
class CheckedFile:
    """One file as validation passed it: the SHA-256 of its text, its data, and its warnings (without a path)."""

    sha256: str
    data: Mapping[str, Any]
    warnings: tuple[tuple[int, str, str, str], ...]


@dataclass(frozen=True)
class Checks:
    """Files validated without errors on `day` under `rules`, by their path in the data folder (`oss/x.yaml`)."""

    day: str
    rules: str
    files: Mapping[str, CheckedFile]


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write the municipalities, schemes and problems of `catalog` to `path`."""
    stored = {
        "municipalities": {slug: dict(municipality.data) for slug, municipality in catalog.municipalities.items()},
        "schemes": {scheme_id: dict(scheme.data) for scheme_id, scheme in catalog.schemes.items()},
        "problems": [asdict(problem) for problem in catalog.problems],
    }
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")


def read_catalog(path: Path) -> Catalog:
    """The catalog written by `write_catalog`, built without validating again."""
    stored = json.loads(path.read_text(encoding="utf-8"))
    municipalities = {slug: build_municipality(slug, data) for slug, data in stored["municipalities"].items()}
    schemes = {}
    for scheme_id, data in stored["schemes"].items():
        municipality, _, slug = scheme_id.partition("/")
        schemes[scheme_id] = build_scheme(municipality, slug, data)
    problems = tuple(Problem(**item) for item in stored["problems"])
    return Catalog(MappingProxyType(municipalities), MappingProxyType(schemes), problems)


def write_checks(checks: Checks, catalog: Catalog, generation: Path) -> None:
    """Write the checks of the files whose data `catalog` publishes: only those can stand in for validation."""
    files = {
        relative: {"sha256": checked.sha256, "warnings": [list(warning) for warning in checked.warnings]}
        for relative, checked in checks.files.items()
        if (published := _published(catalog, relative)) is not None and published.data == checked.data
    }
    stored = {"day": checks.day, "rules": checks.rules, "files": files}
    (generation / CHECKS_FILE).write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")


def read_checks(generation: Path) -> Checks | None:
    """The checks of `generation`, each with the data it published; None when there are none."""
    try:
        stored = json.loads((generation / CHECKS_FILE).read_text(encoding="utf-8"))
        catalog = json.loads((generation / CATALOG_FILE).read_text(encoding="utf-8"))
        files = {}
        for relative, item in stored["files"].items():
            folder, _, name = relative.partition("/")
            if name == MUNICIPALITY_FILE:
                data = catalog["municipalities"][folder]
            else:
                data = catalog["schemes"][f"{folder}/{name.removesuffix('.yaml')}"]
            warnings = tuple((line, message, field, severity) for line, message, field, severity in item["warnings"])
            files[relative] = CheckedFile(item["sha256"], data, warnings)
        return Checks(stored["day"], stored["rules"], MappingProxyType(files))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # none yet, or damaged: validate all
        return None


def _published(catalog: Catalog, relative: str) -> Municipality | Scheme | None:
    """What `catalog` publishes from the file at `relative` (`oss/_gemeente.yaml`, `oss/x.yaml`)."""
    folder, _, name = relative.partition("/")
    if name == MUNICIPALITY_FILE:
        return catalog.municipalities.get(folder)
    return catalog.schemes.get(f"{folder}/{name.removesuffix('.yaml')}")
