"""The questions of the check, in order, with answers derived from the schemes that are still open.

A question is asked only when some scheme's outcome still depends on it; its answers (age groups,
children's ages, income bands) have their edges exactly where those schemes' limits lie.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from regelingen.check.answers import (
    NO_CHILDREN,
    NOTHING_RECEIVED,
    PENSION,
    PENSION_AGE_FLOOR,
    RECEIVES,
    UNKNOWN,
    Age,
    Answers,
    Span,
)
from regelingen.check.income import ADULT_NORM_AGE, band_edges
from regelingen.check.normen import Norms
from regelingen.check.reasons import N_, Money, Phrase, phrase
from regelingen.model import Municipality, Scheme

STEPS = {
    "gemeente": ("gemeente",),
    "huishouden": ("partner", "kinderen"),
    "leeftijd": ("leeftijd",),
    "ontvangt": ("ontvangt",),
    "inkomen": ("inkomen",),
    "jaren": ("jaren",),
    "wonen": ("wonen",),
}
MAX_CHILD_AGE = 27
DONT_KNOW = phrase(N_("Weet ik niet"))


@dataclass(frozen=True)
class Option:
    """One answer: its value in the URL and its label."""

    value: str
    label: Phrase


@dataclass(frozen=True)
class Field:
    """One part of a question: what is asked, why, and the answers to choose from."""

    key: str
    legend: str
    why: str
    options: tuple[Option, ...]
    multiple: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class Question:
    """One screen of the check: a step with one or two fields."""

    step: str
    fields: tuple[Field, ...]


def question_for(
    step: str,
    answers: Answers,
    open_schemes: list[Scheme],
    needs: frozenset[str],
    municipalities: Iterable[Municipality],
    norms: Norms | None,
    today: date,
) -> Question | None:
    """The question for `step` with only the fields still needed and unanswered; None when it can be skipped."""
    if step == "gemeente":
        return None if "gemeente" in answers.answered else Question(step, (_municipality_field(municipalities),))
    builders = {
        "partner": _partner_field,
        "kinderen": lambda: _children_field(open_schemes),
        "leeftijd": lambda: _age_field(open_schemes),
        "ontvangt": lambda: _receives_field(needs),
        "inkomen": lambda: _income_field(open_schemes, answers, norms, today),
        "jaren": lambda: _years_field(open_schemes),
        "wonen": _housing_field,
    }
    built = [builders[key]() for key in STEPS[step] if key not in answers.answered and is_needed(key, needs)]
    fields = [item for item in built if item is not None and item.options]
    return Question(step, tuple(fields)) if fields else None


def may_ask(step: str, answers: Answers, needs: frozenset[str]) -> bool:
    """True when `step` may still be asked: one of its answers is missing and some scheme's outcome waits for it."""
    return any(key not in answers.answered and (key == "gemeente" or is_needed(key, needs)) for key in STEPS[step])


def is_needed(key: str, needs: frozenset[str]) -> bool:
    """True when some open scheme waits for answer `key` (for `ontvangt`: for one of its options)."""
    return bool(needs & set(RECEIVES)) if key == "ontvangt" else key in needs


def _with_unknown(options: list[Option]) -> tuple[Option, ...]:
    return tuple(options) + (Option(UNKNOWN, DONT_KNOW),)


def _municipality_field(municipalities: Iterable[Municipality]) -> Field:
    local = sorted((item for item in municipalities if item.slug != "landelijk"), key=lambda item: item.name)
    options = [Option(item.slug, phrase("%(name)s", name=item.name)) for item in local]
    options.append(Option("", phrase(N_("Een andere gemeente, of weet ik niet"))))
    return Field(
        "gemeente",
        N_("In welke gemeente woont u?"),
        N_("Elke gemeente heeft eigen regelingen. Landelijke regelingen ziet u altijd."),
        tuple(options),
        hint=N_("Kies uw gemeente, of vul hieronder uw postcode in."),
    )


def _partner_field() -> Field:
    options = [
        Option("nee", phrase(N_("Nee, ik woon zonder partner"))),
        Option("ja", phrase(N_("Ja, ik woon samen met mijn partner"))),
    ]
    return Field(
        "partner",
        N_("Woont u samen met een partner?"),
        N_("Voor een stel geldt een andere inkomensgrens dan voor iemand alleen."),
        _with_unknown(options),
    )


