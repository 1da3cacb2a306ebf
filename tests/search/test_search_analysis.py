"""The Dutch analysis and the compound splitter: what the index and the query both see."""

from __future__ import annotations

import pytest
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.support.charset import accent_map

from search.analysis import WORD_PATTERN, dutch_analyzer, is_stop_word, stem, words
from search.compounds import CompoundSplitter
from search.lexicon import load_lexicon
from search.query import understand
from search.vocabulary import Vocabulary


def analyse(text: str) -> list[str]:
    return [token.text for token in dutch_analyzer()(text)]


def test_analyzer_lowercases_folds_accents_drops_stop_words_and_stems_in_dutch():
    assert analyse("Ik kan de Energierekening niet betalen") == ["energierek", "betal"]
    assert analyse("één café") == ["caf"]  # `een` is a stop word once the accents are folded
    assert analyse("toeslagen") == analyse("toeslag")


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("huur", "huren"),  # an English stemmer keeps these apart
        ("rekening", "rekeningen"),
        ("tandarts", "tandartsen"),  # Snowball alone: tandart / tandarts
        ("bril", "brillen"),  # Snowball alone: bril / brill
        ("zwemles", "zwemlessen"),
        ("premie", "premies"),  # Snowball alone keeps the -s after a vowel
        ("schoolreisje", "schoolreisjes"),
        ("inkomen", "inkomens"),
    ],
)
def test_singular_and_plural_meet(singular, plural):
    assert stem(singular) == stem(plural)


def test_query_syntax_characters_are_just_separators():
    typed = '"bijstand*" (AND) NOT veld:waarde? \\ ~2 ^3'
    assert words(typed) == ["bijstand", "and", "not", "veld", "waarde", "2", "3"]


@pytest.mark.parametrize(
    "text",
    [
        "Ik kan de Energierekening NIET betalen!",
        "één café, São Paulo",
        "zo'n 700 euro?",
        "İstanbul ǅemal ß",
        "",
        "  -*- ",
    ],
)
def test_words_are_the_analyzers_first_steps(text):
    # words() reads strings; the index reads Whoosh tokens: both must give the same words.
    tokens = CharsetFilter(accent_map)(LowercaseFilter()(RegexTokenizer(WORD_PATTERN)(text)))
    assert words(text) == [token.text for token in tokens]


def test_words_keeps_stop_words_for_phrase_matching():
    assert words("Kan ik de huur") == ["kan", "ik", "de", "huur"]
    assert is_stop_word("ik") and not is_stop_word("huur")


@pytest.fixture
def splitter() -> CompoundSplitter:
    return CompoundSplitter(
        ["energie", "rekening", "tandarts", "kosten", "zwemles", "geld"]
        + ["kind", "opvang", "toeslag", "inkomen", "bij", "stand"]
    )


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("energierekening", ("energie", "rekening")),
        ("tandartskosten", ("tandarts", "kosten")),  # linking s
        ("zwemlesgeld", ("zwemles", "geld")),
        ("inkomenstoeslag", ("inkomen", "toeslag")),
        ("kinderopvang", ("kind", "opvang")),  # linking er
    ],
)
def test_compounds_meet_their_parts(splitter, word, parts):
    assert splitter.split(word) == parts


@pytest.mark.parametrize("word", ["energie", "bijstand", "xyzxyzxyz", "a" * 200, ""])
def test_no_split_for_known_words_stop_word_parts_or_nonsense(splitter, word):
    # `bij` is a stop word, so `bijstand` is not `bij` + `stand`.
    assert splitter.split(word) == ()


def test_parts_go_all_the_way_down():
    splitter = CompoundSplitter(["kinderopvang", "kind", "opvang", "toeslag"])
    assert splitter.split("kinderopvangtoeslag") == ("kinderopvang", "toeslag")
    assert splitter.parts("kinderopvangtoeslag") == ("kinderopvang", "kind", "opvang", "toeslag")


@pytest.mark.parametrize(
    ("word", "end"),
    [
        ("energiebeest", "energie"),  # a known start, an unknown rest
        ("bijzondertandarts", "tandarts"),  # a known end
        ("kindput", None),  # `kind` is too short to stand for the word
        ("zwemles", None),  # nothing left over: no compound
        ("xyzxyzxyz", None),
    ],
)
def test_an_unknown_compound_is_read_by_its_longest_known_end(splitter, word, end):
    assert splitter.known_end(word) == end


def test_an_unknown_compound_finds_the_schemes_of_its_known_part():
    vocabulary = Vocabulary({"schuld"}, {"schulden": 1})
    understood = understand("schuldenput", load_lexicon(), vocabulary)
    assert understood.query is not None and "schuld" in str(understood.query)
