"""The answers of the anonymous check, read from URL query parameters and written back to them.

Every answer is optional and can be "weet ik niet" (`onbekend`); a value that cannot be read
(a tampered or mistyped URL) counts as "weet ik niet" too, so the result page always works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from regelingen.codes import is_slug, read_postcode

UNKNOWN = "onbekend"
NO_CHILDREN = "geen"
NOTHING_RECEIVED = "geen"
RECEIVES = ("bijstand", "huurtoeslag", "studiefinanciering")
HOUSING = ("huur", "koop", "anders")
# The order of the questions; later answers may depend on earlier ones (bands follow the household).
KEYS = ("gemeente", "partner", "kinderen", "leeftijd", "ontvangt", "inkomen", "jaren", "wonen")
# The AOW age is 67 since 2024 and only goes up, so everyone with the AOW age is at least 67.
PENSION_AGE_FLOOR = 67
MAX_VALUES = 12

_SPAN = re.compile(r"^(\d{1,7})-(\d{1,7})?$")
_AGE = re.compile(r"^(\d{1,3})-(\d{1,3}|aow)?$")


@dataclass(frozen=True)
class Span:
    """A range of whole numbers from `lo` to `hi` (None: no upper end); the field decides if `hi` is included."""

    lo: int
    hi: int | None = None

    @property
    def token(self) -> str:
        """The range as it appears in the URL, such as `1400-1680` or `1680-`."""
        return f"{self.lo}-{'' if self.hi is None else self.hi}"


@dataclass(frozen=True)
class Age:
    """An age group in whole years; `pension` says whether it lies past the AOW age (None: not known)."""

    lo: int
    hi: int | None
    pension: bool | None

    @property
    def token(self) -> str:
        """The group as it appears in the URL: `18-20`, `21-aow` or `aow`."""
        if self.pension:
            return "aow"
        if self.pension is False and self.hi is None:
            return f"{self.lo}-aow"
        return f"{self.lo}-{'' if self.hi is None else self.hi}"


PENSION = Age(PENSION_AGE_FLOOR, None, True)


@dataclass(frozen=True)
class Answers:
    """What someone told the check; None means "weet ik niet" or not asked (yet)."""

    municipality: str | None = None
    postcode: str | None = None
    partner: bool | None = None
    children: tuple[Span, ...] | None = None
    age: Age | None = None
    receives: frozenset[str] | None = None
    income: Span | None = None
    low_income_years: Span | None = None
    housing: str | None = None
    answered: frozenset[str] = field(default_factory=frozenset)
    invalid: frozenset[str] = field(default_factory=frozenset)

    def to_query(self) -> list[tuple[str, str]]:
        """The answers as query parameters, in question order, ready for a link or hidden fields."""
        pairs: list[tuple[str, str]] = []
        for key in KEYS:
            if key in self.answered:
                pairs += [(key, value) for value in _tokens(self, key)]
        if self.postcode and "gemeente" not in self.answered:
            pairs.append(("postcode", self.postcode))
        return pairs

    def without(self, key: str) -> Answers:
        """These answers without `key` and every later one, so that question is asked again."""
        later = KEYS[KEYS.index(key) :]
        cleared = {name: None for name in _FIELDS if _FIELDS[name] in later}
        postcode = None if key == "gemeente" else self.postcode
        return replace(
            self, **cleared, postcode=postcode, answered=self.answered - set(later), invalid=self.invalid - set(later)
        )


_FIELDS = {
    "municipality": "gemeente",
    "partner": "partner",
    "children": "kinderen",
    "age": "leeftijd",
    "receives": "ontvangt",
    "income": "inkomen",
    "low_income_years": "jaren",
    "housing": "wonen",
}


def parse_answers(pairs: Iterable[tuple[str, str]]) -> Answers:
    """Read the answers from query parameters; anything unreadable becomes "weet ik niet"."""
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        if key in KEYS or key == "postcode":
            bucket = values.setdefault(key, [])
            if len(bucket) < MAX_VALUES:
                bucket.append(value.strip()[:40])
    parsed: dict[str, Any] = {}
    invalid: set[str] = set()
    for name, key in _FIELDS.items():
        if key in values:
            parsed[name], ok = _PARSERS[key](values[key])
            if not ok:
                invalid.add(key)
    postcode = read_postcode(values.get("postcode", [""])[-1])
    if values.get("postcode", [""])[-1] and postcode is None:
        invalid.add("postcode")
    return Answers(**parsed, postcode=postcode, answered=frozenset(values), invalid=frozenset(invalid))


def _last(values: list[str]) -> str:
    return values[-1] if values else ""


def _municipality(values: list[str]) -> tuple[str | None, bool]:
    """A municipality slug; empty means "another municipality, or I do not know" (only national schemes)."""
    value = _last(values)
    if value in ("", UNKNOWN, "anders"):
        return None, True
    return (value, True) if is_slug(value) else (None, False)


def _yes_no(values: list[str]) -> tuple[bool | None, bool]:
    value = _last(values)
    return {"ja": (True, True), "nee": (False, True), UNKNOWN: (None, True)}.get(value, (None, False))


def _children(values: list[str]) -> tuple[tuple[Span, ...] | None, bool]:
    """Ages of the children; "weet ik niet" wins, then ages, then "geen"."""
    if UNKNOWN in values:
        return None, True
    spans = [span for span in map(span_from_token, values) if span is not None]
    if spans:
        return tuple(sorted(set(spans), key=lambda span: span.lo)), True
    if NO_CHILDREN in values:
        return (), True
    return None, False


def _receives(values: list[str]) -> tuple[frozenset[str] | None, bool]:
    """What someone receives; "weet ik niet" wins, an empty choice means none of them."""
    if UNKNOWN in values:
        return None, True
    if not all(value in RECEIVES or value == NOTHING_RECEIVED for value in values):
        return None, False
    return frozenset(value for value in values if value in RECEIVES), True


def _span(values: list[str]) -> tuple[Span | None, bool]:
    value = _last(values)
    if value == UNKNOWN:
        return None, True
    span = span_from_token(value)
    return span, span is not None


def _age(values: list[str]) -> tuple[Age | None, bool]:
    value = _last(values)
    if value == UNKNOWN:
        return None, True
    age = age_from_token(value)
    return age, age is not None


def _housing(values: list[str]) -> tuple[str | None, bool]:
    value = _last(values)
    if value == UNKNOWN:
        return None, True
    return (value, True) if value in HOUSING else (None, False)


_PARSERS = {
    "gemeente": _municipality,
    "partner": _yes_no,
    "kinderen": _children,
    "leeftijd": _age,
    "ontvangt": _receives,
    "inkomen": _span,
    "jaren": _span,
    "wonen": _housing,
}


def span_from_token(token: str) -> Span | None:
    """A Span from `lo-hi` or `lo-`; None when the text is not a valid range."""
    match = _SPAN.match(token)
    if not match:
        return None
    lo, hi = int(match[1]), None if match[2] is None else int(match[2])
    return None if hi is not None and hi < lo else Span(lo, hi)


def age_from_token(token: str) -> Age | None:
    """An Age from `18-20`, `21-aow`, `67-` or `aow`; None when the text is not a valid age group."""
    if token == "aow":
        return PENSION
    match = _AGE.match(token)
    if not match:
        return None
    lo = int(match[1])
    if match[2] == "aow":
        return Age(lo, None, False) if lo < PENSION_AGE_FLOOR else None
    hi = None if match[2] is None else int(match[2])
    if hi is not None and hi < lo:
        return None
    below_pension = hi is not None and hi < PENSION_AGE_FLOOR
    return Age(lo, hi, False if below_pension else None)


def _tokens(answers: Answers, key: str) -> list[str]:
    """The URL values of one answer; "weet ik niet" for an unknown one."""
    value = getattr(answers, next(name for name, field_key in _FIELDS.items() if field_key == key))
    if value is None:
        # An empty `gemeente` keeps the site's own `?gemeente=` handling from calling it unknown.
        return ["" if key == "gemeente" else UNKNOWN]
    if key == "partner":
        return ["ja" if value else "nee"]
    if key == "kinderen":
        return [span.token for span in value] or [NO_CHILDREN]
    if key == "ontvangt":
        return sorted(value) or [NOTHING_RECEIVED]
    if isinstance(value, (Span, Age)):
        return [value.token]
    return [value]
