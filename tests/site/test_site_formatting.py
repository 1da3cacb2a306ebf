"""Money, dates, amounts per year and language attributes (views/formatting.py)."""

from __future__ import annotations

from datetime import date

import pytest

from regelingen.model import Amount, Limit
from views.formatting import lang_attrs, long_date, money, shown_amount, shown_limit, tel_href


def plain(text: str) -> str:
    """Babel's no-break spaces as plain ones, to compare with readable expectations."""
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nl", 1234.5, "€ 1.234,50"),
        ("nl", 150, "€ 150"),
        ("nl", 0.5, "€ 0,50"),
        ("en", 1234.5, "€1,234.50"),
        ("en", 150.0, "€150"),
    ],
)
def test_money_in_the_locale(app, language, value, expected):
    """Euros in the visitor's locale; whole euros without ',00'."""
    with app.test_request_context(f"/?taal={language}"):
        assert plain(money(value)) == expected


def test_dates_written_out(app):
    """Dates are written out in the visitor's language."""
    with app.test_request_context("/"):
        assert long_date(date(2027, 1, 1)) == "1 januari 2027"
    with app.test_request_context("/?taal=en"):
        assert long_date(date(2027, 1, 1)) == "January 1, 2027"


def test_amount_for_this_year_or_the_latest_with_its_year(app):
    """This year's figure when there is one; else the latest earlier one marked old; else a future one marked."""
    with app.test_request_context("/"):
        current = shown_amount(Amount("per kind", "jaar", ((2025, 100.0), (2026, 120.0), (2027, 130.0))))
        assert (current.year, plain(current.money), current.is_old, current.is_future) == (2026, "€ 120", 0, 0)
        old = shown_amount(Amount("per kind", "jaar", ((2023, 90.0), (2024, 95.5))))
        assert (old.year, plain(old.money), old.is_old) == (2024, "€ 95,50", True)
        future = shown_amount(Amount("per kind", "maand", ((2027, 10.0),)))
        assert (future.year, future.is_future, future.is_old) == (2027, True, False)


def test_limits_are_formatted_with_their_year(app):
    """Income and wealth limits are formatted and say whether their year is an old one."""
    with app.test_request_context("/"):
        shown = shown_limit(Limit(1500.0, 2100.0, 2024, "maand"))
        assert plain(shown["single"]) == "€ 1.500" and plain(shown["couple"]) == "€ 2.100" and shown["is_old"]
        assert shown_limit(Limit(7575.0, None, 2026))["couple"] is None


@pytest.mark.parametrize(
    ("written", "target"),
    [("14 0412", "tel:140412"), ("024 350 20 00", "tel:0243502000"), ("0800-8115", "tel:08008115")],
)
def test_phone_links(written, target):
    """Phone numbers as written in the data become dialable tel: links."""
    assert tel_href(written) == target


def test_language_attributes_only_where_the_language_changes(app):
    """Dutch text on a Dutch page needs no attribute; on an English page it is marked lang="nl"."""
    with app.test_request_context("/"):
        assert lang_attrs("nl") == ""
    with app.test_request_context("/?taal=en"):
        assert lang_attrs("nl") == ' lang="nl"' and lang_attrs("en") == ""
