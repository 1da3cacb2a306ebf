"""Round-trip YAML for the staff form: an unchanged save is byte-identical, changes keep comments and unknown keys."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from staff.edit import roundtrip

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "data" / "schemes").rglob("*.yaml"))

SAMPLE = """# yaml-language-server: $schema=../../../schema/regeling.schema.json
titel: Voorbeeld  # de naam op de site
samenvatting: >-
  Een korte tekst over de regeling die over twee regels
  loopt in het bestand.
eigen_veld: {iets: 'blijft staan'}
stappen:
  # eerst bellen
  - tekst: "Bel de gemeente."
  - tekst: Vul het formulier in.
  - tekst: Wacht op de brief.
bedragen: {jaar: 2024, bedrag: 100}
"""


def test_there_are_scheme_files() -> None:
    assert len(FILES) > 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_unchanged_save_is_byte_identical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = roundtrip.load(text)
    roundtrip.apply(document, yaml.safe_load(text))
    assert roundtrip.dump(document) == text


def test_a_change_keeps_comments_unknown_keys_and_the_schema_line() -> None:
    document = roundtrip.load(SAMPLE)
    roundtrip.apply(document, {"titel": "Nieuwe naam", "bedragen": {"jaar": 2027, "bedrag": 120}})
    text = roundtrip.dump(document)
    assert text.startswith("# yaml-language-server: $schema=../../../schema/regeling.schema.json\n")
    assert "titel: Nieuwe naam # de naam op de site\n" in text  # the comment keeps its column where it can
    assert "eigen_veld: {iets: 'blijft staan'}\n" in text
    assert "# eerst bellen" in text
    assert "bedragen: {jaar: 2027, bedrag: 120}\n" in text
    assert (
        "samenvatting: >-\n  Een korte tekst over de regeling die over twee regels\n  loopt in het bestand.\n" in text
    )


def test_only_the_changed_line_differs() -> None:
    document = roundtrip.load(SAMPLE)
    roundtrip.apply(
        document,
        {
            "stappen": [
                {"tekst": "Bel de gemeente."},
                {"tekst": "Vul het nieuwe formulier in."},
                {"tekst": "Wacht op de brief."},
            ]
        },
    )
    changed = [pair for pair in zip(SAMPLE.splitlines(), roundtrip.dump(document).splitlines()) if pair[0] != pair[1]]
    assert changed == [("  - tekst: Vul het formulier in.", "  - tekst: Vul het nieuwe formulier in.")]


def test_a_changed_folded_text_stays_folded() -> None:
    document = roundtrip.load(SAMPLE)
    roundtrip.apply(document, {"samenvatting": "Een andere tekst. " * 10})
    text = roundtrip.dump(document)
    assert "samenvatting: >-\n" in text
    assert all(len(line) <= 90 for line in text.splitlines())
    assert str(roundtrip.load(text)["samenvatting"]).split() == ("Een andere tekst. " * 10).split()


def test_list_items_added_removed_and_reordered() -> None:
    document = roundtrip.load(SAMPLE)
    steps = [{"tekst": "Wacht op de brief."}, {"tekst": "Bel de gemeente."}, {"tekst": "Bewaar de brief."}]
    roundtrip.apply(document, {"stappen": steps})
    again = roundtrip.load(roundtrip.dump(document))
    assert [dict(step) for step in again["stappen"]] == steps
    assert 'tekst: "Bel de gemeente."' in roundtrip.dump(document)
    assert "Vul het formulier in." not in roundtrip.dump(document)


def test_none_removes_a_key_and_a_new_key_is_added() -> None:
    document = roundtrip.load(SAMPLE)
    roundtrip.apply(document, {"bedragen": None, "voor_wie": "Iedereen met een laag inkomen."})
    again = roundtrip.load(roundtrip.dump(document))
    assert "bedragen" not in again
    assert again["voor_wie"] == "Iedereen met een laag inkomen."
    assert again["eigen_veld"] == {"iets": "blijft staan"}


def test_dates_from_the_form_keep_the_plain_date_style() -> None:
    document = roundtrip.load("gecontroleerd_op: 2026-11-21\nstatus: actief\n")
    roundtrip.apply(document, {"gecontroleerd_op": "2026-11-21"})
    assert roundtrip.dump(document) == "gecontroleerd_op: 2026-11-21\nstatus: actief\n"
    roundtrip.apply(document, {"gecontroleerd_op": "2027-01-02"})
    assert roundtrip.dump(document) == "gecontroleerd_op: 2027-01-02\nstatus: actief\n"
