"""The removal guard: a publication that would take away a whole municipality, or more than `MAX_REMOVED_SHARE`
of one municipality's schemes, is refused unless staff confirm it (`regelingen index --allow-removal`).

A folder that vanished, became unreadable or lost its files by mistake must not unpublish a
municipality silently: the last good publication keeps serving, and the refusal is kept in the index
folder (`REFUSAL_FILE`) so that `/beheer` and `/healthz` show it until a publication goes through.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from regelingen.catalog import Catalog

MAX_REMOVED_SHARE = 0.2
REFUSAL_FILE = "refused-publication.txt"
CONFIRM_HINT = "Klopt dit? Publiceer dan opnieuw met: flask regelingen index --allow-removal"


class PublicationRefused(Exception):
    """Raised when a publication is refused; its text says why, in plain Dutch."""


def removals(previous_catalog_file: Path, new: Catalog) -> list[str]:
    """Per municipality that loses too much between the published catalog and `new`: what it loses."""
    try:
        stored = json.loads(previous_catalog_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # nothing readable published before: nothing to lose
    before = Counter(scheme_id.partition("/")[0] for scheme_id in stored.get("schemes", {}))
    after = Counter(scheme.municipality for scheme in new.schemes.values())
    found = []
    for slug in sorted(stored.get("municipalities", {})):
        if slug not in new.municipalities:
            found.append(f"de gemeente '{slug}' verdwijnt helemaal (met {before[slug]} regelingen)")
        elif before[slug] and (before[slug] - after[slug]) / before[slug] > MAX_REMOVED_SHARE:
            found.append(f"van '{slug}' verdwijnen {before[slug] - after[slug]} van de {before[slug]} regelingen")
    return found


def refusal_text(found: list[str]) -> str:
    """The message for a refused publication."""
    return (
        "Niet gepubliceerd: deze versie haalt te veel weg: "
        + "; ".join(found)
        + ". De site toont de vorige versie. "
        + CONFIRM_HINT
    )


def record_refusal(index_dir: Path, message: str | None) -> None:
    """Keep `message` as the latest refusal (None: a publication went through, forget it)."""
    file = Path(index_dir) / REFUSAL_FILE
    if message is None:
        file.unlink(missing_ok=True)
    else:
        Path(index_dir).mkdir(parents=True, exist_ok=True)
        file.write_text(message, encoding="utf-8")


def refusal(index_dir: Path) -> str | None:
    """The latest refused publication's message, or None when the last publication went through."""
    try:
        return (Path(index_dir) / REFUSAL_FILE).read_text(encoding="utf-8")
    except OSError:
        return None
