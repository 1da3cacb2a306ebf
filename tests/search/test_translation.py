"""An English word the lexicon lacks is read through its Dutch translations; Dutch words stay Dutch."""

from __future__ import annotations

import pytest

from search.translation import TranslationsError, english_to_dutch
from tests.search.reading import reader


def test_the_shipped_dictionary_translates_everyday_english():
    translations = english_to_dutch()
    assert "tandarts" in translations["dentist"]
    assert "rekening" in translations["bill"]
    assert "schuld" in translations["debt"]


def test_a_line_without_a_tab_is_refused_with_its_line_number(tmp_path):
    path = tmp_path / "engels-nederlands.tsv"
    path.write_text("# comment\ndentist\ttandarts\narrears achterstand\n", encoding="utf-8")
    with pytest.raises(TranslationsError, match=r"line 3: expected an English word, a tab"):
        english_to_dutch(path)


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    """Read a text with a lexicon without English entries, on an index of the fixture schemes."""
    read_text = reader(tmp_path_factory.mktemp("lexicon"), "woorden:\n  geen geld: [laag inkomen]\n")
    return lambda text: str(read_text(text).query)


def test_an_english_word_without_an_entry_finds_the_schemes_words(read):
    # `arrears` has no lexicon entry here; the dictionary gives `achterstand`, which a fixture scheme has.
    assert "inhoud:achterstand" in read("arrears")


def test_an_english_plural_is_translated_by_its_base_form(read):
    # `bills` is `bill`: `rekening` (stem `rek`).
    assert "inhoud:rek" in read("bills")


def test_a_word_in_both_languages_is_english_only_in_an_english_question(read):
    # `high` is also Dutch (`high tea`): alone it stays itself; in an English sentence it is `hoog`.
    assert "inhoud:hog" not in read("high")
    assert "inhoud:hog" in read("the rent is too high for my family")
