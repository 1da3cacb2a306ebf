"""Immutable scheme and municipality objects, built from validated YAML data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

NATIONAL = "landelijk"


class Status(StrEnum):
    """Where a scheme stands: the `status` field of a scheme file (the values are the ones in the file)."""

    ACTIVE = "actief"
    PAUSED = "tijdelijk gesloten"
    ENDED = "beëindigd"


@dataclass(frozen=True)
class Contact:
    """Who to call or visit."""

    name: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None
    opening_hours: str | None = None


@dataclass(frozen=True)
class Source:
    """A public page the facts were taken from."""

    url: str
    title: str | None = None


@dataclass(frozen=True)
class Amount:
    """An amount of money, kept per year so old and new figures can coexist."""

    description: str
    per: str
    values: tuple[tuple[int, float], ...]
    maximum: bool = False

    def for_year(self, year: int) -> tuple[int, float]:
        """The figure for `year`, else the most recent one before it, else the earliest."""
        earlier = [pair for pair in self.values if pair[0] <= year]
        return earlier[-1] if earlier else self.values[0]


@dataclass(frozen=True)
class Limit:
    """An income or wealth limit in euros, with the year it applies to."""

    single: float
    couple: float | None
    year: int
    per: str | None = None
    single_parent_as_couple: bool = False


@dataclass(frozen=True)
class Conditions:
    """Conditions as sentences, plus the structured fields a machine can check."""

    text: tuple[str, ...]
    lives_in_municipality: bool = False
    age_min: int | None = None
    age_max: int | None = None
    until_pension_age: bool = False
    from_pension_age: bool = False
    income_limit_percent: int | None = None
    income_limit_amount: Limit | None = None
    min_years_low_income: int | None = None
    wealth_limit: Limit | None = None
    children_required: bool = False
    child_age_min: int | None = None
    child_age_max: int | None = None
    housing: str | None = None
    students_excluded: bool = False
    students_only: bool = False
    without_partner_only: bool = False
    social_assistance_only: bool = False


@dataclass(frozen=True)
class Step:
    """One small step of an application."""

    what: str
    who: str = "u"
    where: str | None = None
    bring: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    alternative: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Helper:
    """Someone who helps with an application for free."""

    name: str
    description: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Municipality:
    """A municipality (or `landelijk`, the whole country) and its main contact."""

    slug: str
    name: str
    contact: Contact
    cbs_code: str | None = None
    postcodes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    checked_on: date | None = None
    checked_by: str | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    def covers_postcode(self, postcode: str) -> bool:
        """True when the 4-digit `postcode` lies in this municipality."""
        digits = postcode.strip()[:4]
        if not (len(digits) == 4 and digits.isdigit()):
            return False
        for entry in self.postcodes:
            low, _, high = entry.partition("-")
            if low <= digits <= (high or low):
                return True
        return False


@dataclass(frozen=True)
class Scheme:
    """One support scheme, as published on the site."""

    municipality: str
    slug: str
    title: str
    summary: str
    categories: tuple[str, ...]
    for_whom: str
    benefit: str
    conditions: Conditions
    apply_channels: tuple[str, ...]
    steps: tuple[Step, ...]
    decision: str
    contact: Contact
    search_terms: tuple[str, ...]
    sources: tuple[Source, ...]
    checked_on: date
    checked_by: str
    status: Status
    amounts: tuple[Amount, ...] = ()
    translated_summaries: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prerequisites: tuple[str, ...] = ()
    apply_online_url: str | None = None
    apply_form_url: str | None = None
    apply_before_costs: bool = False
    bring: tuple[str, ...] = ()
    decision_weeks: int | None = None
    no_answer: str | None = None
    objection: str | None = None
    helpers: tuple[Helper, ...] = ()
    notice: str | None = None
    # A national fund that helps only when the municipality's own schemes are not enough: searched after them.
    safety_net: bool = False
    valid_from: date | None = None
    valid_until: date | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    @property
    def id(self) -> str:
        """The stable id `<municipality>/<slug>`."""
        return f"{self.municipality}/{self.slug}"

    @property
    def is_national(self) -> bool:
        """True for schemes that apply in every municipality."""
        return self.municipality == NATIONAL
