"""Crisis first (search/crisis.py): the words that show danger or acute need, in Dutch and English, and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.crisis import CRISIS_FILE, CrisisFileError, load_crisis

CRISES = load_crisis(CRISIS_FILE)


def kinds(text: str) -> list[str]:
    """The slugs of the kinds of crisis found in `text`."""
    return [kind.slug for kind in CRISES.found_in(text)]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("mijn man slaat mij", "geweld"),
        ("Mijn vriend sloeg me gisteren weer", "geweld"),
        ("ik ben bang voor mijn partner en durf niet naar huis", "geweld"),
        ("my husband hits me", "geweld"),
        ("ik wil niet meer leven", "zelfdoding"),
        ("ik denk aan zelfmoord door de schulden", "zelfdoding"),
        ("Ik wil er een einde aan maken", "zelfdoding"),
        ("I want to kill myself", "zelfdoding"),
        ("ik heb vannacht geen slaapplek", "slaapplek"),
        ("uit huis gezet wat nu", "slaapplek"),
        ("I am homeless since today", "slaapplek"),
        ("we hebben vandaag geen eten in huis", "eten"),
        ("mijn kinderen hebben honger", "eten"),
        ("we have nothing to eat", "eten"),
    ],
)
def test_each_kind_of_crisis_is_found_in_everyday_words(question, kind):
    """Dutch and English, inside longer sentences, with capitals: the kind is found."""
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "tandarts te duur",
        "huur betalen",
        "sport voor mijn kind",
        "wasmachine kapot geen geld",
        "kwijtschelding gemeentelijke belastingen",
        "bril kapot",
        "help with the forms",
        "slaapkamer schilderen",
        "etentje met vrienden",
    ],
)
def test_ordinary_questions_are_no_crisis(question):
    """A question about money or things shows no crisis help (words are matched whole, not inside others)."""
    assert kinds(question) == []


def test_the_shipped_file_has_free_help_for_violence_and_suicide():
    """Veilig Thuis and 113 are in the file, with sources, and every line has a number to call."""
    by_slug = {kind.slug: kind for kind in CRISES.kinds}
    assert "0800-2000" in [line.phone for line in by_slug["geweld"].help]
    assert "113" in [line.phone for line in by_slug["zelfdoding"].help]
    assert by_slug["geweld"].sources and by_slug["zelfdoding"].sources
    assert by_slug["slaapplek"].call_municipality and by_slug["eten"].call_municipality
    for kind in CRISES.kinds:
        assert set(kind.title) == set(kind.text) == {"nl", "en"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("geweld: [1, 2]", "'geweld' moet titel"),
        (
            "geweld:\n  titel: {nl: a, en: b}\n  tekst: {nl: a, en: b}\n  hulp: [{naam: X, telefoon: bel ons, "
            "wanneer: {nl: a, en: b}}]\n  woorden: {nl: [slaan]}\n  bronnen: []\n",
            "hulp[1].telefoon moet een nummer zijn",
        ),
        (
            "geweld:\n  titel: {nl: a}\n  tekst: {nl: a, en: b}\n  hulp: []\n  gemeente_bellen: true\n"
            "  woorden: {nl: [slaan]}\n  bronnen: []\n",
            "'geweld'.titel moet een tekst hebben voor nl en voor en",
        ),
        (
            "geweld:\n  titel: {nl: a, en: b}\n  tekst: {nl: a, en: b}\n  hulp: []\n  woorden: {nl: [slaan]}\n"
            "  bronnen: []\n",
            "noemt niemand om te bellen",
        ),
        ("geweld: [\n", "kan niet gelezen worden"),
    ],
)
def test_a_broken_file_names_the_part_to_fix(tmp_path: Path, text, message):
    """Staff edit this file: a mistake is a plain message naming the file and the part, never a crash."""
    broken = tmp_path / "crisis.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(CrisisFileError) as raised:
        load_crisis(broken)
    assert str(broken) in str(raised.value) and message in str(raised.value)
