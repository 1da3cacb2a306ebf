"""Run searches on the current index generation, and follow `current` when a rebuild moves it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from cachetools import TTLCache
from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.query import And, AndMaybe, Every, Prefix, Query, Term
from whoosh.searching import Results, Searcher

from regelingen.files.schema import categories as all_categories
from regelingen.model import NATIONAL
from search.combine import AnyOf
from search.index import FIELD, current_generation
from search.lexicon import Lexicon
from search.query import understand
from search.results import Fallback, Hit, SearchResponse
from search.vocabulary import Vocabulary

MAX_LIMIT = 50
# Own schemes first when relevance is equal: a bonus far below any real difference in relevance.
OWN_BONUS = 0.001
FALLBACK_SIZE = 3
# Topic used for the closest schemes when no word matched at all: general help with money.
GENERAL_CATEGORY = "geld"
# Recent answers per generation: the same question asked again (as on the day a letter arrives) costs a lookup.
# Kept only in memory, for at most RECENT_SECONDS, so that no question lingers; long texts are not kept.
RECENT_SIZE = 2048
RECENT_SECONDS = 600.0
RECENT_MAX_TEXT = 200


class IndexMissing(RuntimeError):
    """There is no index yet: run `flask --app app regelingen index`."""


@dataclass(frozen=True)
class _Generation:
    path: Path
    index: Index
    vocabulary: Vocabulary
    recent: TTLCache[tuple, SearchResponse] | None
    recent_lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, key: tuple, search: Callable[[], SearchResponse]) -> SearchResponse:
        """The recent answer for `key`, else `search()` (kept when the text is short)."""
        if self.recent is None:
            return search()
        with self.recent_lock:
            found = self.recent.get(key)
        if found is None:
            found = search()
            if len(key[0]) <= RECENT_MAX_TEXT:
                with self.recent_lock:
                    self.recent[key] = found
        return found


class SearchEngine:
    """Searches one index directory; safe to share between threads, each thread gets its own searcher."""

    def __init__(
        self,
        index_dir: Path,
        lexicon: Lexicon,
        understands: bool = True,
        recheck_seconds: float = 1.0,
        recent_size: int = RECENT_SIZE,
    ):
        self.index_dir = Path(index_dir)
        self.lexicon = lexicon
        # False gives the plain BM25 baseline: typed words only, no lexicon, compounds or typo help.
        self.understands = understands
        self.recheck_seconds = recheck_seconds
        # 0 turns the recent answers off, so that benchmarks time real searches.
        self.recent_size = recent_size
        self._lock = threading.Lock()
        self._generation: _Generation | None = None
        self._checked_at = 0.0
        self._local = threading.local()

    def search(
        self, text: str, municipality: str | None = None, category: str | None = None, limit: int = 10
    ) -> SearchResponse:
        """Schemes for `text` in `municipality` (plus national ones), best first; never raises on odd input."""
        limit = max(1, min(int(limit), MAX_LIMIT))
        for attempt in range(3):
            try:
                generation = self._current(force=attempt > 0)
                key = (text, municipality, category, limit)
                return generation.answer(key, partial(self._search, generation, text, municipality, category, limit))
            except (OSError, whoosh_index.EmptyIndexError):
                # The generation was pruned under us after two quick rebuilds: look again and retry.
                self._local.__dict__.clear()
        raise IndexMissing(f"de zoekindex in {self.index_dir} is niet leesbaar")

    def _search(
        self, generation: _Generation, text: str, municipality: str | None, category: str | None, limit: int
    ) -> SearchResponse:
        understood = understand(text, self.lexicon, generation.vocabulary, plain=not self.understands)
        searcher = self._searcher(generation)
        user_query = understood.query or (Every() if category else None)
        hits: tuple[Hit, ...] = ()
        total = 0
        if user_query is not None:
            results = _run(searcher, _scoped(user_query, municipality, category), limit)
            hits = _hits(results)
            total = len(results)
        fallback = None if hits else self._fallback(searcher, understood.words, municipality, category)
        return SearchResponse(understood.text, municipality, total, understood.suggestion, hits, fallback)

    def _fallback(
        self, searcher: Searcher, words: tuple[str, ...], municipality: str | None, category: str | None
    ) -> Fallback:
        """The nearest schemes by word beginnings, else general money help; plus the topics on offer."""
        loose = [Prefix(FIELD, word[:4]) for word in words[:5] if len(word) >= 4]
        closest: tuple[Hit, ...] = ()
        for query, scope in ((AnyOf(loose) if loose else None, category), (Term("categorie", GENERAL_CATEGORY), None)):
            if query is not None and not closest:
                closest = _hits(_run(searcher, _scoped(query, municipality, scope), FALLBACK_SIZE))
        offered = [
            name
            for name in all_categories()
            if _run(searcher, _scoped(Term("categorie", name), municipality, None), 1).scored_length()
        ]
        return Fallback(closest, tuple(offered))

    def _current(self, force: bool = False) -> _Generation:
        """The open generation, reopened when `current` moved (looked up at most once per interval)."""
        now = time.monotonic()
        if force or self._generation is None or now - self._checked_at >= self.recheck_seconds:
            with self._lock:
                path = current_generation(self.index_dir)
                if path is None:
                    raise IndexMissing(f"er is nog geen zoekindex in {self.index_dir}; bouw die met 'regelingen index'")
                if self._generation is None or self._generation.path != path:
                    self._generation = self._open(path)
                self._checked_at = now
        return self._generation

    def _open(self, path: Path) -> _Generation:
        index = whoosh_index.open_dir(str(path))
        with index.reader() as reader:
            vocabulary = Vocabulary.load(path, reader, self.lexicon.words)
        recent: TTLCache[tuple, SearchResponse] | None = (
            TTLCache(self.recent_size, RECENT_SECONDS, timer=time.monotonic) if self.recent_size else None
        )
        return _Generation(path, index, vocabulary, recent)

    def _searcher(self, generation: _Generation) -> Searcher:
        """This thread's searcher on `generation`; Whoosh searchers must not be shared between threads."""
        held = getattr(self._local, "held", None)
        if held is None or held[0] is not generation:
            if held is not None:
                held[1].close()
            self._local.held = (generation, generation.index.searcher())
        return self._local.held[1]


def _run(searcher: Searcher, query: Query, limit: int) -> Results:
    """The top `limit` documents, scored exactly.

    Whoosh's block-quality skipping is off: in an And with a filter clause it can skip the very
    documents that should rank first. With the municipality clause the candidates are few anyway.
    """
    return searcher.search(query, limit=limit, optimize=False)


def _hits(results: Results) -> tuple[Hit, ...]:
    return tuple(Hit(hit["id"], round(hit.score, 4)) for hit in results)


def _scoped(query: Query, municipality: str | None, category: str | None) -> Query:
    """`query` limited to a municipality (with the national schemes) and a category, own schemes first.

    The limits are required clauses with no score, which lets Whoosh skip other documents instead
    of scoring and then dropping them (much faster than `filter=`).
    """
    required = [query]
    if municipality and municipality != NATIONAL:
        required.append(AnyOf([Term("gemeente", municipality, boost=0), Term("gemeente", NATIONAL, boost=0)]))
    else:
        # No municipality chosen: only what applies everywhere, never one municipality's schemes.
        required.append(Term("gemeente", NATIONAL, boost=0))
    if category:
        required.append(Term("categorie", category, boost=0))
    scoped = And(required) if len(required) > 1 else query
    return AndMaybe(scoped, Term("gemeente", municipality or NATIONAL, boost=OWN_BONUS))
