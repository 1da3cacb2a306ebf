"""Income conditions: which bijstandsnorm applies to a household, and whether an income band meets a limit.

Income bands are half-open ranges of whole euros per month, `lo` included and `hi` not, so a band
whose lower edge equals a limit touches it: someone in it may earn exactly the limit or a bit more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from itertools import product

from regelingen.check.answers import Answers, Span
from regelingen.check.normen import Norms
from regelingen.check.reasons import BORDER, MET, N_, UNKNOWN, UNMET, Money, Reason, reason
from regelingen.model import Limit, Scheme

ADULT_NORM_AGE = 21


@dataclass(frozen=True)
class Norm:
    """The norm for someone's household, or why it is not known (`needs`: answers that would settle it)."""

    amount: float | None
    current: bool = True
    since: date | None = None
    needs: frozenset[str] = frozenset()
    youth: bool = False


def household_norm(answers: Answers, norms: Norms | None, today: date) -> Norm:
    """The net monthly norm for the household in `answers`; unknown while an answer it depends on is."""
    if norms is None or norms.period_for(today) is None:
        return Norm(None)
    age = answers.age
    if age is not None and age.hi is not None and age.hi < ADULT_NORM_AGE:
        return Norm(None, youth=True)
    needs = set()
    if age is None or age.lo < ADULT_NORM_AGE:
        needs.add("leeftijd")
    partners = [answers.partner] if answers.partner is not None else [False, True]
    kids = [bool(answers.children)] if answers.children is not None else [False, True]
    pensions = [age.pension] if age is not None and age.pension is not None else [False, True]
    amounts = {norms.norm_for(_household(*choice), today) for choice in product(partners, kids, pensions)}
    if len(amounts) > 1 or needs:
        for key, options in (("partner", partners), ("kinderen", kids), ("leeftijd", pensions)):
            if len(options) > 1:
                needs.add(key)
        return Norm(None, needs=frozenset(needs))
    period = norms.period_for(today)
    return Norm(amounts.pop(), norms.is_current(today), period.start if period else None)


def _household(partner: bool, children: bool, pension: bool) -> str:
    """The household type of the norms file (the applicant's age stands in for a partner's)."""
    if partner:
        return "samenwonend_aow" if pension else "samenwonend"
    if pension:
        return "alleenstaand_aow"
    return "alleenstaande_ouder" if children else "alleenstaand"


def percent_check(percent: int, answers: Answers, norm: Norm) -> Reason:
    """Whether the income stays within `percent` % of the household's bijstandsnorm."""
    band = _band_status(answers, None if norm.amount is None else percent_limit(percent, norm.amount))
    if _on_bijstand(answers) and percent >= 100 and band != UNMET:
        return reason(
            MET,
            N_("U krijgt bijstand. Dan is uw inkomen niet hoger dan de grens: %(percent)s%% van de bijstandsnorm."),
            percent=percent,
        )
    if norm.youth:
        return reason(
            UNKNOWN, N_("Voor mensen jonger dan 21 jaar gelden andere bijstandsnormen. Die kent deze check niet.")
        )
    if answers.income is None or norm.amount is None:
        needs = _income_needs(answers) | norm.needs
        return reason(
            UNKNOWN,
            N_("De grens is %(percent)s%% van de bijstandsnorm. Uw inkomen konden we daar niet mee vergelijken."),
            needs,
            percent=percent,
        )
    limit = percent_limit(percent, norm.amount)
    status = band_status(answers.income, limit)
    if status == UNMET and not norm.current:
        return reason(
            BORDER,
            N_(
                "Uw inkomen is hoger dan %(limit)s per maand. Maar die grens is berekend met de bijstandsnorm van %(since)s. De norm van nu is misschien hoger."
            ),
            limit=Money(limit),
            since=norm.since,
        )
    # Every amount derived from a norm says which norm it rests on (issue 15: honest thresholds).
    text = {
        MET: N_(
            "Uw inkomen is lager dan de grens van %(limit)s per maand (%(percent)s%% van de bijstandsnorm van %(since)s)."
        ),
        BORDER: N_(
            "Uw inkomen ligt rond de grens van %(limit)s per maand (%(percent)s%% van de bijstandsnorm van %(since)s)."
        ),
        UNMET: N_(
            "Uw inkomen is hoger dan de grens van %(limit)s per maand (%(percent)s%% van de bijstandsnorm van %(since)s)."
        ),
    }[status]
    return reason(status, text, limit=Money(limit), percent=percent, since=norm.since)


