"""A checked condition and its outcome, as a sentence that either interface language can show."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

MET = "voldaan"
UNMET = "niet_voldaan"
UNKNOWN = "onbekend"
BORDER = "grens"
UNCHECKED = "niet_gecontroleerd"


class Money(float):
    """An amount in euros, so the page can format it the way its language writes money."""


def N_(text: str) -> str:
    """Mark `text` as a message to translate; the page translates it when it shows it."""
    return text


def render(
    text: str,
    values: Mapping[str, object],
    translate: Callable[[str], str] = str,
    money: Callable[[float], str] | None = None,
    day: Callable[[date], str] | None = None,
) -> str:
    """`text` in the page's language with its values filled in; amounts written by `money` and dates by `day`
    (Dutch style by default)."""
    write, write_day = money or dutch_money, day or dutch_day
    filled = {
        key: write(value) if isinstance(value, Money) else write_day(value) if isinstance(value, date) else value
        for key, value in values.items()
    }
    return translate(text) % filled


class Sentence:
    """What a Phrase and a Reason share: a text to translate and its %(name)s values."""

    text: str
    values: Mapping[str, object]

    def render(
        self,
        translate: Callable[[str], str] = str,
        money: Callable[[float], str] | None = None,
        day: Callable[[date], str] | None = None,
    ) -> str:
        """The sentence in the page's language."""
        return render(self.text, self.values, translate, money, day)


@dataclass(frozen=True)
class Phrase(Sentence):
    """A sentence to translate, with %(name)s values (such as the label of an answer)."""

    text: str
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


def phrase(text: str, **values: object) -> Phrase:
    """A Phrase, with its values given as keyword arguments."""
    return Phrase(text, MappingProxyType(values))


@dataclass(frozen=True)
class Reason(Sentence):
    """One condition the check looked at: its status, a sentence with %(name)s values, and the answers it still needs."""

    status: str
    text: str
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    needs: frozenset[str] = frozenset()


def reason(status: str, text: str, needs: frozenset[str] | set[str] = frozenset(), **values: object) -> Reason:
    """A Reason, with its values given as keyword arguments."""
    return Reason(status, text, MappingProxyType(values), frozenset(needs))


DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_day(day: date) -> str:
    """`1 juli 2025`: how Dutch readers write a date."""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def dutch_money(amount: float) -> str:
    """`€ 1.430` or `€ 1.430,50`: how Dutch readers write an amount."""
    whole = round(amount, 2) == int(amount)
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")
