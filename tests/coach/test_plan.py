"""The plan lives in its URL: parsing, the round trip, editing, and hostile values."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelingen.coach.plan import GOAL_LENGTH, MAX_SCHEMES, NOTE_LENGTH, Plan, StepNote, clean

A = "oss/kwijtschelding"
B = "landelijk/zorgtoeslag"
C = "oss/bijzondere-bijstand"


def test_reads_schemes_in_order_goal_what_is_in_place_and_notes():
    plan = Plan.from_query(
        [
            ("r", B),
            ("r", A),
            ("doel", "  Rust in   mijn hoofd "),
            ("heb", "bankapp"),
            ("heb", "lezer"),
            ("klaar", f"{A}.1"),
            (f"wie.{B}.2", "coach"),
            (f"door.{B}.2", "Sanne"),
            (f"wanneer.{B}.2", "dinsdag"),
        ]
    )
    assert plan.schemes == (B, A)
    assert plan.goal == "Rust in mijn hoofd"
    assert plan.has == {"bankapp", "lezer"}
    assert plan.is_done(A, 1) and not plan.is_done(A, 2)
    assert plan.note(B, 2) == StepNote("coach", "Sanne", "dinsdag")
    assert plan.note(B, 1) == StepNote()
    assert plan.lacks("digid") and not plan.lacks("bankapp")


def test_round_trip_gives_the_same_plan_and_a_stable_url():
    plan = Plan.from_query(
        [("r", A), ("r", B), ("doel", "Werk vinden"), ("heb", "digid"), (f"wie.{A}.1", "ik"), ("klaar", f"{B}.3")]
    )
    again = Plan.from_query(plan.to_query())
    assert again == plan
    assert again.to_query() == plan.to_query()
    assert plan.to_query()[:2] == [("r", A), ("r", B)]


def test_nothing_said_about_what_is_in_place_means_nothing_is_known_to_lack():
    assert not Plan.from_query([("r", A)]).lacks("digid")
    assert Plan.from_query([("r", A), ("heb", "niets")]).lacks("digid")
    assert Plan.from_query([("r", A), ("heb", "niets"), ("heb", "digid")]).has == {"digid"}


def test_notes_and_done_steps_only_for_schemes_in_the_plan():
    plan = Plan.from_query(
        [("r", A), ("klaar", f"{B}.1"), (f"wie.{B}.1", "ik"), (f"wie.{A}.0", "ik"), (f"wie.{A}.99", "ik")]
    )
    assert plan.done == frozenset()
    assert dict(plan.notes) == {}


def test_unknown_who_values_and_empty_notes_are_dropped():
    plan = Plan.from_query([("r", A), (f"wie.{A}.1", "de koning"), (f"wie.{A}.2", ""), (f"wanneer.{A}.2", "  ")])
    assert dict(plan.notes) == {}


def test_duplicates_and_too_many_schemes_are_cut_and_reported():
    ids = [f"oss/regeling-{number}" for number in range(MAX_SCHEMES + 3)]
    plan = Plan.from_query([("r", A), ("r", A)] + [("r", scheme_id) for scheme_id in ids])
    assert plan.schemes[0] == A and len(plan.schemes) == MAX_SCHEMES
    assert plan.too_many
    assert not Plan.from_query([("r", A), ("r", A)]).too_many


def test_moving_removing_and_adding_schemes():
    plan = Plan.from_query([("r", A), ("r", B), ("r", C), (f"wie.{B}.1", "ik"), ("klaar", f"{B}.2")])
    assert plan.moved(B, -1).schemes == (B, A, C)
    assert plan.moved(A, -1).schemes == (A, B, C)
    assert plan.moved(C, 1).schemes == (A, B, C)
    assert plan.moved("oss/onbekend", 1) == plan
    smaller = plan.without(B)
    assert smaller.schemes == (A, C) and dict(smaller.notes) == {} and smaller.done == frozenset()
    assert Plan().with_scheme(A).with_scheme(A).schemes == (A,)


def test_hostile_text_is_cut_and_loses_control_characters():
    plan = Plan.from_query(
        [
            ("r", A),
            ("doel", "x" * 5000),
            (f"door.{A}.1", "<script>alert(1)</script>\x00\x1b[31m" + "y" * 500),
            (f"wanneer.{A}.1", "na\u202eavond\nlater"),
        ]
    )
    assert len(plan.goal) == GOAL_LENGTH
    note = plan.note(A, 1)
    assert len(note.by) == NOTE_LENGTH and "\x00" not in note.by and "\x1b" not in note.by
    assert note.by.startswith("<script>")  # kept as text; the page escapes it
    assert note.when == "naavond later"


def test_unreadable_scheme_ids_are_kept_for_the_page_to_name_them():
    plan = Plan.from_query([("r", "<b>nep</b>"), ("r", ""), ("r", "   "), ("r", A)])
    assert plan.schemes == ("<b>nep</b>", A)


def test_clean_keeps_letters_of_every_script():
    assert clean("مرحبا  Привіт  zwnj\u200cword", 80) == "مرحبا Привіт zwnj\u200cword"


QUERY_KEYS = st.sampled_from(
    ["r", "doel", "heb", "klaar", f"wie.{A}.1", f"door.{B}.2", f"wanneer.{A}.3", "wie.x", "zomaar"]
)
QUERY_VALUES = st.one_of(
    st.sampled_from([A, B, C, f"{A}.1", f"{B}.2", "ik", "coach", "ander", "digid", "niets", "lezer", ""]),
    st.text(max_size=400),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(QUERY_KEYS, QUERY_VALUES), max_size=30))
def test_any_query_reads_without_error_and_round_trips(pairs):
    plan = Plan.from_query(pairs)
    assert Plan.from_query(plan.to_query()) == plan
    assert len(plan.goal) <= GOAL_LENGTH
    assert all(len(note.by) <= NOTE_LENGTH and len(note.when) <= NOTE_LENGTH for note in plan.notes.values())
    texts = (plan.goal, *plan.schemes, *(note.by + note.when for note in plan.notes.values()))
    assert not any(_control(char) for text in texts for char in text)


def _control(char: str) -> bool:
    """Characters no text from a URL may keep: controls, line breaks, unassigned, bidi overrides."""
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    return unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") or char in "\n\r\t" + bidi
