"""Words on the check pages that depend on the answers: titles, form messages, the summary of answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from regelingen.check.answers import Answers
from regelingen.check.eligibility import KIJK, NIET_NU, PAST
from regelingen.check.questions import (
    RECEIVE_LABELS,
    STEPS,
    Field,
    Question,
    age_label,
    child_label,
    income_label,
    years_label,
)
from regelingen.check.reasons import BORDER, MET, N_, UNCHECKED, UNKNOWN, UNMET, Phrase, Reason, phrase
from regelingen.check.run import CheckResult
from views.formatting import long_date, money

ANSWER_NAMES = {
    "gemeente": _l("Gemeente"),
    "partner": _l("Partner"),
    "kinderen": _l("Kinderen thuis"),
    "leeftijd": _l("Leeftijd"),
    "ontvangt": _l("U krijgt"),
    "inkomen": _l("Inkomen per maand"),
    "jaren": _l("Laag inkomen"),
    "wonen": _l("Wonen"),
}
HOUSING = {
    "huur": _l("Ik huur mijn huis of kamer"),
    "koop": _l("Ik heb een koophuis"),
    "anders": _l("Anders, bijvoorbeeld bij familie"),
}
# The status of each reason in words, so it does not depend on an icon or a colour.
STATUS_WORDS = {
    MET: _l("Klopt"),
    UNMET: _l("Past niet"),
    UNKNOWN: _l("Weten we niet"),
    BORDER: _l("Rond de grens"),
    UNCHECKED: _l("Niet gecontroleerd"),
}

# The outcome of a scheme in words, on its card.
OUTCOME_WORDS = {PAST: _l("Past waarschijnlijk"), KIJK: _l("Kijk samen"), NIET_NU: _l("Past nu niet")}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(text: str) -> str:
    """The first sentence of `text`, for a short card."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def say(item: Phrase | Reason) -> str:
    """A phrase or reason in the page's language, with amounts and dates written the way that language does."""
    return item.render(_, money, long_date)


def title(question: Question) -> str:
    """The page title and heading for a question with two fields (one field uses its own legend)."""
    if question.step == "huishouden" and len(question.fields) > 1:
        return _("Wie wonen er bij u?")
    return str(_(question.fields[0].legend))


def missing(field: Field) -> Phrase:
    """The message when a field was left empty."""
    if field.key == "gemeente":
        return phrase(
            N_(
                "Kies uw gemeente, of vul uw postcode in. Weet u het niet? Kies dan ‘Een andere gemeente, of weet ik niet’."
            )
        )
    if field.multiple:
        return phrase(N_("Kies minstens één antwoord. Weet u het niet? Kies dan ‘Weet ik niet’."))
    return phrase(N_("Kies een antwoord. Weet u het niet? Kies dan ‘Weet ik niet’."))


def unreadable() -> Phrase:
    """The message when a field's value cannot be read (a changed or old link)."""
    return phrase(N_("Dit antwoord konden we niet lezen. Kies een antwoord uit de lijst."))


def summary(result: CheckResult, change_link: Callable[[Answers, str], str]) -> list[tuple[str, str, str]]:
    """Each answer given, as (what was asked, the answer in words, a link to change it)."""
    rows = []
    for step in result.steps_done:
        for key in STEPS[step]:
            if key in result.answers.answered:
                rows.append((str(ANSWER_NAMES[key]), _answer(result, key), change_link(result.answers, key)))
    return rows


def _answer(result: CheckResult, key: str) -> str:
    """One answer in words."""
    answers = result.answers
    value: Any = {
        "gemeente": answers.municipality,
        "partner": answers.partner,
        "kinderen": answers.children,
        "leeftijd": answers.age,
        "ontvangt": answers.receives,
        "inkomen": answers.income,
        "jaren": answers.low_income_years,
        "wonen": answers.housing,
    }[key]
    if key == "gemeente":
        return result.municipality.name if result.municipality else _("Een andere gemeente, of weet ik niet")
    if value is None:
        return _("Weet ik niet")
    if key == "partner":
        return _("Ja") if value else _("Nee")
    if key == "kinderen":
        return ", ".join(say(child_label(span)) for span in value) or _("Geen")
    if key == "ontvangt":
        return ", ".join(_(RECEIVE_LABELS[item]) for item in sorted(value)) or _("Geen van deze")
    if key == "wonen":
        return str(HOUSING[value])
    labels: dict[str, Callable[[Any], Phrase]] = {"leeftijd": age_label, "inkomen": income_label, "jaren": years_label}
    return say(labels[key](value))
