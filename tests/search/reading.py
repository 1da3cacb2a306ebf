"""Reading questions with a small lexicon of the test's own, on an index of the fixture schemes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regelingen.catalog import load_catalog
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon
from search.query import Understood, understand

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"


def reader(folder: Path, lexicon_text: str) -> Callable[[str], Understood]:
    """`understand` with the lexicon `lexicon_text` and the vocabulary of an index built in `folder`."""
    path = folder / "lexicon.yaml"
    path.write_text(lexicon_text, encoding="utf-8")
    lexicon = load_lexicon(path)
    index_dir = folder / "index"
    build_index(load_catalog(FIXTURES).schemes.values(), index_dir, lexicon.words)
    vocabulary = SearchEngine(index_dir, lexicon)._current().vocabulary
    return lambda text: understand(text, lexicon, vocabulary)
