"""English plurals and verb forms are read as the base form the lexicon has; Dutch words stay Dutch."""

from __future__ import annotations

import pytest

from search.english import base_forms, with_apostrophes
from tests.search.reading import reader


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("debts", "debt"),
        ("studies", "study"),
        ("taxes", "tax"),
        ("moving", "move"),
        ("shopping", "shop"),
        ("travelled", "travel"),
        ("seized", "seize"),
    ],
)
def test_regular_endings_give_the_base_form(word, base):
    assert base in base_forms(word)


@pytest.mark.parametrize("word", ["bus", "glass", "paid", "used"])
def test_words_without_a_regular_ending_have_no_base_form(word):
    # Too short once stripped, a double s, or irregular: those need an entry of their own.
    assert base_forms(word) == ()


def test_contractions_typed_without_apostrophe_read_as_with_one():
    assert with_apostrophes(["i", "cant", "pay", "dont", "know"]) == ["i", "can", "t", "pay", "don", "t", "know"]
    assert with_apostrophes(["kant", "wont", "huur"]) == ["kant", "wont", "huur"]  # Dutch words stay


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    """Read a text with a small lexicon of English entries, on an index of the fixture schemes."""
    return reader(
        tmp_path_factory.mktemp("lexicon"),
        "engels:\n  entrepreneur: [energie]\n  train: [huurtoeslag]\n  debt: [schulden]\n  study: [energie]\n",
    )


def test_an_english_plural_finds_the_entry_for_its_base_form(read):
    understood = read("entrepreneurs with debts")
    assert understood.words == ("entrepreneur", "debt")
    assert "inhoud:energie" in str(understood.query) and "inhoud:schuld" in str(understood.query)
    assert understood.suggestion is None  # nothing to correct: the person typed real words


def test_a_dutch_word_is_not_read_as_english(read):
    # `trains` is only English, so it is `train`; `training` is in real use in Dutch too, so it stays itself.
    assert "huurtoeslag" in str(read("trains").query)
    assert "huurtoeslag" not in str(read("een training").query)


def test_a_word_in_both_languages_is_read_as_english_in_an_english_question(read):
    # `studies` is in real use in both languages: in a Dutch question it stays, in an English one it is `study`.
    assert "energie" not in str(read("studies en werk").query)
    assert "energie" in str(read("my studies are too expensive").query)
