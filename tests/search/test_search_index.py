"""Building the index: generations, the atomic swap, freshness, failures, and rebuilds under load."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import search.index
from regelingen.catalog import load_catalog
from search.engine import IndexMissing, SearchEngine
from search.index import CURRENT, build_index, current_generation
from search.lexicon import load_lexicon

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"


@pytest.fixture(scope="module")
def schemes():
    return list(load_catalog(FIXTURES).schemes.values())


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def generations(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob("gen-*"))


def test_build_makes_a_generation_and_points_current_at_it(tmp_path, schemes, lexicon):
    generation = build_index(schemes, tmp_path, lexicon.words)
    assert os.path.islink(tmp_path / CURRENT)
    assert current_generation(tmp_path) == generation
    assert (generation / "words.json").is_file()
    assert SearchEngine(tmp_path, lexicon).search("huurtoeslag", "oss").hits[0].scheme_id == "landelijk/huurtoeslag"


def test_old_generations_are_pruned_but_the_previous_one_stays(tmp_path, schemes, lexicon):
    built = [build_index(schemes, tmp_path, lexicon.words) for _ in range(4)]
    assert generations(tmp_path) == sorted(built[-2:])


def test_a_failed_build_leaves_the_old_index_serving(tmp_path, schemes, lexicon, monkeypatch):
    good = build_index(schemes, tmp_path, lexicon.words)
    engine = SearchEngine(tmp_path, lexicon, recheck_seconds=0)
    calls = []

    def broken_document(scheme, key_words, splitter):
        calls.append(scheme)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(scheme, key_words, splitter)

    original = search.index._document
    monkeypatch.setattr(search.index, "_document", broken_document)
    with pytest.raises(OSError, match="disk full"):
        build_index(schemes, tmp_path, lexicon.words)
    assert current_generation(tmp_path) == good
    assert generations(tmp_path) == [good]  # the half-built generation is gone
    assert engine.search("huurtoeslag", "oss").hits


def test_searching_without_an_index_says_how_to_build_one(tmp_path, lexicon):
    with pytest.raises(IndexMissing, match="regelingen index"):
        SearchEngine(tmp_path, lexicon).search("huur")


def test_a_running_engine_follows_a_rebuild(tmp_path, schemes, lexicon):
    build_index([s for s in schemes if s.slug != "voedselbank"], tmp_path, lexicon.words)
    engine = SearchEngine(tmp_path, lexicon, recheck_seconds=0)
    assert "oss/voedselbank" not in [hit.scheme_id for hit in engine.search("voedselbank", "oss").hits]
    build_index(schemes, tmp_path, lexicon.words)
    assert engine.search("voedselbank", "oss").hits[0].scheme_id == "oss/voedselbank"


def test_rebuilds_while_searching_in_threads_give_no_errors_and_no_empty_results(tmp_path, schemes, lexicon):
    build_index(schemes, tmp_path, lexicon.words)
    engine = SearchEngine(tmp_path, lexicon, recheck_seconds=0)
    questions = [("huurtoeslag", "oss"), ("tandarts", "nijmegen"), ("bijstant", "oss"), ("help with rent", None)]
    errors: list[BaseException] = []
    empty: list[str] = []
    searches = 0
    done = threading.Event()

    def search_until_done() -> None:
        nonlocal searches
        while not done.is_set():
            for text, municipality in questions:
                try:
                    if not engine.search(text, municipality).hits:
                        empty.append(text)
                except BaseException as error:
                    errors.append(error)
                searches += 1

    threads = [threading.Thread(target=search_until_done) for _ in range(4)]
    for thread in threads:
        thread.start()
    rebuilds = 0
    try:
        # At least 8 rebuilds, and on until the searches have really run alongside them (a busy machine
        # gives the search threads less time per rebuild); bounded, so a broken engine still ends the test.
        while rebuilds < 8 or (searches <= 50 and rebuilds < 200):
            build_index(schemes, tmp_path, lexicon.words)
            rebuilds += 1
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert errors == [] and empty == []
    assert searches > 50
    assert len(generations(tmp_path)) == 2
