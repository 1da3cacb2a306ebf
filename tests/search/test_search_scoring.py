"""The term-at-a-time scorer ranks and scores exactly as Whoosh's own matcher trees do."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.query import And, AndMaybe, Every, Query, Term

from regelingen.catalog import load_catalog
from search.combine import AnyOf
from search.engine import OWN_BONUS, SearchEngine
from search.index import FIELD, build_index
from search.lexicon import load_lexicon
from search.query import understand
from search.scoring import Scorer, weighting

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"
QUESTIONS = (
    "money for my child's sports club",
    "geen geld voor de tandarts",
    "stroom rekening schulden bus",
    "huurtoeslag",
    "ik kan de energierekening niet betalen",
    "bril kapot",
    "tandartskostenn",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> SearchEngine:
    """An engine on an index of the fixture schemes, with the real lexicon, answers never reused."""
    index_dir = tmp_path_factory.mktemp("index")
    lexicon = load_lexicon()
    build_index(load_catalog(FIXTURES).schemes.values(), index_dir, lexicon.words)
    return SearchEngine(index_dir, lexicon, recent_size=0)


def whoosh_query(query: Query, municipality: str | None, category: str | None) -> Query:
    """The same search as one Whoosh query: scope clauses without score, own schemes first."""
    places = [municipality, "landelijk"] if municipality else ["landelijk"]
    required = [query, AnyOf([Term("gemeente", place, boost=0) for place in places])]
    if category:
        required.append(Term("categorie", category, boost=0))
    return AndMaybe(And(required), Term("gemeente", municipality or "landelijk", boost=OWN_BONUS))


@pytest.mark.parametrize("municipality", ["oss", "nijmegen", None])
@pytest.mark.parametrize("category", [None, "zorg"])
def test_the_scorer_gives_whooshs_ranking_and_scores(engine, municipality, category):
    generation = engine._current()
    with generation.index.searcher(weighting=weighting()) as searcher:
        for text in QUESTIONS:
            query = understand(text, engine.lexicon, generation.vocabulary).query
            expected = searcher.search(whoosh_query(query, municipality, category), limit=None, optimize=False)
            response = engine.search(text, municipality, category, limit=50)
            assert [(hit.scheme_id, hit.score) for hit in response.hits] == [
                (hit["id"], round(hit.score, 4)) for hit in expected
            ][:50], text
            assert response.total == len(expected)


def test_a_category_alone_lists_its_schemes_in_whooshs_order(engine):
    generation = engine._current()
    with generation.index.searcher(weighting=weighting()) as searcher:
        results = searcher.search(whoosh_query(Every(), "oss", "zorg"), limit=None, optimize=False)
        expected = [hit["id"] for hit in results]
    response = engine.search("", "oss", "zorg", limit=50)
    assert [hit.scheme_id for hit in response.hits] == expected
    assert response.hits


def test_preloading_reads_the_most_common_terms_within_the_budget(engine):
    """A generation opens with its postings read, most common terms first, never past the budget."""
    generation = engine._current()
    scorer = Scorer(generation.index)
    with generation.index.reader() as reader:
        frequencies = sorted((reader.doc_frequency(FIELD, text) for text in reader.lexicon(FIELD)), reverse=True)
    assert scorer.preload(FIELD, budget=0) == 0
    small = scorer.preload(FIELD, budget=sum(frequencies[:3]))
    assert small == sum(frequencies[:3])
    assert Scorer(generation.index).preload(FIELD) == sum(frequencies)  # the fixture data fits the default budget


def test_a_preloaded_scorer_scores_as_one_that_reads_on_demand(engine):
    generation = engine._current()
    cold, preloaded = Scorer(generation.index), Scorer(generation.index)
    preloaded.preload(FIELD)
    for text in QUESTIONS:
        query = understand(text, engine.lexicon, generation.vocabulary).query
        assert preloaded.matches(query) == cold.matches(query), text


def test_opening_a_generation_preloads_in_the_background(engine):
    generation = engine._current()
    scorer = Scorer(generation.index)
    scorer.preload_in_background(FIELD).join(timeout=10)
    with generation.index.reader() as reader:
        first = max(reader.lexicon(FIELD), key=lambda text: reader.doc_frequency(FIELD, text)).decode("utf-8")
    assert scorer._kept(((Term, FIELD, first), None)) is not None
