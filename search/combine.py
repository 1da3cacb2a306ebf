"""Query combinators that score correctly in Whoosh 2.7: AnyOf (sum) and BestOf (max plus a little).

Two Whoosh bugs are worked around here. Or picks an "array" matcher on small indexes whose
max_quality is 0, so inside an And the top-N collector drops documents that should rank first.
DisjunctionMax takes the score of a sub-matcher that already sits on a later document, and drops
the tiebreak. Both classes keep valid upper bounds, so Whoosh's block skipping still works.
"""

from __future__ import annotations

from whoosh.matching import Matcher, NullMatcher, UnionMatcher
from whoosh.query import DisjunctionMax, Or
from whoosh.util import make_binary_tree


class AnyOf(Or):
    """Matches any subquery; scores the sum. Always Whoosh's binary union tree, never the array matcher."""

    matcher_type = Or.DEFAULT_MATCHER


class BestOf(DisjunctionMax):
    """Matches any alternative; scores max(alternatives) + tiebreak × the sum of the others."""

    def _matcher(self, subs, searcher, context):
        matchers = [query.matcher(searcher, context) for query in subs]
        # The nodes of one query's tree know each other (owner), so scores combine over all alternatives.
        return make_binary_tree(_BestMatcher, matchers, tiebreak=self.tiebreak, owner=object())


class _BestMatcher(UnionMatcher):
    """One node of a BestOf tree: the union of two matchers, scored by the best alternative."""

    def __init__(self, a: Matcher, b: Matcher, tiebreak: float, owner: object):
        super().__init__(a, b)
        self.tiebreak = tiebreak
        self.owner = owner

    def copy(self) -> _BestMatcher:
        return _BestMatcher(self.a.copy(), self.b.copy(), self.tiebreak, self.owner)

    def replace(self, minquality: float = 0) -> Matcher:
        # Never turn into an intersection or AndMaybe as a plain union may: those add scores.
        a_active, b_active = self.a.is_active(), self.b.is_active()
        if not (a_active or b_active):
            return NullMatcher()
        if not (a_active and b_active):
            return (self.a if a_active else self.b).replace(minquality)
        a, b = self.a.replace(), self.b.replace()
        return self if a is self.a and b is self.b else _BestMatcher(a, b, self.tiebreak, self.owner)

    def score(self) -> float:
        best, total = self._best_and_total()
        return best + self.tiebreak * (total - best)

    def _best_and_total(self) -> tuple[float, float]:
        """The best alternative's score and the sum of all alternatives on the current document."""
        current = self.id()
        best = total = 0.0
        for child in (self.a, self.b):
            if not child.is_active() or child.id() != current:
                continue
            if isinstance(child, _BestMatcher) and child.owner is self.owner:
                child_best, child_total = child._best_and_total()
            else:
                child_best = child_total = child.score()
            best, total = max(best, child_best), total + child_total
        return best, total
