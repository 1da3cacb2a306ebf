"""Income limits derived from the bijstandsnormen, always with the date of the norm they rest on.

A scheme file says "120% of the norm"; the amounts follow from `data/normen/bijstandsnormen.yaml`, the one
place where the yearly figures are edited. When a newer period is added there, every derived amount
(on the page, in the printed guide, in the API and in the check) follows without touching a scheme file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from regelingen.check.income import percent_limit
from regelingen.check.normen import Norms
from regelingen.model import Scheme


@dataclass(frozen=True)
class DerivedIncomeLimit:
    """`percent` % of the norm, net per month, for someone alone and for a couple, from the norm of `norm_date`."""

    percent: int
    norm_date: date
    current: bool  # False when today's half year has no norms yet: the figures rest on an older norm
    single: float
    couple: float
    pension_age: bool  # the amounts for people with the AOW age


def derived_income_limit(scheme: Scheme, norms: Norms | None, today: date) -> DerivedIncomeLimit | None:
    """The income limit of `scheme` in euros, or None when it gives none as a percentage (or no norm is known)."""
    percent = scheme.conditions.income_limit_percent
    period = norms.period_for(today) if norms is not None and percent is not None else None
    if percent is None or norms is None or period is None:
        return None
    pension = scheme.conditions.from_pension_age
    single = period.amounts.get("alleenstaand_aow" if pension else "alleenstaand")
    couple = period.amounts.get("samenwonend_aow" if pension else "samenwonend")
    if single is None or couple is None:
        return None
    return DerivedIncomeLimit(
        percent=percent,
        norm_date=period.start,
        current=norms.is_current(today),
        single=percent_limit(percent, single),
        couple=percent_limit(percent, couple),
        pension_age=pension,
    )


def resting_on_an_old_norm(schemes: Iterable[Scheme], norms: Norms | None, today: date) -> list[str]:
    """The ids of the schemes whose shown income limit is computed with a norm from before this half year."""
    found = []
    for scheme in schemes:
        limit = derived_income_limit(scheme, norms, today)
        if limit is not None and not limit.current:
            found.append(scheme.id)
    return sorted(found)
