"""Split ranked hits into the strong answer and weaker extras, from the shape of the scores alone."""

from __future__ import annotations

from collections.abc import Sequence

from search.results import Hit

# A hit stays in the answer while its score is at least this share of the top score, and at least
# STEP_SHARE of the hit right above it: the answer ends at the first clear step down. Chosen on the dev,
# extra, tuning and real-people sets (`make bench-search`). The share alone (0.8) left the answer's
# precision at 0.61-0.72 on the newer real-people sets; with the step it is 0.73-0.76 there and 0.83-0.93 on
# the others, while the right scheme stays in the answer for 77-98 % of the questions (was 77-100 %), and
# otherwise right under it, in "Misschien ook iets voor u".
STRONG_SHARE = 0.8
STEP_SHARE = 0.9


def strong_count(hits: Sequence[Hit], share: float = STRONG_SHARE, step: float = STEP_SHARE) -> int:
    """How many leading hits form the answer: the top one, and each next one close to it and to the one above."""
    if not hits:
        return 0
    floor = hits[0].score * share
    count = 1
    for above, hit in zip(hits, hits[1:]):
        if hit.score < floor or hit.score < above.score * step:
            break
        count += 1
    return count
