"""Understanding plain language, on the fixture schemes: typos, English, compounds, filler, hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from regelingen.catalog import load_catalog
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon
from search.query import MAX_CHARACTERS, understand

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> SearchEngine:
    """An engine on an index of the fixture schemes, with the real lexicon."""
    index_dir = tmp_path_factory.mktemp("index")
    lexicon = load_lexicon()
    build_index(load_catalog(FIXTURES).schemes.values(), index_dir, lexicon.words)
    return SearchEngine(index_dir, lexicon)


def top(engine: SearchEngine, text: str, municipality: str | None = "nijmegen", **kwargs) -> list[str]:
    return [hit.scheme_id for hit in engine.search(text, municipality, **kwargs).hits]


def test_plain_words_find_the_scheme(engine):
    assert top(engine, "huurtoeslag")[0] == "landelijk/huurtoeslag"
    assert top(engine, "deurwaarder aan de deur")[0] == "nijmegen/schuldhulp"


def test_everyday_words_reach_the_scheme_through_the_lexicon(engine):
    # None of these words is in the schemes; the lexicon says what they mean.
    assert top(engine, "aanmaningen stapelen zich op")[0] == "nijmegen/schuldhulp"
    assert top(engine, "mijn gehoorapparaat is kapot")[0] == "nijmegen/bijzondere-bijstand"
    assert top(engine, "elektriciteit")[0] == "nijmegen/energiefonds"


def test_compound_words_meet_their_parts(engine):
    # `energierekening` is in no scheme: its parts `energie` and `rekening` are.
    assert top(engine, "energierekening")[0] == "nijmegen/energiefonds"
    assert top(engine, "zwemlesgeld", "oss")[0] == "oss/meedoen"


def test_english_is_mapped_to_dutch(engine):
    assert top(engine, "help with rent")[0] == "landelijk/huurtoeslag"
    assert top(engine, "debts", "nijmegen")[0] == "nijmegen/schuldhulp"
    assert top(engine, "food bank", "oss")[0] == "oss/voedselbank"


def test_english_not_able_to_pay_reads_as_the_dutch_niet_betalen(engine):
    # `pay` alone is only `betalen`; not being able to pay is about arrears and debts, in both languages.
    read = engine._current().reader.read
    assert "schuld" not in str(read("I pay the rent").query)
    for text in (
        "I can't pay the rent",
        "I cant pay the rent",
        "unable to pay the rent",
        "ik kan de huur niet betalen",
    ):
        assert "schuld" in str(read(text).query), text


def test_typos_are_corrected_with_a_suggestion(engine):
    response = engine.search("bijzondere bijstant", "oss")
    assert response.suggestion == "bijzondere bijstand"
    assert response.hits[0].scheme_id == "oss/bijzondere-bijstand"
    assert engine.search("huurtoeslg", None).hits[0].scheme_id == "landelijk/huurtoeslag"


def test_known_words_get_no_suggestion(engine):
    assert engine.search("bijzondere bijstand", "oss").suggestion is None
    # A short everyday word the schemes lack is no typo: `deur` must not become `duur`.
    assert engine.search("deurwaarder aan de deur", "nijmegen").suggestion is None


def test_everyday_words_the_schemes_lack_are_no_typos(engine):
    # `dragen` (wear) is one letter from `dagen`, `steken` from `stoken` (heating): both are real words.
    assert engine.search("kinderen dragen jassen die steken", "nijmegen").suggestion is None
    assert engine.search("huurtoeslg", None).suggestion == "huurtoeslag"


def test_question_words_and_filler_do_not_count(engine):
    plain = engine.search("huurtoeslag", "oss")
    asked = engine.search("Hoe kan ik huurtoeslag aanvragen? Waar vraag ik het aan?", "oss")
    assert [hit.scheme_id for hit in asked.hits] == [hit.scheme_id for hit in plain.hits]
    assert engine.search("hoe kan ik", "oss").total == 0


def test_spoken_function_words_do_not_count(engine):
    # `eigenlijk` stems to `eig`, as `eigen` (risico) does; `gaat` to `gat`: neither says what is needed.
    plain = engine.search("schulden", "oss")
    spoken = engine.search("Dus nee, eigenlijk gaat het gewoon niet meer. Ik zit al in de schulden.", "oss")
    assert [hit.scheme_id for hit in spoken.hits] == [hit.scheme_id for hit in plain.hits]
    assert (
        understand("eigenlijk gaat het soms even zo'n beetje", engine.lexicon, engine._current().vocabulary).words == ()
    )


def test_amounts_do_not_count(engine):
    # The schemes name amounts too; `1.300 euro` must not pull a question towards them.
    understood = understand("maximaal 700 per maand, huur is 1.300", engine.lexicon, engine._current().vocabulary)
    assert not any(word.isdigit() for word in understood.words) and "huur" in understood.words


def test_separable_verbs_are_read_as_one_word(engine):
    vocabulary = engine._current().vocabulary
    # `in te richten` is `inrichten` (furnishing, a lexicon word), not `richten`.
    assert understand("geen geld om mijn huis in te richten", engine.lexicon, vocabulary).words == (
        "geld",
        "huis",
        "inrichten",
    )
    # Joined only when the schemes or the lexicon know the whole: not `opeten`, so `eten` (food) stays.
    assert understand("niets op te eten", engine.lexicon, vocabulary).words == ("eten",)


def test_a_long_spoken_sentence_keeps_its_point(engine):
    filler = "en toen ging ik maar eens kijken want het is eigenlijk zo dat we het niet meer weten " * 2
    understood = understand(filler + "huurtoeslag", engine.lexicon, engine._current().vocabulary)
    assert understood.words == ("kijken", "kijken", "huurtoeslag")


def test_baseline_engine_has_no_understanding(engine):
    plain = SearchEngine(engine.index_dir, engine.lexicon, understands=False)
    assert plain.search("bijzondere bijstant", "oss").suggestion is None
    assert plain.search("elektriciteit", "nijmegen").total == 0


HOSTILE = [
    '"bijstand',
    "(huur",
    "huur)",
    "bijstand*",
    "?",
    "*:*",
    "huur AND NOT OR toeslag",
    "titel:huur",
    "gemeente:oss",
    "huur~2 ^3 [a TO z] {x}",
    "\\",
    "\x00\x1f\x7f",
    "😀 漢字 ‮",
    "<script>alert(1)</script>",
    "'; DROP TABLE regelingen; --",
    "x" * 10_000,
    "huur " * 2_000,
    "(" * 10_000,
    "bijstant " * 1_000,
    " ".join(f"woord{n}" for n in range(2_000)),
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_plain_words_without_error_in_bounded_time(engine, text):
    started = time.perf_counter()
    response = engine.search(text, "oss")
    assert time.perf_counter() - started < 1.0
    assert len(response.query) <= MAX_CHARACTERS
    assert response.hits or response.fallback  # never empty-handed
    assert all(hit.scheme_id.split("/")[0] in ("oss", "landelijk") for hit in response.hits)


def test_syntax_words_are_searched_as_words(engine):
    # `titel:huur` is the words `titel` and `huur`, not a field query: it still finds huurtoeslag.
    assert top(engine, "titel:huur", "oss")[0] == "landelijk/huurtoeslag"


def test_understanding_caps_the_input(engine):
    understood = understand("huur " * 1_000, engine.lexicon, engine._current().vocabulary)
    assert len(understood.text) <= MAX_CHARACTERS
    assert len(understood.query.subqueries) <= 20
