"""Reading the check's answers from the URL (regelingen/check/answers.py): every value optional, nothing fatal."""

from __future__ import annotations

import pytest
from checkhelp import answers

from regelingen.check.answers import PENSION, Age, Answers, Span, age_from_token, parse_answers, span_from_token


def test_a_full_set_of_answers_is_read():
    """Each answer gets its own type: municipality, partner, children's ages, age group, what someone receives, bands."""
    given = answers(
        "gemeente=oss&partner=ja&kinderen=4-17&kinderen=0-3&leeftijd=21-aow&ontvangt=huurtoeslag&ontvangt=bijstand"
        "&inkomen=1540-1680&jaren=3-&wonen=huur"
    )
    assert given.municipality == "oss" and given.partner is True
    assert given.children == (Span(0, 3), Span(4, 17))
    assert given.age == Age(21, None, False)
    assert given.receives == frozenset({"bijstand", "huurtoeslag"})
    assert given.income == Span(1540, 1680) and given.low_income_years == Span(3, None)
    assert given.housing == "huur" and not given.invalid


def test_to_query_round_trips_in_question_order():
    """Writing the answers back gives the same answers, in the order of the questions."""
    query = "wonen=koop&gemeente=oss&kinderen=geen&partner=nee&leeftijd=aow&ontvangt=geen&inkomen=0-1400&jaren=0-3"
    given = answers(query)
    pairs = given.to_query()
    assert [key for key, _ in pairs] == [
        "gemeente",
        "partner",
        "kinderen",
        "leeftijd",
        "ontvangt",
        "inkomen",
        "jaren",
        "wonen",
    ]
    again = parse_answers(pairs)
    assert again == given


@pytest.mark.parametrize("key", ["partner", "kinderen", "leeftijd", "ontvangt", "inkomen", "jaren", "wonen"])
def test_weet_ik_niet_is_an_answer_without_a_value(key):
    """ "onbekend" counts as answered (the question is not asked again) but says nothing."""
    given = answers(f"{key}=onbekend")
    assert key in given.answered and not given.invalid
    assert given == Answers(answered=frozenset({key}))


@pytest.mark.parametrize("value", ["", "anders", "onbekend"])
def test_another_municipality_or_not_knowing_it_means_national_schemes_only(value):
    """An empty `gemeente` (another municipality, or not known) is an answer; it is written back empty."""
    given = answers(f"gemeente={value}")
    assert given.municipality is None and "gemeente" in given.answered
    assert given.to_query() == [("gemeente", "")]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("partner=misschien", "partner"),
        ("kinderen=abc", "kinderen"),
        ("leeftijd=200-1", "leeftijd"),
        ("leeftijd=70-aow", "leeftijd"),
        ("ontvangt=loterij", "ontvangt"),
        ("inkomen=-5", "inkomen"),
        ("inkomen=1600-1500", "inkomen"),
        ("jaren=veel", "jaren"),
        ("wonen=kasteel", "wonen"),
        ("gemeente=<script>", "gemeente"),
    ],
)
def test_tampered_values_count_as_unknown_and_are_marked(query, key):
    """A value we cannot read becomes "weet ik niet" and is marked invalid, so a form can say so."""
    given = answers(query)
    assert key in given.invalid
    assert dict(given.to_query())[key] in ("onbekend", "")


def test_children_weet_ik_niet_wins_then_ages_then_none():
    """Checked together, "weet ik niet" wins over ages, and ages win over "geen"."""
    assert answers("kinderen=geen&kinderen=4-17&kinderen=onbekend").children is None
    assert answers("kinderen=geen&kinderen=4-17").children == (Span(4, 17),)
    assert answers("kinderen=geen").children == ()


def test_postcode_is_kept_only_as_four_digits():
    """Only the 4 digits of a postcode are kept; a wrong one is marked."""
    assert answers("postcode=5341 AB").postcode == "5341"
    assert "postcode" in answers("postcode=53").invalid


def test_repeated_and_long_values_are_bounded():
    """A hostile URL with thousands of values or very long ones is cut down, not processed in full."""
    given = answers("&".join(["kinderen=4-17"] * 5000) + "&wonen=" + "x" * 10000)
    assert given.children == (Span(4, 17),)
    assert "wonen" in given.invalid


def test_without_clears_the_answer_and_every_later_one():
    """Changing an answer asks it again, and everything after it, because later answers depend on it."""
    given = answers("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&inkomen=0-1400&wonen=huur")
    cleared = given.without("leeftijd")
    assert cleared.answered == frozenset({"gemeente", "partner", "kinderen"})
    assert cleared.age is None and cleared.income is None and cleared.housing is None
    assert cleared.partner is False


def test_tokens():
    """Ranges and age groups read from and write to the same text."""
    assert span_from_token("1540-") == Span(1540, None) and Span(1540, None).token == "1540-"
    assert age_from_token("aow") is PENSION and PENSION.token == "aow"
    assert age_from_token("18-20") == Age(18, 20, False)
    assert age_from_token("60-70") == Age(60, 70, None), "straddles the AOW age: not known"
    assert age_from_token("0-aow").token == "0-aow"
