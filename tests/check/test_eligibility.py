"""The outcome per scheme (regelingen/check/eligibility.py, income.py): rules on small fixture schemes and round norms.

Fixture norms on TODAY: alone 1400, single parent 1450, couple 2000, alone with AOW 1500, couple with AOW 2100.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from checkhelp import OLD_NORMS, TODAY, answers, catalog, norms

from regelingen.check.eligibility import KIJK, NIET_NU, NOTHING_CHECKED, PAST, assess
from regelingen.check.reasons import BORDER, MET, UNCHECKED, UNKNOWN, UNMET

SINGLE = "gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen"


def outcome(scheme_id: str, query: str, norms_file=None):
    """The assessment of one fixture scheme for the answers in `query`."""
    scheme = catalog().schemes[scheme_id]
    return assess(scheme, answers(query), norms(norms_file) if norms_file else norms(), TODAY)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (SINGLE + "&inkomen=0-1540&jaren=3-", PAST),
        (SINGLE + "&inkomen=1540-1680&jaren=3-", KIJK),  # lower edge on the 110% limit: borderline
        (SINGLE + "&inkomen=1680-&jaren=3-", NIET_NU),
        (SINGLE + "&inkomen=0-1540&jaren=0-3", NIET_NU),
        (SINGLE + "&inkomen=0-1540", KIJK),  # years not known
        (
            "gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=studiefinanciering&inkomen=0-1540&jaren=3-",
            NIET_NU,
        ),
        ("gemeente=oss&partner=nee&kinderen=geen&leeftijd=aow&ontvangt=geen&inkomen=0-1540&jaren=3-", NIET_NU),
        ("gemeente=oss&partner=nee&kinderen=geen&leeftijd=18-20&ontvangt=geen&inkomen=0-1540&jaren=3-", NIET_NU),
        ("gemeente=oss&partner=nee&kinderen=geen&leeftijd=onbekend&ontvangt=geen&inkomen=0-1540&jaren=3-", KIJK),
        ("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=bijstand&jaren=3-", PAST),
        ("gemeente=oss&partner=ja&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=0-2200&jaren=3-", PAST),
        ("gemeente=oss&partner=ja&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=2200-2400&jaren=3-", KIJK),
    ],
)
def test_income_supplement(query, expected):
    """Age 21 to AOW, 110% of the norm, 3 years of low income, no students: each condition can decide."""
    assert outcome("oss/inkomenstoeslag", query).outcome == expected


def test_reasons_say_the_limit_in_euros_and_the_percentage():
    """The income reason names the limit per month for this household, the percentage and the norm it comes from."""
    result = outcome("oss/inkomenstoeslag", SINGLE + "&inkomen=1680-&jaren=3-")
    texts = {reason.status: reason.render() for reason in result.reasons}
    assert (
        texts[UNMET]
        == "Uw inkomen is hoger dan de grens van € 1.540 per maand (110% van de bijstandsnorm van 1 juli 2026)."
    )
    border = outcome("oss/inkomenstoeslag", SINGLE + "&inkomen=1540-1680&jaren=3-")
    assert any(reason.status == BORDER and "rond de grens van € 1.540" in reason.render() for reason in border.reasons)


def test_bijstand_settles_limits_of_at_least_the_norm_without_an_income():
    """Someone on bijstand has an income at the norm: limits of 100% or more are met, whatever the household."""
    result = outcome("oss/meedoen", "gemeente=oss&ontvangt=bijstand")
    assert result.outcome == PAST
    assert "U krijgt bijstand" in result.reasons[1].render()


def test_the_household_decides_the_norm():
    """A single parent has a higher norm than someone alone in the fixtures: 120% is 1740 instead of 1680."""
    query = "gemeente=oss&partner=nee&leeftijd=21-aow&ontvangt=geen&inkomen=1680-1740"
    assert outcome("oss/meedoen", query + "&kinderen=4-17").outcome == PAST
    assert outcome("oss/meedoen", query + "&kinderen=geen").outcome == KIJK
    unknown = outcome("oss/meedoen", query + "&kinderen=onbekend")
    assert unknown.outcome == KIJK and "kinderen" in unknown.needs


def test_young_people_have_other_norms_the_check_does_not_know():
    """Under 21 the check cannot compare an income with a norm: "kijk samen", and the income is not asked."""
    result = outcome(
        "oss/meedoen", "gemeente=oss&partner=nee&kinderen=geen&leeftijd=18-20&ontvangt=geen&inkomen=0-1540"
    )
    assert result.outcome == KIJK
    assert "jonger dan 21" in result.reasons[1].render() and "inkomen" not in result.needs


def test_older_norms_never_give_niet_nu_on_income():
    """When the current half year has no figures, an income above the older limit is "kijk samen", with why."""
    result = outcome("oss/meedoen", SINGLE + "&inkomen=1700-", OLD_NORMS)
    assert result.outcome == KIJK
    (income,) = [reason for reason in result.reasons if reason.status == BORDER]
    assert "bijstandsnorm van 1 januari 2026" in income.render()


def test_old_amount_limit_never_gives_niet_nu():
    """A limit in euros from an earlier year may have gone up: above it is "kijk samen", below it fits."""
    above = outcome("oss/oude-grens", SINGLE + "&inkomen=1600-")
    assert above.outcome == KIJK and "grens uit 2024" in above.reasons[1].render()
    assert outcome("oss/oude-grens", SINGLE + "&inkomen=0-1500").outcome == PAST
    couple = outcome(
        "oss/oude-grens", "gemeente=oss&partner=ja&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=0-2100"
    )
    assert couple.outcome == PAST
    partner_unknown = outcome("oss/oude-grens", "gemeente=oss&partner=onbekend&inkomen=0-1400")
    assert partner_unknown.outcome == KIJK and "partner" in partner_unknown.needs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ontvangt=huurtoeslag&partner=nee&inkomen=0-2000", PAST),
        ("wonen=huur&partner=nee&inkomen=0-2000", PAST),
        ("wonen=koop&partner=nee&inkomen=0-2000", NIET_NU),
        ("wonen=anders&partner=nee&inkomen=0-2000", KIJK),
        ("wonen=huur&partner=nee&inkomen=2000-", KIJK),  # 24,000 a year is 2,000 a month: the band touches it
        ("wonen=huur&partner=nee&inkomen=2400-", NIET_NU),
        ("wonen=huur&partner=ja&inkomen=2400-3000", PAST),  # a couple's limit is 36,000 a year
    ],
)
def test_rent_benefit_housing_and_yearly_limit(query, expected):
    """Renting is known from the answer or from receiving huurtoeslag; a yearly limit is compared per month."""
    assert outcome("landelijk/huurtoeslag", query).outcome == expected


@pytest.mark.parametrize(
    ("scheme_id", "children", "expected"),
    [
        ("landelijk/kinderfonds", "geen", NIET_NU),
        ("landelijk/kinderfonds", "18-21", NIET_NU),
        ("landelijk/kinderfonds", "0-3", PAST),
        ("landelijk/kinderfonds", "0-3&kinderen=18-21", PAST),
        ("landelijk/kinderfonds", "0-", KIJK),  # "there are children", ages not known
        ("landelijk/kinderfonds", "onbekend", KIJK),
        ("oss/sportfonds", "0-3", NIET_NU),
        ("oss/sportfonds", "4-17", KIJK),  # income not answered
    ],
)
def test_children_and_their_ages(scheme_id, children, expected):
    """A child in the age range fits; only children outside it, or none, is "niet nu"; ages not known is "kijk"."""
    assert outcome(scheme_id, f"gemeente=oss&kinderen={children}").outcome == expected


def test_from_pension_age():
    """A scheme from the AOW age, with 100% of the AOW norm (1500)."""
    query = "gemeente=oss&partner=nee&kinderen=geen&ontvangt=geen&inkomen=0-1500"
    assert outcome("oss/ouderenbijdrage", query + "&leeftijd=aow").outcome == PAST
    assert outcome("oss/ouderenbijdrage", query + "&leeftijd=21-aow").outcome == NIET_NU
    assert outcome("oss/ouderenbijdrage", query + "&leeftijd=60-70").outcome == KIJK


def test_nothing_to_check_is_kijk_samen_with_the_conditions_listed():
    """A scheme whose conditions are all sentences cannot be "past": the check says so and lists them."""
    result = outcome("landelijk/geldlijn", "")
    assert result.outcome == KIJK
    assert result.reasons[0].text == NOTHING_CHECKED
    assert result.unchecked == ("Er zijn geen voorwaarden.",)
    only_residence = outcome("oss/voedselbank", "gemeente=oss")
    assert only_residence.outcome == KIJK and only_residence.reasons[0].status == MET
    assert only_residence.unchecked == ("U houdt te weinig geld over voor eten.",)


def test_temporarily_closed_scheme_is_kijk_samen():
    """A closed scheme is never "past": it says it is closed for now."""
    result = outcome("oss/dicht", "gemeente=oss&leeftijd=21-aow")
    assert result.outcome == KIJK and "tijdelijk gesloten" in result.reasons[-1].render()


def test_unchecked_conditions_are_listed_and_wealth_is_never_hidden():
    """Sentences the check evaluated are left out; every other one is listed; a wealth limit nobody mentions is added."""
    result = outcome("oss/inkomenstoeslag", SINGLE)
    assert result.unchecked == ("U heeft al 3 jaar een laag inkomen.",)
    (wealth,) = [reason for reason in result.reasons if reason.status == UNCHECKED]
    assert (
        wealth.render()
        == "Spaargeld en bezit: niet meer dan € 7.575 als u alleen bent, of € 15.150 samen (grens uit 2024)."
    )
    assert outcome("oss/inkomenstoeslag", SINGLE + "&inkomen=0-1540&jaren=3-").outcome == PAST, (
        "unchecked never lowers the outcome"
    )


def test_residence_elsewhere_is_niet_nu_and_unknown_is_kijk():
    """A local scheme for someone from another known municipality does not fit; an unknown place is open."""
    assert outcome("oss/voedselbank", "gemeente=nijmegen").outcome == NIET_NU
    unknown = outcome("oss/voedselbank", "gemeente=")
    assert unknown.outcome == KIJK and unknown.reasons[0].status == UNKNOWN


def test_everything_unknown_is_never_niet_nu_and_lists_what_would_help():
    """With no answers at all, every scheme is "kijk samen" and names the answers it still needs."""
    for scheme in catalog().schemes.values():
        assert assess(scheme, answers(""), norms(), TODAY).outcome != NIET_NU
    needs = outcome("oss/inkomenstoeslag", "").needs
    assert {
        "leeftijd",
        "inkomen",
        "bijstand",
        "jaren",
        "studiefinanciering",
        "partner",
        "kinderen",
        "gemeente",
    } <= needs


def test_who_to_ask_is_the_schemes_contact():
    """Every outcome names who to ask."""
    result = outcome("oss/meedoen", SINGLE + "&inkomen=1700-")
    assert result.outcome == NIET_NU and result.ask.name == "Loket Meedoen" and result.ask.phone


def test_contradicting_answers_keep_the_no():
    """A direct "no" wins over what another answer implies, so forgetting an answer can never lead to "niet nu"."""
    assert outcome("landelijk/huurtoeslag", "ontvangt=huurtoeslag&wonen=koop").outcome == NIET_NU
    assert (
        outcome("landelijk/huurtoeslag", "ontvangt=huurtoeslag&wonen=anders&partner=nee&inkomen=0-2000").outcome == PAST
    )
    assert (
        outcome("oss/meedoen", SINGLE.replace("ontvangt=geen", "ontvangt=bijstand") + "&inkomen=1700-").outcome
        == NIET_NU
    )
    assert (
        outcome("oss/meedoen", SINGLE.replace("ontvangt=geen", "ontvangt=bijstand") + "&inkomen=1680-1700").outcome
        == PAST
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gemeente=oss&partner=nee&ontvangt=bijstand", PAST),
        ("gemeente=oss&partner=ja&ontvangt=bijstand", NIET_NU),
        ("gemeente=oss&partner=nee&ontvangt=geen", NIET_NU),
        ("gemeente=oss&partner=nee&ontvangt=huurtoeslag", NIET_NU),
        ("gemeente=oss&partner=nee", KIJK),  # what someone receives is not known
        ("gemeente=oss&ontvangt=bijstand", KIJK),  # partner not known
    ],
)
def test_only_without_a_partner_and_only_with_social_assistance(query, expected):
    """`alleen_zonder_partner` and `alleen_met_bijstand` decide on the partner and 'ontvangt' answers."""
    scheme = catalog().schemes["oss/voedselbank"]
    only = replace(
        scheme, conditions=replace(scheme.conditions, without_partner_only=True, social_assistance_only=True)
    )
    result = assess(only, answers(query), norms(), TODAY)
    assert result.outcome == expected
    if expected == KIJK:
        assert result.needs & {"partner", "bijstand"}
