"""Which question comes next and with which answers (regelingen/check/run.py, questions.py), on the fixture schemes."""

from __future__ import annotations

from checkhelp import TODAY, answers, catalog, norms

from regelingen.check.eligibility import KIJK, NIET_NU, PAST
from regelingen.check.run import PLAN_TOP, TOP, resolve_municipality, run_check, schemes_in_scope


def run(query: str, norms_file=None):
    """The check for the answers in `query` on the fixture schemes."""
    return run_check(catalog(), answers(query), norms(norms_file) if norms_file else norms(), TODAY)


def values(result, key: str) -> list[str]:
    """The URL values of the answers offered for `key` in the next question."""
    (field,) = [field for field in result.question.fields if field.key == key]
    return [option.value for option in field.options]


def test_first_question_is_the_municipality_with_a_dont_know_answer():
    """The municipality comes first; the empty answer means "another municipality, or I do not know"."""
    result = run("")
    assert result.question.step == "gemeente"
    assert values(result, "gemeente") == ["oss", ""]


def test_household_question_has_partner_and_children_age_groups_from_the_schemes():
    """Children's age groups have their edges where the schemes' ages start and end (4 and 18 here)."""
    result = run("gemeente=oss")
    assert result.question.step == "huishouden"
    assert values(result, "partner") == ["nee", "ja", "onbekend"]
    assert values(result, "kinderen") == ["geen", "0-3", "4-17", "18-", "onbekend"]


def test_age_groups_split_at_21_and_the_aow_age():
    """The age groups follow the schemes' limits (21 from the income supplement and the norms) and the AOW age."""
    result = run("gemeente=oss&partner=nee&kinderen=geen")
    assert values(result, "leeftijd") == ["0-17", "18-20", "21-aow", "aow", "onbekend"]


def test_income_bands_have_their_edges_exactly_at_the_limits():
    """For someone alone (norm 1400): 110% = 1540, 120% = 1680, the old 1500 limit and the yearly 24,000 = 2000."""
    result = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen")
    assert result.question.step == "inkomen"
    assert values(result, "inkomen") == ["0-1500", "1500-1540", "1540-1680", "1680-2000", "2000-", "onbekend"]
    labels = [option.label.render() for option in result.question.fields[0].options]
    assert labels[0] == "Minder dan € 1.500" and labels[2] == "€ 1.540 tot € 1.680" and labels[4] == "€ 2.000 of meer"


def test_bands_follow_the_household():
    """A couple gets bands from the couple's norm (2000): 110% = 2200, 120% = 2400; the old limit for couples is 2100."""
    result = run("gemeente=oss&partner=ja&kinderen=geen&leeftijd=21-aow&ontvangt=geen")
    assert values(result, "inkomen") == ["0-2100", "2100-2200", "2200-2400", "2400-3000", "3000-", "onbekend"]


def test_bijstand_skips_the_income_question():
    """Someone on bijstand is not asked for an income: every limit here is at least the norm."""
    result = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=bijstand")
    assert result.question.step == "jaren"
    assert values(result, "jaren") == ["0-3", "3-", "onbekend"]


def test_huurtoeslag_skips_the_housing_question_and_only_needed_options_are_offered():
    """What someone receives is asked with only the options that matter; huurtoeslag answers the housing question."""
    result = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow")
    assert values(result, "ontvangt") == ["bijstand", "huurtoeslag", "studiefinanciering", "geen", "onbekend"]
    done = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=huurtoeslag&ontvangt=bijstand&jaren=3-")
    assert done.question is None, "nothing left to ask"


def test_questions_that_cannot_change_anything_are_skipped():
    """Above every income limit the years of low income no longer matter, and housing still does."""
    result = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=2000-")
    assert result.question.step == "wonen"
    assert result.steps_left == 0


def test_at_most_seven_questions_and_a_result_after_the_last():
    """Answering every question asked leads to a result; never more than seven screens."""
    query, screens = "", 0
    while (result := run(query)).question is not None:
        screens += 1
        for field in result.question.fields:
            query += f"&{field.key}={field.options[0].value}"
    assert 1 <= screens <= 7
    assert result.question is None


def test_national_schemes_only_without_a_municipality():
    """Without a municipality only national schemes are assessed, and no local question is needed."""
    result = run("gemeente=")
    assert {item.scheme.municipality for item in result.assessments} == {"landelijk"}
    assert result.municipality is None


def test_ended_schemes_are_not_in_scope():
    """An ended scheme is not offered; a temporarily closed one is."""
    ids = {scheme.id for scheme in schemes_in_scope(catalog(), catalog().municipalities["oss"], TODAY)}
    assert "oss/gestopt" not in ids and "oss/dicht" in ids
    assert ids >= {"landelijk/huurtoeslag", "oss/meedoen"}


def test_postcode_becomes_the_municipality_and_is_dropped():
    """A postcode in Oss is read as Oss; the postcode itself is not kept in the answers."""
    resolved, message = resolve_municipality(answers("postcode=5341"), catalog())
    assert message is None and resolved.municipality == "oss" and resolved.postcode is None
    assert ("postcode", "5341") not in resolved.to_query()


def test_postcode_and_municipality_problems_get_a_message():
    """A postcode elsewhere, a malformed postcode and an unknown municipality each get their own message."""
    elsewhere = resolve_municipality(answers("postcode=1011"), catalog())[1]
    assert "1011" in elsewhere.render()
    assert "4 cijfers" in resolve_municipality(answers("postcode=12"), catalog())[1].render()
    unknown, message = resolve_municipality(answers("gemeente=atlantis"), catalog())
    assert message is not None and unknown.municipality is None and "gemeente" in unknown.invalid


def test_plan_ids_are_the_fitting_and_the_open_schemes():
    """The plan gets what probably fits and what to look at together, not what does not fit now."""
    result = run("gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen&inkomen=1680-2000&wonen=huur")
    outcomes = {item.scheme.id: item.outcome for item in result.assessments}
    assert (
        outcomes["oss/meedoen"] == KIJK
        and outcomes["oss/inkomenstoeslag"] == NIET_NU
        and outcomes["landelijk/huurtoeslag"] == PAST
    )
    assert "landelijk/huurtoeslag" in result.plan_ids and "oss/inkomenstoeslag" not in result.plan_ids
    assert result.plan_ids[0] == "landelijk/huurtoeslag", "what probably fits comes before what to look at together"
    assert len(result.plan_ids) <= PLAN_TOP + 1 and result.top == result.ranked[:TOP]
    assert [item.scheme.is_national for item in result.assessments] == sorted(
        item.scheme.is_national for item in result.assessments
    )
