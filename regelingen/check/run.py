"""Run the check for one set of answers: the schemes in scope, their outcomes, and the next question to ask."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from regelingen.catalog import Catalog
from regelingen.check.answers import Answers
from regelingen.check.eligibility import KIJK, NIET_NU, PAST, Assessment, assess
from regelingen.check.normen import Norms
from regelingen.check.questions import STEPS, Question, may_ask, question_for
from regelingen.check.reasons import MET, N_, Phrase, phrase
from regelingen.model import NATIONAL, Municipality, Scheme, Status

# The result shows the best few as cards; the rest of what may fit sits behind one link.
TOP = 5
# A plan from the check holds this many of the best, plus the best national scheme when none of them is national.
PLAN_TOP = 3


@dataclass(frozen=True)
class CheckResult:
    """Everything a page needs: the answers as understood, the outcomes, and what to ask next (None: done)."""

    answers: Answers
    municipality: Municipality | None
    assessments: tuple[Assessment, ...]
    question: Question | None
    steps_done: tuple[str, ...]
    steps_left: int

    def group(self, outcome: str) -> list[Assessment]:
        """The assessments with `outcome`, local schemes first."""
        return [item for item in self.assessments if item.outcome == outcome]

    @property
    def ranked(self) -> list[Assessment]:
        """What probably fits and what to look at together, best fit first (see `fit_order`)."""
        return sorted((item for item in self.assessments if item.outcome in (PAST, KIJK)), key=fit_order)

    @property
    def top(self) -> list[Assessment]:
        """The best few: the cards at the top of the result."""
        return self.ranked[:TOP]

    @property
    def more(self) -> list[Assessment]:
        """The rest of what may fit, behind "Meer regelingen die misschien passen"."""
        return self.ranked[TOP:]

    @property
    def plan_ids(self) -> list[str]:
        """The best few for a plan; the best national scheme is added when none of them is national."""
        ranked = self.ranked
        chosen = ranked[:PLAN_TOP]
        national = next((item for item in ranked if item.scheme.is_national), None)
        if national is not None and not any(item.scheme.is_national for item in chosen):
            chosen.append(national)
        return [item.scheme.id for item in chosen]


def fit_order(item: Assessment) -> tuple[bool, int, bool, bool, str]:
    """Sort key, best first: "past" before "kijk samen", then more of the person's answers confirmed
    (living in the municipality does not count, every local scheme has it), then a known amount, then local ones."""
    confirmed = sum(reason.status == MET for reason in item.reasons) - int(item.scheme.conditions.lives_in_municipality)
    return (
        item.outcome != PAST,
        -confirmed,
        not item.scheme.amounts,
        item.scheme.is_national,
        item.scheme.title.casefold(),
    )


def run_check(catalog: Catalog, answers: Answers, norms: Norms | None, today: date) -> CheckResult:
    """Assess every scheme in scope for `answers` and find the first question still worth asking."""
    answers, _ = resolve_municipality(answers, catalog)
    municipality = catalog.municipalities.get(answers.municipality or "")
    if municipality is not None and municipality.slug == NATIONAL:
        municipality = None
    assessments = tuple(
        assess(scheme, answers, norms, today) for scheme in schemes_in_scope(catalog, municipality, today)
    )
    open_schemes = [item.scheme for item in assessments if item.outcome != NIET_NU]
    needs = frozenset().union(*(item.needs for item in assessments))
    question = next(
        (
            found
            for step in STEPS
            if (
                found := question_for(step, answers, open_schemes, needs, catalog.municipalities.values(), norms, today)
            )
        ),
        None,
    )
    done = tuple(step for step, keys in STEPS.items() if set(keys) & answers.answered)
    # An upper bound: before the municipality is known every question may come; later, only the ones still awaited.
    later = list(STEPS)[list(STEPS).index(question.step) + 1 :] if question else []
    left = (
        len(later) if question and question.step == "gemeente" else sum(may_ask(step, answers, needs) for step in later)
    )
    return CheckResult(answers, municipality, assessments, question, done, left)


def schemes_in_scope(catalog: Catalog, municipality: Municipality | None, today: date) -> list[Scheme]:
    """The municipality's schemes and the national ones that can be applied for now; local ones first."""
    candidates = catalog.schemes_for(municipality.slug if municipality else NATIONAL)
    schemes = [
        scheme
        for scheme in candidates
        if scheme.status != Status.ENDED
        and (scheme.valid_until is None or scheme.valid_until >= today)
        and (scheme.valid_from is None or scheme.valid_from <= today)
    ]
    return sorted(schemes, key=lambda scheme: (scheme.is_national, scheme.title.casefold()))


def resolve_municipality(answers: Answers, catalog: Catalog) -> tuple[Answers, Phrase | None]:
    """Turn a postcode into its municipality and drop the postcode; the message says what went wrong, if anything."""
    if "gemeente" in answers.answered:
        slug = answers.municipality
        if slug is None or (slug in catalog.municipalities and slug != NATIONAL):
            return answers, None
        unknown = replace(answers, municipality=None, invalid=answers.invalid | {"gemeente"})
        return unknown, phrase(N_("Deze gemeente kennen we niet. Kies een gemeente uit de lijst."))
    if "postcode" in answers.invalid:
        return answers, phrase(N_("Een postcode begint met 4 cijfers, zoals 5341."))
    if answers.postcode is None:
        return answers, None
    found = catalog.municipality_for_postcode(answers.postcode)
    if found is None:
        message = N_(
            "Postcode %(postcode)s ligt niet in een gemeente die wij kennen. Kies ‘Een andere gemeente’ of ‘Weet ik niet’."
        )
        return answers, phrase(message, postcode=answers.postcode)
    return replace(answers, municipality=found.slug, postcode=None, answered=answers.answered | {"gemeente"}), None
