"""The staff-editable lexicon: the real file loads, entries match, mistakes get a clear message."""

from __future__ import annotations

import pytest

from search.analysis import words
from search.lexicon import LEXICON_FILE, LexiconError, load_lexicon


def write(tmp_path, text: str):
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_real_lexicon_loads_and_is_rich():
    lexicon = load_lexicon(LEXICON_FILE)
    assert len(lexicon.dutch) > 300 and len(lexicon.english) > 100 and len(lexicon.filler) > 50
    for everyday in ("stroom", "rood staan", "tandarts", "bril", "gehoorapparaat", "deurwaarder", "zwemles"):
        assert lexicon.match(words(everyday)).meanings, everyday
    for english in ("rent", "debts", "glasses", "food bank"):
        assert lexicon.match(words(english)).english, english


def test_dutch_entries_match_by_stem_and_longest_phrase_first(tmp_path):
    text = "woorden:\n  tandarts: [medische kosten]\n  rood staan: [schulden]\n  rood: [kleur]\n"
    lexicon = load_lexicon(write(tmp_path, text))
    assert lexicon.match(["tandartsen"]).meanings == (("medische", "kosten"),)
    found = lexicon.match(["rood", "staan", "bank"])
    assert (found.length, found.meanings) == (2, (("schulden",),))


def test_a_te_before_the_last_word_of_an_entry_is_passed_over(tmp_path):
    text = "woorden:\n  eindjes aan elkaar knopen: [rondkomen]\n  te duur: [kosten]\n"
    lexicon = load_lexicon(write(tmp_path, text))
    found = lexicon.match(words("eindjes aan elkaar te knopen lukt niet"))
    assert (found.length, found.meanings) == (5, (("rondkomen",),))  # the `te` is part of what it covers
    assert lexicon.match(words("eindjes aan elkaar knopen")).length == 4
    assert lexicon.match(words("te duur")).meanings == (("kosten",),)  # a `te` of the entry itself stays


def test_a_lone_function_word_never_matches_an_entry_that_shares_its_stem(tmp_path):
    # `dansen` stems to `dan`, which is also the everyday word `dan` ("then").
    lexicon = load_lexicon(write(tmp_path, "woorden:\n  dansen: [dansles]\n  toch: [iets]\n"))
    assert lexicon.match(["dansen"]).meanings == (("dansles",),)
    assert lexicon.match(["dan"]).length == 0
    assert lexicon.match(["toch"]).meanings == (("iets",),)  # written as an entry itself: it counts


def test_an_entry_as_typed_comes_before_one_that_shares_its_stem(tmp_path):
    # `ouders` (parents) and `ouderen` (the elderly) share the stem `ouder`.
    lexicon = load_lexicon(write(tmp_path, "woorden:\n  ouderen: [aow]\n  ouders: [kinderen]\n"))
    assert lexicon.match(["ouders"]).meanings == (("kinderen",),)
    assert lexicon.match(["ouderen"]).meanings == (("aow",),)


def test_english_entries_match_exactly_so_dutch_words_are_not_caught(tmp_path):
    lexicon = load_lexicon(write(tmp_path, "engels:\n  rent: huur\n"))
    assert lexicon.match(["rent"]).meanings == (("huur",),)
    assert lexicon.match(["rente"]).length == 0  # Dutch `rente` stems to `rent`


def test_weak_words_and_entries_that_mean_only_weak_words_count_as_weak(tmp_path):
    text = "engels:\n  expensive: [te duur, kosten]\n  rent: [huur, kosten]\nzwakke_woorden: [duur, kosten, geld]\n"
    lexicon = load_lexicon(write(tmp_path, text))
    assert lexicon.is_weak(("te", "duur")) and lexicon.is_weak(("geld",))
    assert lexicon.is_weak(("expensive",))  # means only weak words: as weak as `te duur`
    assert not lexicon.is_weak(("rent",))  # `huur` says what it is about
    assert not lexicon.is_weak(("huur", "kosten")) and not lexicon.is_weak(("de",))


def test_filler_matches_with_no_meaning(tmp_path):
    lexicon = load_lexicon(write(tmp_path, "vulwoorden: [hoe, waar vraag ik]\n"))
    found = lexicon.match(["waar", "vraag", "ik", "huurtoeslag"])
    assert (found.length, found.meanings) == (3, ())


def test_lexicon_words_are_dutch_only(tmp_path):
    text = "woorden:\n  stroom: [energie]\nengels:\n  power: [energie]\nwoorddelen: [kosten]\n"
    lexicon = load_lexicon(write(tmp_path, text))
    assert lexicon.words == {"stroom", "energie", "kosten"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("woorden: [stroom]\n", "'woorden' moet een lijst zijn"),
        ("woorden:\n  stroom:\n", "'woorden.stroom' moet een of meer woorden hebben"),
        ("woorden:\n  stroom: [1, 2]\n", "'woorden.stroom' moet een of meer woorden hebben"),
        ("vulwoorden: [hoe, no]\n", "zet dit woord tussen aanhalingstekens"),
        ("vulwoorden: hoe\n", "'vulwoorden' moet een lijst met woorden zijn"),
        ("synoniemen: {}\n", "alleen deze onderdelen"),
        ("woorden:\n  '?!': [energie]\n", "bevat geen woorden"),
        ("woorden: [unclosed\n", "kan niet gelezen worden"),
    ],
)
def test_mistakes_name_the_entry(tmp_path, text, message):
    with pytest.raises(LexiconError, match=message):
        load_lexicon(write(tmp_path, text))