def _groups(edges: set[int], top: int) -> list[tuple[int, int | None]]:
    """Whole-year groups split at `edges`: [(0, e1 - 1), (e1, e2 - 1), ..., (ek, None)]."""
    starts = [0] + sorted(edge for edge in edges if 0 < edge <= top)
    return [(start, (starts[index + 1] - 1) if index + 1 < len(starts) else None) for index, start in enumerate(starts)]


def _children_field(open_schemes: list[Scheme]) -> Field:
    edges: set[int] = set()
    for scheme in open_schemes:
        conditions = scheme.conditions
        edges |= {conditions.child_age_min or 0} | (
            {conditions.child_age_max + 1} if conditions.child_age_max is not None else set()
        )
    groups = _groups(edges, MAX_CHILD_AGE)
    options = [Option(NO_CHILDREN, phrase(N_("Nee, er wonen geen kinderen bij mij")))]
    if len(groups) == 1:
        options.append(Option(Span(0).token, child_label(Span(0), prefix=True)))
    for lo, hi in groups if len(groups) > 1 else []:
        options.append(Option(Span(lo, hi).token, child_label(Span(lo, hi), prefix=True)))
    return Field(
        "kinderen",
        N_("Wonen er kinderen bij u? Kies alle leeftijden die kloppen."),
        N_("Sommige regelingen zijn voor gezinnen met kinderen van een bepaalde leeftijd."),
        _with_unknown(options),
        multiple=True,
    )


def _age_field(open_schemes: list[Scheme]) -> Field:
    edges: set[int] = set()
    for scheme in open_schemes:
        conditions = scheme.conditions
        edges |= {conditions.age_min} if conditions.age_min is not None else set()
        edges |= {conditions.age_max + 1} if conditions.age_max is not None else set()
        if conditions.income_limit_percent is not None:
            edges.add(ADULT_NORM_AGE)
    groups = _groups(edges, PENSION_AGE_FLOOR - 1)
    ages = [Age(lo, hi, False) for lo, hi in groups] + [PENSION]
    options = [Option(age.token, age_label(age)) for age in ages]
    return Field(
        "leeftijd",
        N_("Hoe oud bent u?"),
        N_("Sommige regelingen hebben een leeftijdsgrens, of stoppen bij de AOW-leeftijd."),
        _with_unknown(options),
    )


RECEIVE_LABELS = {
    "bijstand": N_("Bijstand (een uitkering van de gemeente)"),
    "huurtoeslag": N_("Huurtoeslag"),
    "studiefinanciering": N_("Studiefinanciering, of een tegemoetkoming van DUO voor school"),
}


def _receives_field(needs: frozenset[str]) -> Field | None:
    shown = [key for key in RECEIVES if key in needs]
    if not shown:
        return None
    options = [Option(key, phrase(RECEIVE_LABELS[key])) for key in shown]
    options.append(Option(NOTHING_RECEIVED, phrase(N_("Geen van deze"))))
    return Field(
        "ontvangt",
        N_("Krijgt u nu een van deze? Kies alles wat klopt."),
        N_("Dan hoeven we minder te vragen. Wie bijstand krijgt, hoeft zijn inkomen bijvoorbeeld niet uit te rekenen."),
        _with_unknown(options),
        multiple=True,
    )


def _spans_from_zero(edges: list[int]) -> list[Span]:
    """The ranges 0 to the first edge, edge to edge, and from the last edge up (open-ended)."""
    bounds = [0, *edges]
    return [Span(lo, hi) for lo, hi in zip(bounds, [*edges, None])]


def _income_field(open_schemes: list[Scheme], answers: Answers, norms: Norms | None, today: date) -> Field | None:
    edges = band_edges(open_schemes, answers, norms, today)
    if not edges:
        return None
    options = [Option(band.token, income_label(band)) for band in _spans_from_zero(edges)]
    return Field(
        "inkomen",
        N_("Hoeveel geld komt er elke maand binnen?"),
        N_("Veel regelingen hebben een inkomensgrens. Die hangt af van uw huishouden en leeftijd."),
        _with_unknown(options),
        hint=N_(
            "Netto per maand, zonder vakantiegeld. Heeft u een partner? Tel uw inkomens bij elkaar op. Tel loon, uitkering en pensioen mee, maar geen toeslagen of kinderbijslag."
        ),
    )


