"""Numbers, money and dates in the visitor's language (Babel), and the amount to show for this year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Flask, current_app
from flask_babel import format_currency, format_date, format_decimal, get_locale, gettext
from markupsafe import Markup

from regelingen.codes import tel_target as tel_href
from regelingen.model import Amount, Limit, Scheme
from regelingen.thresholds import DerivedIncomeLimit, derived_income_limit
from views.catalog import current_norms
from views.languages import LANGUAGES, current_language

CONTENT_LANGUAGE = "nl"


@dataclass(frozen=True)
class ShownAmount:
    """An amount as the page shows it: the figure for this year, or the latest one with its year."""

    description: str
    money: str
    per: str
    maximum: bool
    year: int
    is_old: bool
    is_future: bool


def today() -> date:
    """Today's date; tests may fix it with the `TODAY` config value."""
    return current_app.config.get("TODAY") or date.today()


def money(value: float) -> str:
    """An amount in euros for the current locale: `€ 1.234,50`, or `€ 150` for whole euros."""
    pattern = get_locale().currency_formats["standard"].pattern
    if float(value).is_integer():
        # Whole euros read easier without ",00"; keep the locale's own pattern otherwise.
        pattern = pattern.replace(".00", "")
    return format_currency(value, "EUR", format=pattern, currency_digits=False)


def long_date(value: date) -> str:
    """A date written out in the current locale, such as `1 januari 2027`."""
    return format_date(value, "long")


def number(value: float) -> str:
    """A number with the locale's separators."""
    return format_decimal(value)


def shown_amount(amount: Amount) -> ShownAmount:
    """The figure for this year, or the nearest one, and whether its year differs from this one."""
    this_year = today().year
    year, value = amount.for_year(this_year)
    return ShownAmount(
        amount.description, money(value), amount.per, amount.maximum, year, year < this_year, year > this_year
    )


def shown_limit(limit: Limit) -> dict[str, str | int | bool | None]:
    """An income or wealth limit with its amounts formatted, and whether its year is an old one."""
    return {
        "single": money(limit.single),
        "couple": money(limit.couple) if limit.couple is not None else None,
        "per": limit.per,
        "year": limit.year,
        "is_old": limit.year < today().year,
        "single_parent_as_couple": limit.single_parent_as_couple,
    }


def lang_attrs(code: str) -> Markup:
    """`lang` (and `dir`) attributes for text in language `code` when the page is in another one."""
    page = current_language()
    if code == page:
        return Markup("")
    attrs = Markup(' lang="{}"').format(code)
    language = LANGUAGES.get(code)
    direction = language.direction if language else "ltr"
    if direction != LANGUAGES[page].direction:
        attrs += Markup(' dir="{}"').format(direction)
    return attrs


def content_attrs() -> Markup:
    """Attributes for scheme texts, which stay Dutch whatever the interface language."""
    return lang_attrs(CONTENT_LANGUAGE)


def dutch_only(code: str = CONTENT_LANGUAGE) -> Markup:
    """A plain-words label "(only in Dutch)" for text in Dutch on a page in another language (empty on Dutch pages)."""
    if code != CONTENT_LANGUAGE or current_language() == CONTENT_LANGUAGE:
        return Markup("")
    return Markup(' <span class="dutch-only">{}</span>').format(gettext("(alleen in het Nederlands)"))


def summary_of(scheme: Scheme) -> tuple[str, str]:
    """The scheme's summary in the interface language when the file has one, with its language code."""
    language = current_language()
    if language in scheme.translated_summaries:
        return scheme.translated_summaries[language], language
    return scheme.summary, CONTENT_LANGUAGE


def income_limit(scheme: Scheme) -> DerivedIncomeLimit | None:
    """The scheme's income limit in euros from the served bijstandsnormen, with the norm's date."""
    return derived_income_limit(scheme, current_norms(), today())


def init_app(app: Flask) -> None:
    """Register the formatting filters and helpers for templates."""
    app.jinja_env.filters.update(
        money=money,
        long_date=long_date,
        number=number,
        shown_amount=shown_amount,
        shown_limit=shown_limit,
        tel=tel_href,
    )
    app.jinja_env.globals.update(
        today=today,
        lang_attrs=lang_attrs,
        content_attrs=content_attrs,
        dutch_only=dutch_only,
        summary_of=summary_of,
        income_limit=income_limit,
    )
