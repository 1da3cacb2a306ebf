"""Property tests for the check: any answers, also "weet ik niet" everywhere and tampered URLs, give a page, never a 500,
and not knowing an answer never turns an outcome into "niet nu"."""

from __future__ import annotations

from datetime import date

import pytest
from checkhelp import make_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitepage import Page

from regelingen.catalog import load_catalog
from regelingen.check.answers import KEYS, parse_answers
from regelingen.check.eligibility import NIET_NU, assess
from regelingen.check.normen import load_norms
from regelingen.check.run import run_check

REAL_CATALOG = load_catalog()
REAL_NORMS, _ = load_norms()
TODAY = date(2026, 11, 21)

VALID = {
    "gemeente": ["oss", "nijmegen", "meppel", "nieuwegein", "midden-groningen", ""],
    "partner": ["ja", "nee"],
    "kinderen": ["geen", "0-3", "4-17", "18-21", "22-", "0-", "4-5", "6-17"],
    "leeftijd": ["0-14", "15-17", "18-20", "21-aow", "aow", "60-70", "21-"],
    "ontvangt": ["bijstand", "huurtoeslag", "studiefinanciering", "geen"],
    "inkomen": ["0-1300", "1300-1430", "1430-1560", "1560-", "0-", "1430-1431", "5000-"],
    "jaren": ["0-3", "3-", "0-1", "5-"],
    "wonen": ["huur", "koop", "anders"],
}
GARBAGE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
VALUE = {key: st.one_of(st.sampled_from([*values, "onbekend"]), GARBAGE) for key, values in VALID.items()}
PAIRS = st.lists(
    st.one_of(
        st.sampled_from(list(VALID)).flatmap(lambda key: st.tuples(st.just(key), VALUE[key])),
        st.tuples(st.sampled_from(["stap", "postcode", "taal", "x"]), GARBAGE),
    ),
    max_size=14,
)
KNOWN = st.fixed_dictionaries(
    {}, optional={key: st.lists(st.sampled_from(values), min_size=1, max_size=3) for key, values in VALID.items()}
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """A client of the app on the check's fixtures (module-wide, so hypothesis can reuse it)."""
    return make_app(tmp_path_factory.mktemp("check")).test_client()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=PAIRS, page=st.sampled_from(["/check", "/check/uitslag"]))
def test_any_url_gives_a_page_and_never_a_500(client, pairs, page):
    """Tampered, repeated, empty or half-filled answers: a question, a message, a redirect or a result page."""
    response = client.get(page, query_string=pairs)
    assert response.status_code in (200, 303, 400)
    if response.status_code != 303:
        assert len(Page(response.get_data(as_text=True)).all("h1")) == 1


@settings(max_examples=200, deadline=None)
@given(pairs=PAIRS)
def test_any_answers_on_the_real_schemes_give_a_result(pairs):
    """On the real scheme files every combination gives each scheme one of the three outcomes and a contact."""
    result = run_check(REAL_CATALOG, parse_answers(pairs), REAL_NORMS, TODAY)
    assert result.assessments
    assert all(item.ask.name and item.outcome in ("past", "kijk", "niet_nu") for item in result.assessments)


@settings(max_examples=200, deadline=None)
@given(known=KNOWN, forget=st.sets(st.sampled_from(KEYS[1:])))
def test_weet_ik_niet_never_produces_niet_nu(known, forget):
    """Replacing answers by "weet ik niet" can only take an outcome away from "niet nu", never towards it."""
    pairs = [(key, value) for key, values in known.items() for value in values]
    full = parse_answers(pairs)
    vague = parse_answers([(key, "onbekend" if key in forget else value) for key, value in pairs])
    for scheme in REAL_CATALOG.schemes.values():
        before = assess(scheme, full, REAL_NORMS, TODAY).outcome
        after = assess(scheme, vague, REAL_NORMS, TODAY).outcome
        assert after != NIET_NU or before == NIET_NU, (scheme.id, pairs, forget)


def test_weet_ik_niet_everywhere_is_never_niet_nu():
    """Every question answered with "weet ik niet": no scheme anywhere is "niet nu"."""
    for municipality in REAL_CATALOG.municipalities:
        pairs = [("gemeente", municipality)] + [(key, "onbekend") for key in KEYS[1:]]
        result = run_check(REAL_CATALOG, parse_answers(pairs), REAL_NORMS, TODAY)
        assert all(item.outcome != NIET_NU for item in result.assessments), municipality


@settings(max_examples=100, deadline=None)
@given(known=KNOWN)
def test_the_result_url_reopens_the_same_result(known):
    """The answers written back to the URL give exactly the same outcomes: the result can be shared and reopened."""
    answers = parse_answers([(key, value) for key, values in known.items() for value in values])
    again = parse_answers(answers.to_query())
    first = run_check(REAL_CATALOG, answers, REAL_NORMS, TODAY)
    second = run_check(REAL_CATALOG, again, REAL_NORMS, TODAY)
    assert [(item.scheme.id, item.outcome) for item in first.assessments] == [
        (item.scheme.id, item.outcome) for item in second.assessments
    ]


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_walk_through_the_questions_ends_within_seven_and_the_bound_holds(data):
    """Picking any answers on the real schemes: at most 7 screens, and "van hooguit N" never goes up on the way."""
    pairs: list[tuple[str, str]] = []
    bound = None
    for screen in range(1, 9):
        result = run_check(REAL_CATALOG, parse_answers(pairs), REAL_NORMS, TODAY)
        if result.question is None:
            break
        assert screen <= 7
        most = len(result.steps_done) + 1 + result.steps_left
        assert bound is None or most <= bound, (pairs, most, bound)
        bound = most
        for field in result.question.fields:
            values = [option.value for option in field.options]
            chosen = data.draw(
                st.lists(st.sampled_from(values), min_size=1, max_size=3)
                if field.multiple
                else st.sampled_from(values).map(lambda v: [v])
            )
            pairs += [(field.key, value) for value in chosen]
    assert result.question is None