def _years_field(open_schemes: list[Scheme]) -> Field | None:
    thresholds = sorted(
        {scheme.conditions.min_years_low_income for scheme in open_schemes if scheme.conditions.min_years_low_income}
    )
    if not thresholds:
        return None
    options = [Option(span.token, years_label(span)) for span in _spans_from_zero(thresholds)]
    return Field(
        "jaren",
        N_("Hoe lang heeft u al een laag inkomen?"),
        N_("Sommige regelingen zijn voor mensen die al een paar jaar weinig geld hebben."),
        _with_unknown(options),
    )


def _housing_field() -> Field:
    options = [
        Option("huur", phrase(N_("Ik huur mijn huis of kamer"))),
        Option("koop", phrase(N_("Ik heb een koophuis"))),
        Option("anders", phrase(N_("Anders, bijvoorbeeld bij familie"))),
    ]
    return Field(
        "wonen",
        N_("Huurt u uw huis, of is het van u?"),
        N_("Huurtoeslag is alleen voor mensen die huren."),
        _with_unknown(options),
    )


def age_label(age: Age) -> Phrase:
    """How an age group reads: "18 tot en met 20 jaar", "21 jaar of ouder, maar nog geen AOW-leeftijd"."""
    if age.pension:
        return phrase(N_("Ik heb de AOW-leeftijd of ben ouder"))
    if age.hi is None and age.pension is False:
        return (
            phrase(N_("Jonger dan de AOW-leeftijd"))
            if age.lo == 0
            else phrase(N_("%(low)s jaar of ouder, maar nog geen AOW-leeftijd"), low=age.lo)
        )
    if age.hi is None:
        return phrase(N_("%(low)s jaar of ouder"), low=age.lo)
    return (
        phrase(N_("Jonger dan %(next)s jaar"), next=age.hi + 1)
        if age.lo == 0
        else phrase(N_("%(low)s tot en met %(high)s jaar"), low=age.lo, high=age.hi)
    )


def child_label(span: Span, prefix: bool = False) -> Phrase:
    """How a children's age group reads, as an answer ("Ja, 4 tot en met 17 jaar") or in a summary."""
    if span.lo == 0 and span.hi is None:
        return phrase(N_("Ja, er wonen kinderen bij mij") if prefix else N_("Kinderen"))
    if span.lo == 0 and span.hi is not None:
        return phrase(
            N_("Ja, jonger dan %(next)s jaar") if prefix else N_("jonger dan %(next)s jaar"), next=span.hi + 1
        )
    if span.hi is None:
        return phrase(N_("Ja, %(low)s jaar of ouder") if prefix else N_("%(low)s jaar of ouder"), low=span.lo)
    return phrase(
        N_("Ja, %(low)s tot en met %(high)s jaar") if prefix else N_("%(low)s tot en met %(high)s jaar"),
        low=span.lo,
        high=span.hi,
    )


def income_label(band: Span) -> Phrase:
    """How an income band reads: "Minder dan € 1.430", "€ 1.430 tot € 1.690", "€ 1.690 of meer"."""
    if band.lo == 0 and band.hi is not None:
        return phrase(N_("Minder dan %(high)s"), high=Money(band.hi))
    if band.hi is None:
        return phrase(N_("%(low)s of meer"), low=Money(band.lo))
    return phrase(N_("%(low)s tot %(high)s"), low=Money(band.lo), high=Money(band.hi))


def years_label(span: Span) -> Phrase:
    """How a number of years reads: "Korter dan 3 jaar", "3 jaar of langer"."""
    if span.lo == 0 and span.hi is not None:
        return phrase(N_("Korter dan %(high)s jaar"), high=span.hi)
    if span.hi is None:
        return phrase(N_("%(low)s jaar of langer"), low=span.lo)
    return phrase(N_("%(low)s tot %(high)s jaar"), low=span.lo, high=span.hi)
