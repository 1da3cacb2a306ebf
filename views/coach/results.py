"""The coach view of search results (`?weergave=coach`): the key conditions of each scheme in a few words."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_babel import gettext as _

from regelingen.coach.plan import Plan
from regelingen.model import Conditions, Scheme

COACH_VIEW = "coach"
# At most this many lines per scheme: structured conditions first, then the file's first sentences.
KEY_LINES = 4


def coach_view() -> bool:
    """True when the results are asked for in the compact coach view."""
    return request.args.get("weergave") == COACH_VIEW


def plan_ids() -> tuple[str, ...]:
    """The schemes already in the plan the coach is building (carried as `r` in the results URL)."""
    return Plan.from_query(request.args.items(multi=True)).schemes


def plan_fields() -> list[tuple[str, str]]:
    """The rest of that plan (goal, what is in place, who does what), to carry on to the plan page."""
    return [(key, value) for key, value in Plan.from_query(request.args.items(multi=True)).to_query() if key != "r"]


def key_conditions(scheme: Scheme) -> list[tuple[str, bool]]:
    """The main conditions, short: (text, is_dutch_content); structured ones first, then the file's sentences."""
    lines = [(text, False) for text in _structured(scheme.conditions)]
    lines += [(text, True) for text in scheme.conditions.text]
    return lines[:KEY_LINES]


def _structured(conditions: Conditions) -> list[str]:
    """The conditions a coach checks first, as short translated phrases."""
    found = []
    if conditions.income_limit_percent:
        found.append(_("Inkomen tot %(procent)s%% van de bijstandsnorm", procent=conditions.income_limit_percent))
    if conditions.min_years_low_income:
        found.append(_("Al %(jaren)s jaar een laag inkomen", jaren=conditions.min_years_low_income))
    if conditions.age_min is not None and conditions.age_max is not None:
        found.append(_("%(van)s tot %(tot)s jaar", van=conditions.age_min, tot=conditions.age_max))
    elif conditions.age_min is not None:
        found.append(_("Vanaf %(leeftijd)s jaar", leeftijd=conditions.age_min))
    if conditions.from_pension_age:
        found.append(_("Vanaf de AOW-leeftijd"))
    elif conditions.until_pension_age:
        found.append(_("Tot de AOW-leeftijd"))
    if conditions.children_required:
        found.append(_("Met kinderen"))
    if conditions.housing == "huur":
        found.append(_("Alleen voor huurders"))
    elif conditions.housing == "koop":
        found.append(_("Alleen met een eigen huis"))
    if conditions.students_excluded:
        found.append(_("Niet voor studenten"))
    return found


# The coach view of the search results (see views/coach/pages.py: template_helpers).
TEMPLATE_HELPERS: dict[str, Any] = dict(
    coach_view=coach_view, plan_ids=plan_ids, plan_fields=plan_fields, key_conditions=key_conditions
)
