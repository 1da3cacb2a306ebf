"""Which addresses the files use, and the saved result of the last link check (for the CLI and /beheer)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from regelingen.catalog import DATA_DIR, Catalog
from regelingen.files.validate import MUNICIPALITY_FILE
from staff.linkcheck import LinkResult


@dataclass(frozen=True)
class LinkUse:
    """One place where a file uses an address: which municipality, file and field."""

    municipality: str
    file: str
    field: str
    url: str


@dataclass(frozen=True)
class BrokenLink:
    """An address that did not work, where it is used, and what went wrong."""

    municipality: str
    file: str
    field: str
    url: str
    status: int | None
    error: str


@dataclass(frozen=True)
class LinkReport:
    """The result of one link check run."""

    checked_at: str
    total: int
    broken: tuple[BrokenLink, ...]

    def broken_in(self, municipality: str) -> list[BrokenLink]:
        """The broken links in the files of one municipality."""
        return [link for link in self.broken if link.municipality == municipality]


def report_path(config: Mapping[str, Any]) -> Path:
    """Where the link check saves its result: `LINKCHECK_FILE`, else linkcheck.json beside the index folder (var/)."""
    return Path(config.get("LINKCHECK_FILE") or Path(config["INDEX_DIR"]).parent / "linkcheck.json")


def link_uses(catalog: Catalog, root: Path) -> list[LinkUse]:
    """Every source, form, contact and helper address in the published files, with where it stands."""
    uses: list[LinkUse] = []
    for scheme_id, scheme in catalog.schemes.items():
        data, file = scheme.data, catalog.files[scheme_id]

        def add(field: str, url: str | None, municipality: str = scheme.municipality, file: str = file) -> None:
            if url:
                uses.append(LinkUse(municipality, file, field, url))

        for number, source in enumerate(data.get("bronnen", ()), start=1):
            add(f"bronnen[{number}].url", source.get("url"))
        for key in ("online_url", "formulier_url"):
            add(f"aanvragen.{key}", data.get("aanvragen", {}).get(key))
        add("contact.url", data.get("contact", {}).get("url"))
        for number, helper in enumerate(data.get("hulp_bij_aanvragen", ()), start=1):
            add(f"hulp_bij_aanvragen[{number}].url", helper.get("url"))
    for slug, municipality in catalog.municipalities.items():
        file = _shown(Path(root) / slug / MUNICIPALITY_FILE)
        if municipality.contact.url:
            uses.append(LinkUse(slug, file, "contact.website", municipality.contact.url))
        for number, source in enumerate(municipality.sources, start=1):
            uses.append(LinkUse(slug, file, f"bronnen[{number}].url", source.url))
    return uses


def build_report(uses: list[LinkUse], results: Mapping[str, LinkResult], checked_at: datetime) -> LinkReport:
    """Combine where each address is used with how its check went."""
    broken = tuple(
        BrokenLink(use.municipality, use.file, use.field, use.url, results[use.url].status, results[use.url].error)
        for use in uses
        if not results[use.url].ok
    )
    return LinkReport(checked_at.isoformat(timespec="seconds"), len(uses), broken)


def write_report(report: LinkReport, path: Path) -> None:
    """Save the report as JSON; write a temporary file and rename it, so /beheer never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".linkcheck-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(asdict(report), file, ensure_ascii=False, indent=2)
    os.replace(temporary, path)


def read_report(path: Path) -> LinkReport | None:
    """The saved report, or None when there is none yet or it cannot be read; parsed again only when it changed."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        return None
    return _parse_report(str(path), stamp)


@lru_cache(maxsize=4)
def _parse_report(path: str, stamp: int) -> LinkReport | None:
    """Parse the file at `path` as it was at modification time `stamp` (the cache key)."""
    try:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        broken = tuple(BrokenLink(**item) for item in raw["broken"])
        return LinkReport(str(raw["checked_at"]), int(raw["total"]), broken)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _shown(path: Path) -> str:
    """Shown like the loader shows paths: relative to the repository when the file lies inside it."""
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)
