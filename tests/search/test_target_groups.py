"""A scheme only for one group (the elderly, students, children) counts less when the question does not name it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regelingen.catalog import load_catalog
from search.engine import GROUP_SHARE, SearchEngine
from search.index import build_index, target_groups
from search.lexicon import LexiconError, load_lexicon

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> SearchEngine:
    """The fixture schemes plus a copy of Oss's `meedoen` that is only for families with children."""
    data = tmp_path_factory.mktemp("schemes")
    shutil.copytree(FIXTURES, data, dirs_exist_ok=True)
    text = (data / "oss" / "meedoen.yaml").read_text(encoding="utf-8")
    children_only = text.replace("titel: Meedoen is belangrijk", "titel: Meedoen voor gezinnen")
    children_only = children_only.replace(
        "    - U heeft een laag inkomen.\n", "    - U heeft een laag inkomen.\n  kinderen_nodig: true\n"
    )
    (data / "oss" / "meedoen-gezin.yaml").write_text(children_only, encoding="utf-8")
    catalog = load_catalog(data)
    assert target_groups(catalog.schemes["oss/meedoen-gezin"]) == ["kinderen"]
    index_dir = tmp_path_factory.mktemp("index")
    lexicon = load_lexicon()
    build_index(catalog.schemes.values(), index_dir, lexicon.words)
    return SearchEngine(index_dir, lexicon)


def _scores(engine: SearchEngine, text: str) -> dict[str, float]:
    return {hit.scheme_id: hit.score for hit in engine.search(text, "oss").hits}


def test_a_group_scheme_counts_less_when_the_question_names_no_one_of_that_group(engine):
    scores = _scores(engine, "zwemles betalen")
    assert scores["oss/meedoen-gezin"] == pytest.approx(scores["oss/meedoen"] * GROUP_SHARE, rel=0.01)


@pytest.mark.parametrize("text", ["zwemles voor mijn dochter", "zwemles voor de kinderen", "kinderzwemles betalen"])
def test_naming_the_group_in_any_form_lifts_the_penalty(engine, text):
    scores = _scores(engine, text)
    assert scores["oss/meedoen-gezin"] == pytest.approx(scores["oss/meedoen"], rel=0.01)


def test_filler_names_no_group(engine):
    # `what kind` is filler: the English `kind` (sort) is not the Dutch `kind` (child).
    scores = _scores(engine, "what kind of zwemles")
    assert scores["oss/meedoen-gezin"] == pytest.approx(scores["oss/meedoen"] * GROUP_SHARE, rel=0.01)


def test_a_function_word_in_a_cue_phrase_is_no_cue(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("doelgroepen:\n  ouderen: [ouder dan]\n", encoding="utf-8")
    assert load_lexicon(path).group_cues["ouderen"] == frozenset({"ouder"})


def test_the_lexicon_only_knows_the_groups_the_schemes_have(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("doelgroepen:\n  honden: [hond]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'doelgroepen' kent 'honden' niet"):
        load_lexicon(path)
