"""Run searches on the current index generation (or the one a request serves), and follow `current` when a rebuild moves it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from cachetools import LRUCache, TTLCache
from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.query import And, AndMaybe, Every, Prefix, Query, Term

from regelingen.files.schema import categories as all_categories
from regelingen.model import NATIONAL
from search.combine import AnyOf
from search.index import FIELD, SAFETY_NET, current_generation
from search.lexicon import GROUPS, Lexicon
from search.query import Reader
from search.results import Fallback, Hit, SearchResponse
from search.scoring import Scorer, Scores, top
from search.vocabulary import Vocabulary

MAX_LIMIT = 50
# Own schemes first when relevance is equal: a bonus far below any real difference in relevance.
OWN_BONUS = 0.001
# With a municipality chosen, a national safety-net fund scores this share: the municipality's own schemes
# come first, the fund after them (it helps only when they are not enough).
SAFETY_NET_SHARE = 0.7
# A scheme only for one group (the elderly, students, families with children) scores this share when the
# question does not name that group: "ik heb een beperking en veel extra kosten" is not about studying, and
# "minimum inkomen" not about the AOW. Chosen on the question sets (`make bench-search`): 0.6 raised
# success@3 on the real-people sets by up to 0.06 and lowered none; 0.4 and 0.5 cost MRR on some.
GROUP_SHARE = 0.6
FALLBACK_SIZE = 3
# Topic used for the closest schemes when no word matched at all: general help with money.
GENERAL_CATEGORY = "geld"
# Recent answers per generation: the same question asked again (as on the day a letter arrives) costs a lookup.
# Kept only in memory, for at most RECENT_SECONDS, so that no question lingers; long texts are not kept.
RECENT_SIZE = 2048
RECENT_SECONDS = 600.0
RECENT_MAX_TEXT = 200
# Generations kept open for requests that started on them: the live one and the one before.
KEEP_OPEN = 2
# Scopes (municipality × category) and topic lists kept per generation; a handful are in use.
SCOPES = 512


class IndexMissing(RuntimeError):
    """There is no index yet: run `flask --app app regelingen index`."""


@dataclass(frozen=True)
class _Generation:
    path: Path
    index: Index
    vocabulary: Vocabulary
    reader: Reader
    scorer: Scorer
    recent: TTLCache[tuple, SearchResponse] | None
    recent_lock: threading.Lock = field(default_factory=threading.Lock)
    safety_nets: frozenset[int] = frozenset()
    # Per target group: the documents of the schemes only for that group.
    group_members: dict[str, frozenset[int]] = field(default_factory=dict)
    # Per (municipality, category): the documents in scope; per municipality: the topics on offer.
    scopes: LRUCache = field(default_factory=lambda: LRUCache(SCOPES))
    scopes_lock: threading.Lock = field(default_factory=threading.Lock)

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

    def scope(self, municipality: str | None, category: str | None) -> frozenset[int]:
        """The documents a search in `municipality` (with the national ones) and `category` may find."""
        return self._kept(
            ("scope", municipality, category), lambda: self.scorer.documents(_limits(municipality, category))
        )

    def offered(self, municipality: str | None) -> tuple[str, ...]:
        """The topics that have schemes for `municipality`, in display order."""
        return self._kept(
            ("offered", municipality),
            lambda: tuple(name for name in all_categories() if self.scope(municipality, name)),
        )

    def _kept(self, key: tuple, make: Callable[[], Any]) -> Any:
        with self.scopes_lock:
            found = self.scopes.get(key)
        if found is None:
            found = make()
            with self.scopes_lock:
                self.scopes[key] = found
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
        # Generations requests still search (one request, one generation), oldest first.
        self._recent_generations: dict[Path, _Generation] = {}
        self._checked_at = 0.0

    def search(
        self,
        text: str,
        municipality: str | None = None,
        category: str | None = None,
        limit: int = 10,
        at: Path | None = None,
    ) -> SearchResponse:
        """Schemes for `text` in `municipality` (plus national ones), best first; never raises on odd input.

        With `at`, search that generation (the one the request serves its catalog from), not `current`.
        """
        limit = max(1, min(int(limit), MAX_LIMIT))
        for attempt in range(3):
            try:
                generation = self._at(at) if at is not None and attempt == 0 else self._current(force=attempt > 0)
                key = (text, municipality, category, limit)
                return generation.answer(key, partial(self._search, generation, text, municipality, category, limit))
            except (OSError, whoosh_index.EmptyIndexError):
                # The generation was pruned under us after two quick rebuilds: look again and retry.
                continue
        raise IndexMissing(f"de zoekindex in {self.index_dir} is niet leesbaar")

    def _search(
        self, generation: _Generation, text: str, municipality: str | None, category: str | None, limit: int
    ) -> SearchResponse:
        understood = generation.reader.read(text)
        user_query = understood.query or (Every() if category else None)
        hits: tuple[Hit, ...] = ()
        total = 0
        if user_query is not None:
            scores = _scored(generation, user_query, municipality, category, understood.groups)
            hits = _hits(generation, scores, limit)
            total = len(scores)
        fallback = None if hits else self._fallback(generation, understood.words, municipality, category)
        return SearchResponse(understood.text, municipality, total, understood.suggestion, hits, fallback)

    def _fallback(
        self, generation: _Generation, words: tuple[str, ...], municipality: str | None, category: str | None
    ) -> Fallback:
        """The nearest schemes by word beginnings, else general money help; plus the topics on offer."""
        loose = [Prefix(FIELD, word[:4]) for word in words[:5] if len(word) >= 4]
        closest: tuple[Hit, ...] = ()
        for query, scope in ((AnyOf(loose) if loose else None, category), (Term("categorie", GENERAL_CATEGORY), None)):
            if query is not None and not closest:
                closest = _hits(generation, _scored(generation, query, municipality, scope), FALLBACK_SIZE)
        return Fallback(closest, generation.offered(municipality))

    def _at(self, path: Path) -> _Generation:
        """The generation at `path`, opened once; the newest one opened becomes the one `_current` serves."""
        known = self._generation
        if known is not None and known.path == path:
            return known
        with self._lock:
            opened = self._opened(path)
            if path == current_generation(self.index_dir):
                self._generation = opened
            return opened

    def _opened(self, path: Path) -> _Generation:
        """The generation at `path`, opened now if it is not open yet (the caller holds the lock)."""
        if path not in self._recent_generations:
            self._recent_generations[path] = self._open(path)
            while len(self._recent_generations) > KEEP_OPEN:
                self._recent_generations.pop(next(iter(self._recent_generations)))
        return self._recent_generations[path]

    def _current(self, force: bool = False) -> _Generation:
        """The open generation, reopened when `current` moved (looked up at most once per interval)."""
        now = time.monotonic()
        if force or self._generation is None or now - self._checked_at >= self.recheck_seconds:
            with self._lock:
                path = current_generation(self.index_dir)
                if path is None:
                    raise IndexMissing(f"er is nog geen zoekindex in {self.index_dir}; bouw die met 'regelingen index'")
                if self._generation is None or self._generation.path != path:
                    self._generation = self._opened(path)
                self._checked_at = now
        return self._generation

    def _open(self, path: Path) -> _Generation:
        index = whoosh_index.open_dir(str(path))
        with index.reader() as reader:
            vocabulary = Vocabulary.load(path, reader, self.lexicon.words)
        recent: TTLCache[tuple, SearchResponse] | None = (
            TTLCache(self.recent_size, RECENT_SECONDS, timer=time.monotonic) if self.recent_size else None
        )
        reader = Reader(self.lexicon, vocabulary, plain=not self.understands)
        scorer = Scorer(index)
        scorer.preload_in_background(FIELD)
        safety_nets = scorer.documents(Term("soort", SAFETY_NET))
        members = {group: scorer.documents(Term("doelgroep", group)) for group in GROUPS}
        return _Generation(
            path, index, vocabulary, reader, scorer, recent, safety_nets=safety_nets, group_members=members
        )


def _scored(
    generation: _Generation,
    query: Query,
    municipality: str | None,
    category: str | None,
    named_groups: frozenset[str] = frozenset(GROUPS),
) -> Scores:
    """{document: score} for `query` within the scope, own schemes first when relevance is equal."""
    own_first = AndMaybe(query, Term("gemeente", municipality or NATIONAL, boost=OWN_BONUS))
    scores = generation.scorer.matches(own_first, generation.scope(municipality, category))
    if municipality and municipality != NATIONAL:
        _scale(scores, generation.safety_nets, SAFETY_NET_SHARE)
    for group, members in generation.group_members.items():
        if group not in named_groups:
            _scale(scores, members, GROUP_SHARE)
    return scores


def _scale(scores: Scores, documents: frozenset[int], share: float) -> None:
    """Multiply the scores of `documents` (those that matched) by `share`."""
    for document in documents & scores.keys():
        scores[document] *= share


def _hits(generation: _Generation, scores: Scores, limit: int) -> tuple[Hit, ...]:
    return tuple(Hit(generation.scorer.ids[document], round(score, 4)) for document, score in top(scores, limit))


def _limits(municipality: str | None, category: str | None) -> Query:
    """What limits a search: a municipality (with the national schemes) and a category.

    No municipality chosen: only what applies everywhere, never one municipality's schemes.
    """
    places = [NATIONAL] if not municipality or municipality == NATIONAL else [municipality, NATIONAL]
    limits: list[Query] = [AnyOf([Term("gemeente", place) for place in places])]
    if category:
        limits.append(Term("categorie", category))
    return And(limits)
