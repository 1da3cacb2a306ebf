"""Guides adapt to the person (no DigiD, steps done), and a plan groups shared papers and desks."""

from __future__ import annotations

import pytest
from coachapp import CARE, COACH_DATA, EXTRA, TAX

from regelingen.catalog import load_catalog
from regelingen.coach.guides import build_guide, paper_key, papers
from regelingen.coach.plan import Plan
from regelingen.coach.trips import also_for, paper_kinds, shared_papers, trips


@pytest.fixture(scope="module")
def schemes():
    """The coach fixture schemes by id."""
    catalog = load_catalog(COACH_DATA)
    assert not catalog.errors
    return catalog.schemes


def plan(*pairs):
    return Plan.from_query([("r", TAX), ("r", EXTRA), ("r", CARE), *pairs])


def test_guide_numbers_every_step_and_lists_papers_once(schemes):
    guide = build_guide(schemes[TAX], plan())
    assert [(step.number, step.index) for step in guide.steps] == [(1, 1), (2, 2), (3, 3)]
    assert [item.text for item in guide.checklist] == [
        "Uw identiteitsbewijs",
        "Bewijs van uw inkomen",
        "Bankafschriften van de laatste 3 maanden",
    ]
    assert [item.from_bank for item in guide.checklist] == [False, False, True]
    assert [step.assignable for step in guide.steps] == [True, True, False]


def test_when_nobody_said_the_digid_step_shows_the_other_way_too(schemes):
    step = build_guide(schemes[TAX], plan()).steps[0]
    assert step.what == "Vraag de kwijtschelding online aan met DigiD."
    assert step.digid.mode == "also"
    assert step.digid.alternative.startswith("Vraag een formulier op papier")


def test_without_digid_the_alternative_replaces_the_step(schemes):
    guide = build_guide(schemes[TAX], plan(("heb", "bankapp")))
    assert guide.lacks_digid
    step = guide.steps[0]
    assert step.what.startswith("Vraag een formulier op papier aan bij de balie")
    assert step.digid.mode == "instead" and step.digid.original == "Vraag de kwijtschelding online aan met DigiD."


def test_without_digid_and_without_alternative_the_scheme_offers_its_other_routes(schemes):
    guide = build_guide(schemes[EXTRA], plan(("heb", "niets")))
    step = guide.steps[1]
    assert step.digid.mode == "instead" and step.digid.alternative is None
    assert step.what == "Vul het aanvraagformulier in op de website."
    route = guide.other_route
    assert route.paper_form and route.phone == "14 0412" and not route.desk


def test_with_digid_there_is_no_detour(schemes):
    guide = build_guide(schemes[TAX], plan(("heb", "digid")))
    assert guide.steps[0].digid is None


def test_done_steps_are_left_out_and_the_rest_renumbered(schemes):
    guide = build_guide(schemes[EXTRA], plan(("klaar", f"{EXTRA}.1"), ("klaar", f"{EXTRA}.2")))
    assert [(step.number, step.index) for step in guide.steps] == [(1, 3), (2, 4)]
    assert [step.what for step in guide.done] == [schemes[EXTRA].steps[0].what, schemes[EXTRA].steps[1].what]
    # The offer was only needed for the step that is done.
    assert "Een offerte of prijsopgave van de kosten" not in [item.text for item in guide.checklist]


def test_who_and_when_reach_the_step(schemes):
    notes = ((f"wie.{CARE}.2", "ander"), (f"door.{CARE}.2", "mijn zus"), (f"wanneer.{CARE}.2", "vrijdag"))
    guide = build_guide(schemes[CARE], plan(*notes))
    note = guide.steps[1].note
    assert (note.who, note.by, note.when) == ("ander", "mijn zus", "vrijdag")


def test_papers_compare_without_case_and_punctuation(schemes):
    assert paper_key("Uw BSN!") == paper_key("uw  bsn")
    assert len(papers(schemes[CARE])) == 3


def test_paper_kinds_by_words_and_unknown_papers_are_their_own_kind():
    assert paper_kinds("Een geldig paspoort of ID-kaart") == ("identiteitsbewijs",)
    assert set(paper_kinds("Gegevens over uw inkomen, spaargeld en eventuele auto")) == {"inkomen", "spaargeld"}
    assert paper_kinds("Het LRK-nummer van de opvang") == ("het lrk nummer van de opvang",)


def test_papers_that_several_schemes_need_are_listed_once(schemes):
    asked = plan()
    guides = [build_guide(schemes[scheme_id], asked) for scheme_id in asked.schemes]
    shared = shared_papers(guides)
    assert [paper.kind for paper in shared] == ["inkomen"]
    income = shared[0]
    assert [scheme.id for scheme in income.schemes] == [TAX, EXTRA, CARE]
    assert income.texts == (
        "Bewijs van uw inkomen",
        "Gegevens over uw inkomen (en dat van uw partner)",
        "Een schatting van uw inkomen dit jaar",
    )
    others = also_for("Bewijs van uw inkomen", schemes[TAX], shared)
    assert [scheme.id for scheme in others] == [EXTRA, CARE]
    assert also_for("Uw identiteitsbewijs", schemes[TAX], shared) == []


def test_one_call_serves_schemes_with_the_same_phone_number(schemes):
    asked = plan()
    guides = [build_guide(schemes[scheme_id], asked) for scheme_id in asked.schemes]
    found = trips(guides)
    assert len(found) == 1
    trip = found[0]
    assert (trip.place, trip.phone) == ("Gemeente Oss", "14 0412")
    assert [(stop.scheme.id, [step.index for step in stop.steps]) for stop in trip.stops] == [(TAX, [2]), (EXTRA, [1])]


def test_a_single_scheme_makes_no_trips_or_shared_papers(schemes):
    guides = [build_guide(schemes[TAX], plan())]
    assert trips(guides) == [] and shared_papers(guides) == []
