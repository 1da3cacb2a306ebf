"""Which of a scheme's own condition sentences the check could not look at.

A sentence counts as checked only when every part of it is one of a few plain phrasings of a
structured condition the check evaluates (say "U bent 18 jaar of ouder." next to `leeftijd_min: 18`).
Anything else is listed, so a condition is never hidden: better listed twice than not at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from regelingen.check.reasons import N_, UNCHECKED, Money, Reason, reason
from regelingen.model import Conditions, Scheme

_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_CLAUSES = re.compile(r",? (?:en|maar) (?=u )")
_WEALTH = re.compile(r"spaargeld|vermogen|bezit", re.IGNORECASE)

Pattern = Callable[[Conditions, str], str | None]


def _residence(conditions: Conditions, place: str) -> str | None:
    if not conditions.lives_in_municipality:
        return None
    who = r"(u|uw kind|u en uw kinderen) (woont|wonen|staat ingeschreven|staan ingeschreven)"
    return rf"{who} in (de gemeente )?{place}( en (u )?staat daar ingeschreven)?"


def _age(conditions: Conditions, _: str) -> str | None:
    return None if conditions.age_min is None else rf"u bent {conditions.age_min} jaar of ouder"


def _pension(conditions: Conditions, _: str) -> str | None:
    if conditions.until_pension_age:
        return r"u heeft (nog geen aow-leeftijd|de aow-leeftijd nog niet)"
    return r"u heeft de aow-leeftijd" if conditions.from_pension_age else None


def _income(conditions: Conditions, _: str) -> str | None:
    percent = conditions.income_limit_percent
    if percent is None:
        return None
    whose = r"(uw|het) (netto )?inkomen( \(samen met uw partner\)| van (het|uw) (gezin|hele huishouden)( samen)?)?"
    norm = r"(de bijstandsnorm|het sociaal minimum)( die voor u geldt)?( \(zonder vakantiegeld\))?"
    hundred = r"|de bijstandsnorm \(100%\)" if percent == 100 else ""
    return rf"{whose} is niet hoger dan ({percent}% van {norm}{hundred})"


def _children(conditions: Conditions, _: str) -> str | None:
    low, high = conditions.child_age_min or 0, conditions.child_age_max
    if not conditions.children_required:
        return None
    if high is None:
        return r"u heeft kinderen" if low == 0 else None
    phrasings = [
        rf"u heeft een kind van {low} tot {high + 1} jaar",
        rf"uw kind is (tussen )?{low} (en|tot en met) {high} jaar",
    ]
    if low == 0:
        phrasings += [
            rf"uw kind is ({high} jaar of jonger|jonger dan {high + 1} jaar)",
            rf"u heeft (een|een of meer) kind(eren)? jonger dan {high + 1} jaar",
        ]
    return "|".join(phrasings)


def _student(conditions: Conditions, _: str) -> str | None:
    return r"u bent geen student" if conditions.students_excluded else None


PATTERNS: tuple[Pattern, ...] = (_residence, _age, _pension, _income, _children, _student)


def unchecked_conditions(scheme: Scheme) -> tuple[str, ...]:
    """The scheme's condition sentences that the check did not evaluate, in the file's order."""
    checked = _checked_phrasings(scheme.conditions, scheme.municipality)
    return tuple(text for text in scheme.conditions.text if checked is None or not _all_checked(text, checked))


@lru_cache(maxsize=1024)
def _checked_phrasings(conditions: Conditions, municipality: str) -> re.Pattern[str] | None:
    """One pattern for every phrasing of the conditions the check evaluates (built once per scheme)."""
    place = "[ -]".join(re.escape(part) for part in municipality.split("-"))
    phrasings = [text for pattern in PATTERNS if (text := pattern(conditions, place))]
    return re.compile("^(" + "|".join(f"(?:{text})" for text in phrasings) + ")$") if phrasings else None


def _all_checked(text: str, checked: re.Pattern[str]) -> bool:
    """True when every clause of every sentence in `text` is a phrasing of a checked condition."""
    for sentence in _SENTENCES.split(text.strip()):
        for clause in _CLAUSES.split(sentence.strip().rstrip(".").lower()):
            if not checked.match(clause.strip()):
                return False
    return True


def wealth_reason(scheme: Scheme) -> Reason | None:
    """The wealth limit, when the file has one but no sentence mentions it (the check never asks about savings)."""
    limit = scheme.conditions.wealth_limit
    if limit is None or any(_WEALTH.search(text) for text in scheme.conditions.text):
        return None
    if limit.couple is None:
        return reason(
            UNCHECKED,
            N_("Spaargeld en bezit: niet meer dan %(single)s (grens uit %(year)s)."),
            single=Money(limit.single),
            year=limit.year,
        )
    return reason(
        UNCHECKED,
        N_("Spaargeld en bezit: niet meer dan %(single)s als u alleen bent, of %(couple)s samen (grens uit %(year)s)."),
        single=Money(limit.single),
        couple=Money(limit.couple),
        year=limit.year,
    )
