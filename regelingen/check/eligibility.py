"""The one-minute check: per scheme "past waarschijnlijk", "kijk samen" or "niet nu", from the structured conditions only.

"Niet nu" needs a condition that a given answer does not meet; "weet ik niet" can only lead to "kijk samen".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from regelingen.check.answers import Age, Answers, Span
from regelingen.check.income import amount_check, household_norm, percent_check
from regelingen.check.normen import Norms
from regelingen.check.reasons import BORDER, MET, N_, UNCHECKED, UNKNOWN, UNMET, Reason, reason
from regelingen.check.unchecked import unchecked_conditions, wealth_reason
from regelingen.model import Conditions, Contact, Scheme, Status

PAST = "past"
KIJK = "kijk"
NIET_NU = "niet_nu"
NOTHING_CHECKED = N_("Deze check kan de voorwaarden van deze regeling niet controleren. Kijk samen of ze bij u passen.")


@dataclass(frozen=True)
class Assessment:
    """The outcome for one scheme, why, what the check could not look at, and who to ask."""

    scheme: Scheme
    outcome: str
    reasons: tuple[Reason, ...]
    unchecked: tuple[str, ...]
    ask: Contact

    @property
    def needs(self) -> frozenset[str]:
        """The answers that could still change this outcome (none once it is "niet nu")."""
        if self.outcome == NIET_NU:
            return frozenset()
        return frozenset().union(*(item.needs for item in self.reasons if item.status == UNKNOWN))


def assess(scheme: Scheme, answers: Answers, norms: Norms | None, today: date) -> Assessment:
    """Assess one scheme against the answers, using the norms in force on `today`."""
    conditions = scheme.conditions
    reasons = _age_checks(conditions, answers.age)
    norm = household_norm(answers, norms, today)
    if conditions.income_limit_percent is not None:
        reasons.append(percent_check(conditions.income_limit_percent, answers, norm))
    if conditions.income_limit_amount is not None:
        reasons.append(amount_check(conditions.income_limit_amount, answers, norm, today))
    if conditions.min_years_low_income:
        reasons.append(_years_check(conditions.min_years_low_income, answers.low_income_years))
    if conditions.children_required or conditions.child_age_min is not None or conditions.child_age_max is not None:
        reasons.append(_children_check(conditions, answers.children))
    if conditions.housing:
        reasons.append(_housing_check(conditions.housing, answers))
    if conditions.students_excluded or conditions.students_only:
        reasons.append(_student_check(answers.receives, conditions.students_only))
    if conditions.without_partner_only:
        reasons.append(_without_partner_check(answers.partner))
    if conditions.social_assistance_only:
        reasons.append(_social_assistance_check(answers.receives))
    if scheme.status != Status.ACTIVE:
        reasons.append(reason(BORDER, N_("De regeling is nu tijdelijk gesloten. Vraag wanneer u weer kunt aanvragen.")))
    if not reasons:
        reasons.append(reason(UNKNOWN, NOTHING_CHECKED))
    if conditions.lives_in_municipality:
        reasons.insert(0, _residence_check(scheme, answers.municipality))
    wealth = wealth_reason(scheme)
    return Assessment(
        scheme=scheme,
        outcome=outcome_of(reasons),
        reasons=tuple(reasons + ([wealth] if wealth else [])),
        unchecked=unchecked_conditions(scheme),
        ask=scheme.contact,
    )


def outcome_of(reasons: list[Reason]) -> str:
    """ "niet nu" when a known answer fails a condition, "kijk samen" when one is unknown or close, else "past"."""
    statuses = {item.status for item in reasons} - {UNCHECKED}
    if UNMET in statuses:
        return NIET_NU
    return KIJK if statuses & {UNKNOWN, BORDER} else PAST


def _residence_check(scheme: Scheme, municipality: str | None) -> Reason:
    if municipality == scheme.municipality:
        return reason(MET, N_("U woont in deze gemeente."))
    if municipality is None:
        return reason(
            UNKNOWN, N_("De regeling is voor inwoners van de gemeente. Waar u woont, weten we niet."), {"gemeente"}
        )
    return reason(UNMET, N_("De regeling is alleen voor inwoners van de gemeente."))


def _age_checks(conditions: Conditions, age: Age | None) -> list[Reason]:
    reasons = []
    if conditions.age_min is not None:
        minimum = conditions.age_min
        if age is not None and age.lo >= minimum:
            reasons.append(reason(MET, N_("U bent %(age)s jaar of ouder."), age=minimum))
        elif age is not None and age.hi is not None and age.hi < minimum:
            reasons.append(reason(UNMET, N_("De regeling is vanaf %(age)s jaar."), age=minimum))
        else:
            reasons.append(
                reason(
                    UNKNOWN,
                    N_("De regeling is vanaf %(age)s jaar. Uw leeftijd weten we niet precies."),
                    {"leeftijd"},
                    age=minimum,
                )
            )
    if conditions.age_max is not None:
        maximum = conditions.age_max
        if age is not None and age.hi is not None and age.hi <= maximum:
            reasons.append(reason(MET, N_("U bent %(age)s jaar of jonger."), age=maximum))
        elif age is not None and age.lo > maximum:
            reasons.append(reason(UNMET, N_("De regeling is tot en met %(age)s jaar."), age=maximum))
        else:
            reasons.append(
                reason(
                    UNKNOWN,
                    N_("De regeling is tot en met %(age)s jaar. Uw leeftijd weten we niet precies."),
                    {"leeftijd"},
                    age=maximum,
                )
            )
    pension = None if age is None else age.pension
    if conditions.until_pension_age:
        reasons.append(
            {
                False: reason(MET, N_("U heeft de AOW-leeftijd nog niet.")),
                True: reason(UNMET, N_("De regeling stopt als u de AOW-leeftijd heeft.")),
                None: reason(
                    UNKNOWN, N_("De regeling is tot de AOW-leeftijd. Uw leeftijd weten we niet precies."), {"leeftijd"}
                ),
            }[pension]
        )
    if conditions.from_pension_age:
        reasons.append(
            {
                True: reason(MET, N_("U heeft de AOW-leeftijd.")),
                False: reason(UNMET, N_("De regeling is voor mensen met de AOW-leeftijd.")),
                None: reason(
                    UNKNOWN,
                    N_("De regeling is voor mensen met de AOW-leeftijd. Uw leeftijd weten we niet precies."),
                    {"leeftijd"},
                ),
            }[pension]
        )
    return reasons


def _years_check(years: int, span: Span | None) -> Reason:
    if span is not None and span.lo >= years:
        return reason(MET, N_("U heeft al %(years)s jaar of langer een laag inkomen."), years=years)
    if span is not None and span.hi is not None and span.hi <= years:
        return reason(
            UNMET, N_("U heeft nog geen %(years)s jaar een laag inkomen. Daarna kan het misschien wel."), years=years
        )
    needs = {"jaren"} if span is None else set()
    return reason(
        UNKNOWN, N_("U moet al %(years)s jaar een laag inkomen hebben. Dat weten we niet van u."), needs, years=years
    )


_CHILD_TEXTS = {
    "any": (
        N_("Er wonen kinderen bij u."),
        N_("De regeling is voor ouders met kinderen die bij hen wonen."),
        N_("De regeling is voor ouders met kinderen. Dat weten we niet van u."),
    ),
    "range": (
        N_("Er woont een kind van %(low)s tot en met %(high)s jaar bij u."),
        N_("De regeling is voor ouders met een kind van %(low)s tot en met %(high)s jaar."),
        N_("De regeling is voor ouders met een kind van %(low)s tot en met %(high)s jaar. Dat weten we niet van u."),
    ),
    "from": (
        N_("Er woont een kind van %(low)s jaar of ouder bij u."),
        N_("De regeling is voor ouders met een kind van %(low)s jaar of ouder."),
        N_("De regeling is voor ouders met een kind van %(low)s jaar of ouder. Dat weten we niet van u."),
    ),
}


def _children_check(conditions: Conditions, children: tuple[Span, ...] | None) -> Reason:
    low, high = conditions.child_age_min or 0, conditions.child_age_max
    variant = "any" if low == 0 and high is None else ("from" if high is None else "range")
    met, unmet, unknown = _CHILD_TEXTS[variant]
    if children is None:
        return reason(UNKNOWN, unknown, {"kinderen"}, low=low, high=high)
    inside = [
        span for span in children if span.lo >= low and (high is None or (span.hi is not None and span.hi <= high))
    ]
    outside = [
        span for span in children if (span.hi is not None and span.hi < low) or (high is not None and span.lo > high)
    ]
    if inside:
        return reason(MET, met, low=low, high=high)
    if len(outside) == len(children):
        return reason(UNMET, unmet, low=low, high=high)
    return reason(UNKNOWN, unknown, low=low, high=high)


def _housing_check(required: str, answers: Answers) -> Reason:
    receives = answers.receives or frozenset()
    # A direct answer wins over what huurtoeslag implies, so forgetting an answer can never lead to "niet nu".
    housing = (
        answers.housing
        if answers.housing in ("huur", "koop")
        else ("huur" if "huurtoeslag" in receives else answers.housing)
    )
    renting = required == "huur"
    if housing == required:
        return reason(MET, N_("U huurt uw woning.") if renting else N_("U heeft een koophuis."))
    if housing in ("huur", "koop"):
        return reason(
            UNMET,
            N_("De regeling is voor mensen die hun woning huren.")
            if renting
            else N_("De regeling is voor mensen met een koophuis."),
        )
    needs = {"wonen"} if answers.housing is None else set()
    needs |= {"huurtoeslag"} if answers.receives is None else set()
    text = (
        N_("De regeling is voor mensen die hun woning huren. Dat weten we niet van u.")
        if renting
        else N_("De regeling is voor mensen met een koophuis. Dat weten we niet van u.")
    )
    return reason(UNKNOWN, text, needs)


# Per kind of student condition (only for students: True): the text when we do not know, when someone gets
# studiefinanciering, and when not.
_STUDENT_TEXTS = {
    False: (
        N_("De regeling is niet voor studenten. Dat weten we niet van u."),
        N_("De regeling is niet voor studenten met studiefinanciering."),
        N_("U krijgt geen studiefinanciering."),
    ),
    True: (
        N_("De regeling is voor wie studiefinanciering of een tegemoetkoming van DUO krijgt. Dat weten we niet van u."),
        N_("U krijgt studiefinanciering of een tegemoetkoming van DUO."),
        N_("De regeling is alleen voor wie studiefinanciering of een tegemoetkoming van DUO krijgt."),
    ),
}


def _student_check(receives: frozenset[str] | None, only_students: bool) -> Reason:
    unknown, getting, not_getting = _STUDENT_TEXTS[only_students]
    if receives is None:
        return reason(UNKNOWN, unknown, {"studiefinanciering"})
    gets = "studiefinanciering" in receives
    return reason(MET if gets == only_students else UNMET, getting if gets else not_getting)


def _without_partner_check(partner: bool | None) -> Reason:
    if partner is None:
        return reason(UNKNOWN, N_("De regeling is voor mensen zonder partner. Dat weten we niet van u."), {"partner"})
    if partner:
        return reason(UNMET, N_("De regeling is alleen voor mensen zonder partner, zoals een alleenstaande ouder."))
    return reason(MET, N_("U heeft geen partner."))


def _social_assistance_check(receives: frozenset[str] | None) -> Reason:
    if receives is None:
        return reason(
            UNKNOWN, N_("De regeling is voor mensen met een bijstandsuitkering. Dat weten we niet van u."), {"bijstand"}
        )
    if "bijstand" in receives:
        return reason(MET, N_("U krijgt een bijstandsuitkering."))
    return reason(UNMET, N_("De regeling is alleen voor mensen met een bijstandsuitkering."))
