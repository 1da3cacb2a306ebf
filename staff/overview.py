"""The staff overview: per municipality every file, its dates, problems and broken links; what needs work first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from regelingen.catalog import Catalog
from regelingen.files.problems import Problem
from regelingen.files.validate import STALE_AFTER
from regelingen.model import NATIONAL, Scheme, Status
from staff.linkreport import LinkReport

ENDS_SOON = timedelta(days=60)
COLUMNS = (
    "Regeling",
    "Bestand",
    "Status",
    "Gecontroleerd op",
    "Geldig tot",
    "Bronnen",
    "Actie nodig",
    "Fouten",
    "Waarschuwingen",
    "Kapotte links",
)


@dataclass(frozen=True)
class OverviewRow:
    """One file of a municipality as staff see it in /beheer and in the CSV."""

    title: str
    file: str
    status: str = ""
    checked_on: date | None = None
    valid_until: date | None = None
    sources: int | None = None
    reasons: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    broken_links: tuple[str, ...] = ()

    @property
    def is_due(self) -> bool:
        """True when someone should look at this file now."""
        return bool(self.reasons)

    def cells(self) -> list[str]:
        """The row as text, in the order of COLUMNS; several items in one cell are on separate lines."""
        return [
            self.title,
            self.file,
            self.status,
            self.checked_on.isoformat() if self.checked_on else "",
            self.valid_until.isoformat() if self.valid_until else "",
            "" if self.sources is None else str(self.sources),
            *("\n".join(items) for items in (self.reasons, self.errors, self.warnings, self.broken_links)),
        ]


@dataclass(frozen=True)
class MunicipalityOverview:
    """The rows of one municipality (or folder), those that need work first."""

    slug: str
    name: str
    rows: tuple[OverviewRow, ...]

    @property
    def due(self) -> int:
        """How many files need work."""
        return sum(row.is_due for row in self.rows)


def build_overview(catalog: Catalog, today: date, links: LinkReport | None = None) -> list[MunicipalityOverview]:
    """Every municipality with a row per published scheme and per file that could not be published."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in catalog.problems:
        by_file[problem.path].append(problem)
    broken_by_file: dict[str, list[str]] = defaultdict(list)
    for link in links.broken if links else ():
        broken_by_file[link.file].append(f"{link.field}: {link.url} — {link.error}")
    rows: dict[str, list[OverviewRow]] = defaultdict(list)
    published = set()
    for scheme_id, scheme in catalog.schemes.items():
        file = catalog.files[scheme_id]
        published.add(file)
        errors, warnings = _messages(by_file[file])
        reasons = _reasons(scheme.checked_on, scheme.valid_until, scheme.status, today) + _stale_amounts(scheme, today)
        reasons = _error_reason(errors) + reasons + (("links werken niet",) if broken_by_file[file] else ())
        rows[scheme.municipality].append(
            OverviewRow(
                scheme.title,
                file,
                scheme.status,
                scheme.checked_on,
                scheme.valid_until,
                len(scheme.sources),
                reasons,
                errors,
                warnings,
                tuple(broken_by_file[file]),
            )
        )
    for file, problems in by_file.items():
        if file not in published:
            errors, warnings = _messages(problems)
            row = OverviewRow(Path(file).name, file, reasons=_error_reason(errors), errors=errors, warnings=warnings)
            rows[Path(file).parent.name].append(row)
    # Every folder with files or a municipality, by name; the national schemes last.
    order = sorted(set(rows) | set(catalog.municipalities), key=lambda slug: (slug == NATIONAL, slug))
    return [
        MunicipalityOverview(slug, _name(catalog, slug), tuple(sorted(rows[slug], key=_attention_first)))
        for slug in order
    ]


def _reasons(checked_on: date, valid_until: date | None, status: str, today: date) -> tuple[str, ...]:
    """Why a published scheme is due for a check."""
    reasons = []
    if today - checked_on > STALE_AFTER:
        reasons.append("meer dan 12 maanden niet gecontroleerd")
    if valid_until and status != Status.ENDED:
        if valid_until < today:
            reasons.append("geldig_tot is voorbij")
        elif valid_until - today <= ENDS_SOON:
            reasons.append("geldig_tot is binnen 60 dagen")
    return tuple(reasons)


def _stale_amounts(scheme: Scheme, today: date) -> tuple[str, ...]:
    """Why the amounts need work: some have no figure for this year (the site then shows an older one)."""
    if scheme.status == Status.ENDED:
        return ()
    latest = [max(year for year, _ in amount.values) for amount in scheme.amounts]
    old = [year for year in latest if year < today.year]
    return (f"bedragen zonder cijfer voor {today.year} (nieuwste uit {max(old)})",) if old else ()


def _error_reason(errors: tuple[str, ...]) -> tuple[str, ...]:
    # A file with errors is not published: the site keeps what it had (or nothing) until the file is fixed.
    return ("fout: deze versie van het bestand wordt niet gepubliceerd",) if errors else ()


def _messages(problems: list[Problem]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Errors and warnings as 'regel N: message' (the file is in its own column)."""
    errors = tuple(f"regel {p.line}: {p.message}" for p in problems if p.is_error)
    warnings = tuple(f"regel {p.line}: {p.message}" for p in problems if not p.is_error)
    return errors, warnings


def _attention_first(row: OverviewRow) -> tuple[bool, bool, str]:
    """Files with errors first, then the other due files, then the rest; by title within each."""
    return (not row.errors, not row.is_due, row.title.casefold())


def _name(catalog: Catalog, slug: str) -> str:
    found = catalog.municipalities.get(slug)
    return found.name if found else slug
