"""Score a query term at a time over remembered postings: Whoosh's scores, without its matcher trees.

A question becomes a tree of 20 to 100 terms (meanings, compound parts, corrections). Whoosh answers it by
building a tree of matchers, one per node, and walking all of them document by document: on this corpus
that costs about 90 % of a search, mostly in building the trees. Here each leaf (a Term, Every or Prefix)
is read once per index generation through Whoosh's own matcher and BM25F scorer, as {document: score}
within the municipality's scope, and remembered; the tree is then combined with dictionaries. The
combinations are those of Whoosh's matchers (AnyOf sums, BestOf takes the best plus a tiebreak share of
the rest, And intersects and sums, AndMaybe adds the optional part), so the ranking is the same.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable

from cachetools import LRUCache
from whoosh.index import Index
from whoosh.query import And, AndMaybe, DisjunctionMax, Or, Query, Term
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

Scores = dict[int, float]
# Remembered postings per generation, counted in (document, score) pairs: about 100 bytes each, so at
# most some 30 MB per worker however large the corpus.
MAX_POSTINGS = 300_000
# Postings read in the background when a generation opens, the most common terms first, so that a worker
# rarely reads a word from the index during a request (a new word cost a cold results page about 0.14 ms).
# This site's data has about 7,000 in all (read in about 0.1 s); at national size the budget stops it early.
PRELOAD_POSTINGS = 50_000
# Combined scores of a question's parts (a word with its meanings and compound parts, a BestOf) per scope,
# counted in (document, score) pairs like the postings: a new question mostly has words asked before.
MAX_COMBINED = 100_000
# BM25F's saturation of repeated words (Whoosh's default is 1.2). Higher lets a need that a scheme names in its
# title, search terms and summary alike count for more than one word it mentions once; chosen with the weights
# in search.query on the real-people sets.
K1 = 2.0


def weighting() -> BM25F:
    """The scoring of one term in one document."""
    return BM25F(K1=K1)


class Scorer:
    """Scores query trees on one index generation; thread-safe (Whoosh reads happen under a lock)."""

    def __init__(self, index: Index):
        self._searcher: Searcher = index.searcher(weighting=weighting())
        self._context = self._searcher.context()
        self._lock = threading.Lock()
        self._leaves: LRUCache[tuple, Scores] = LRUCache(MAX_POSTINGS, getsizeof=len)
        self._combined: LRUCache[tuple, tuple[Query, Scores]] = LRUCache(
            MAX_COMBINED, getsizeof=lambda kept: len(kept[1]) + 1
        )
        self.ids = {document: fields["id"] for document, fields in self._searcher.reader().iter_docs()}

    def preload(self, fieldname: str, budget: int = PRELOAD_POSTINGS) -> int:
        """Read and keep the postings of the field's most common terms while they fit in `budget`
        (document, score) pairs; return how many pairs were read."""
        with self._lock:
            reader = self._searcher.reader()
            terms = sorted(
                ((reader.doc_frequency(fieldname, text), text) for text in reader.lexicon(fieldname)), reverse=True
            )
        read = 0
        for frequency, text in terms:
            if read + frequency > budget:
                break
            read += len(self._leaf(Term(fieldname, text.decode("utf-8")), None))
        return read

    def preload_in_background(self, fieldname: str) -> threading.Thread:
        """`preload` in a daemon thread, so that opening a generation (and the request that opens it) never
        waits for it; searches meanwhile read what they need, as they would without it."""
        thread = threading.Thread(target=self._preload_quietly, args=(fieldname,), name="postings", daemon=True)
        thread.start()
        return thread

    def _preload_quietly(self, fieldname: str) -> None:
        try:
            self.preload(fieldname)
        except Exception:  # an index pruned or closed meanwhile: nothing is lost, searches read on demand
            return

    def matches(self, query: Query, scope: frozenset[int] | None = None) -> Scores:
        """{document number: score} of every document in `scope` (None: all) that `query` matches."""
        return _Combiner(
            lambda leaf: self._leaf(leaf, scope), lambda node, combine: self._remembered(node, scope, combine)
        ).scores(query)

    def documents(self, query: Query) -> frozenset[int]:
        """The documents `query` matches, unscored (for the scope filters)."""
        return frozenset(self.matches(query))

    def _leaf(self, query: Query, scope: frozenset[int] | None) -> Scores:
        """A Term, Every or Prefix within `scope`, scaled by its boost.

        Its postings over all documents are read through Whoosh once (boost 1); the part within a scope
        is taken from them once more, by walking the smaller of the two (a municipality's scope is small
        even when the corpus is national).
        """
        term = (type(query), getattr(query, "fieldname", None), getattr(query, "text", None))
        found = self._kept((term, scope))
        if found is None:
            everywhere = self._kept((term, None))
            if everywhere is None:
                plain = copy.copy(query)  # Whoosh's with_boost deep-copies: slow on every search
                plain.boost = 1.0
                everywhere = self._keep((term, None), self._read(plain))
            found = everywhere if scope is None else self._keep((term, scope), _within(everywhere, scope))
        if query.boost == 1.0:
            return found
        return {document: score * query.boost for document, score in found.items()}

    def _remembered(self, node: Query, scope: frozenset[int] | None, combine: Callable[[], Scores]) -> Scores:
        """The scores of `node` (one of the query parts the Reader remembers per word) within `scope`,
        combined once. Kept by identity: the Reader gives the same object for the same word, and an entry
        counts only while it holds that very object (a new object at a reused address is not mistaken for it).
        """
        key = (id(node), scope)
        with self._lock:
            kept = self._combined.get(key)
        if kept is not None and kept[0] is node:
            return kept[1]
        scores = combine()
        with self._lock:
            self._combined[key] = (node, scores)
        return scores

    def _kept(self, key: tuple) -> Scores | None:
        with self._lock:
            return self._leaves.get(key)

    def _keep(self, key: tuple, scores: Scores) -> Scores:
        with self._lock:
            self._leaves[key] = scores
        return scores

    def _read(self, query: Query) -> Scores:
        """Each matching document's score as Whoosh's collector sees it, leaf segment by leaf segment."""
        found: Scores = {}
        with self._lock:
            for leaf, offset in self._searcher.leaf_searchers():
                matcher = query.matcher(leaf, self._context)
                while matcher.is_active():
                    found[offset + matcher.id()] = matcher.score()
                    matcher.next()
        return found


def _within(scores: Scores, scope: frozenset[int]) -> Scores:
    """The part of `scores` in `scope`."""
    if len(scope) < len(scores):
        return {document: scores[document] for document in scope if document in scores}
    return {document: score for document, score in scores.items() if document in scope}


class _Combiner:
    """Combines the leaves' scores the way Whoosh's matchers do (see the module docstring)."""

    def __init__(self, leaf: Callable[[Query], Scores], remembered: Callable[[Query, Callable[[], Scores]], Scores]):
        self.leaf = leaf
        self.remembered = remembered

    def scores(self, query: Query) -> Scores:
        if isinstance(query, DisjunctionMax):  # BestOf: a word with its alternatives, the same in every question
            return self.remembered(
                query, lambda: self._best_of([self.scores(sub) for sub in query.subqueries], query.tiebreak)
            )
        if isinstance(query, Or):  # AnyOf
            return self._boosted(query, self._sum([self.scores(sub) for sub in query.subqueries]))
        if isinstance(query, And):
            return self._boosted(query, self._intersection([self.scores(sub) for sub in query.subqueries]))
        if isinstance(query, AndMaybe):
            required, optional = self.scores(query.a), self.scores(query.b)
            return {document: score + optional.get(document, 0.0) for document, score in required.items()}
        return self.leaf(query)

    @staticmethod
    def _sum(parts: list[Scores]) -> Scores:
        if len(parts) == 1:
            return parts[0]
        total: Scores = {}
        for part in parts:
            for document, score in part.items():
                total[document] = total.get(document, 0.0) + score
        return total

    @staticmethod
    def _best_of(parts: list[Scores], tiebreak: float) -> Scores:
        """max + tiebreak × (sum − max) per document, over the alternatives that match it."""
        if len(parts) == 1:
            return parts[0]
        best: Scores = {}
        total: Scores = {}
        for part in parts:
            for document, score in part.items():
                if score > best.get(document, float("-inf")):
                    best[document] = score
                total[document] = total.get(document, 0.0) + score
        return {document: top + tiebreak * (total[document] - top) for document, top in best.items()}

    @staticmethod
    def _intersection(parts: list[Scores]) -> Scores:
        if len(parts) == 1:
            return parts[0]
        smallest = min(parts, key=len)
        common = [document for document in smallest if all(document in part for part in parts)]
        return {document: sum(part[document] for part in parts) for document in common}

    @staticmethod
    def _boosted(query: Query, scores: Scores) -> Scores:
        """A compound's own boost, applied as Whoosh does: only when it has more than one part."""
        if query.boost == 1.0 or len(query.subqueries) <= 1:
            return scores
        return {document: score * query.boost for document, score in scores.items()}


def top(scores: Scores, limit: int) -> list[tuple[int, float]]:
    """The best `limit` (document, score) pairs, ties by document number as Whoosh's collector breaks them."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]
