"""Split ranked hits into the strong answer and weaker extras, from the shape of the scores alone."""

from __future__ import annotations

from collections.abc import Sequence

from search.results import Hit

# A hit stays in the answer while its score is at least this share of the top score.
# 0.75 was tuned on dev-, extra- and tuning-queries (the smallest share with answer precision
# >= 0.8 on all three, answer recall unchanged from 0.8); real-queries.yaml was not used.
STRONG_SHARE = 0.75


def strong_count(hits: Sequence[Hit], share: float = STRONG_SHARE) -> int:
    """How many leading hits form the answer: the top one, and each next one close enough to it."""
    if not hits:
        return 0
    floor = hits[0].score * share
    count = 1
    for hit in hits[1:]:
        if hit.score < floor:
            break
        count += 1
    return count
