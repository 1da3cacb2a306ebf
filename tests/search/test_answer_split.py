"""The answer is the top hit and those close to it; a clear drop starts the weaker ones."""

from search.answer_split import strong_count
from search.results import Hit


def _hits(*scores: float) -> list[Hit]:
    return [Hit(f"s{rank}", score) for rank, score in enumerate(scores)]


def test_no_hits_no_answer() -> None:
    assert strong_count([]) == 0


def test_a_clear_drop_ends_the_answer() -> None:
    assert strong_count(_hits(10.0, 9.0, 3.0, 2.9)) == 2


def test_close_scores_all_stay_in_the_answer() -> None:
    assert strong_count(_hits(5.0, 4.9, 4.8)) == 3


def test_the_top_hit_is_always_the_answer() -> None:
    assert strong_count(_hits(8.0, 1.0)) == 1


def test_a_step_down_ends_the_answer_even_close_to_the_top() -> None:
    # 8.5 is within 80 % of the top but a clear step below 9.9: the answer is the two at the top.
    assert strong_count(_hits(10.0, 9.9, 8.5, 8.4)) == 2