def amount_check(limit: Limit, answers: Answers, norm: Norm, today: date) -> Reason:
    """Whether the income stays within a limit given as an amount (per month or per year)."""
    monthly = amount_limit(limit, answers.partner)
    if monthly is None:
        needs = {"partner"} if answers.partner is None else set()
        return reason(UNKNOWN, N_("Er is een inkomensgrens. Die hangt af van of u een partner heeft."), needs)
    if (
        _on_bijstand(answers)
        and norm.amount is not None
        and norm.amount <= monthly
        and _band_status(answers, monthly) != UNMET
    ):
        return reason(
            MET,
            N_("U krijgt bijstand. Dan is uw inkomen lager dan de grens van %(limit)s per maand."),
            limit=Money(monthly),
        )
    if answers.income is None:
        return reason(
            UNKNOWN,
            N_("De grens is %(limit)s per maand. Uw inkomen weten we niet."),
            _income_needs(answers),
            limit=Money(monthly),
        )
    status = band_status(answers.income, monthly)
    if status == UNMET and limit.year < today.year:
        return reason(
            BORDER,
            N_(
                "Uw inkomen is hoger dan %(limit)s per maand. Maar dat is de grens uit %(year)s. De grens van nu is misschien hoger."
            ),
            limit=Money(monthly),
            year=limit.year,
        )
    text = {
        MET: N_("Uw inkomen is lager dan de grens van %(limit)s per maand."),
        BORDER: N_("Uw inkomen ligt rond de grens van %(limit)s per maand."),
        UNMET: N_("Uw inkomen is hoger dan de grens van %(limit)s per maand."),
    }[status]
    return reason(status, text, limit=Money(monthly))


def _on_bijstand(answers: Answers) -> bool:
    """True when someone said they receive bijstand: their income is then at most the norm."""
    return answers.receives is not None and "bijstand" in answers.receives


def _band_status(answers: Answers, limit: float | None) -> str | None:
    """The income band against `limit`, when both are known; a band above a limit wins over bijstand."""
    return None if answers.income is None or limit is None else band_status(answers.income, limit)


def _income_needs(answers: Answers) -> set[str]:
    """The answers that would tell the income: the band, or that someone receives bijstand."""
    needs = {"inkomen"} if answers.income is None else set()
    return needs | ({"bijstand"} if answers.receives is None else set())


def band_status(band: Span, limit: float) -> str:
    """MET when the whole band is at or below `limit`, UNMET when above it, else BORDER (it touches or straddles)."""
    if band.hi is not None and band.hi <= limit:
        return MET
    if band.lo > limit:
        return UNMET
    return BORDER


def percent_limit(percent: int, norm: float) -> float:
    """`percent` % of `norm`, in cents."""
    return round(norm * percent / 100, 2)


def amount_limit(limit: Limit, partner: bool | None) -> float | None:
    """The limit per month for a single person or a couple; None when that depends on an unknown answer."""
    per_month = (lambda value: value / 12) if limit.per == "jaar" else (lambda value: value)
    single = per_month(limit.single)
    couple = None if limit.couple is None else per_month(limit.couple)
    if partner is None:
        return round(single, 2) if couple == single else None
    chosen = couple if partner else single
    return None if chosen is None else round(chosen, 2)


def band_edges(schemes: list[Scheme], answers: Answers, norms: Norms | None, today: date) -> list[int]:
    """The income limits (whole euros per month) of `schemes` for this household: the edges of the bands."""
    norm = household_norm(answers, norms, today)
    edges = set()
    for scheme in schemes:
        conditions = scheme.conditions
        if conditions.income_limit_percent is not None and norm.amount is not None:
            edges.add(math.floor(percent_limit(conditions.income_limit_percent, norm.amount)))
        if conditions.income_limit_amount is not None:
            monthly = amount_limit(conditions.income_limit_amount, answers.partner)
            if monthly is not None:
                edges.add(math.floor(monthly))
    return sorted(edge for edge in edges if edge > 0)
