"""Validation messages of a proposed scheme text land on the form field they are about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regelingen.files.problems import Problem
from regelingen.files.validate import check_text
from staff.edit import roundtrip
from staff.edit.problems import TOP, dotted, form_problems, placed

ROOT = Path(__file__).resolve().parents[2]
SCHEME = ROOT / "data" / "schemes" / "landelijk" / "huurtoeslag.yaml"
TODAY = date(2026, 12, 5)


def test_dotted_names_count_from_zero() -> None:
    assert dotted("aanvragen.stappen[2].wat") == "aanvragen.stappen.1.wat"
    assert dotted("bronnen[1]") == "bronnen.0"
    assert dotted("") == ""


def test_a_good_file_has_no_errors() -> None:
    assert not form_problems(SCHEME.read_text("utf-8"), "landelijk", SCHEME.name, TODAY)


def test_a_wrong_date_and_a_short_step_show_on_their_fields() -> None:
    document = roundtrip.load(SCHEME.read_text("utf-8"))
    steps = [dict(step) for step in document["aanvragen"]["stappen"]]
    steps[1]["wat"] = "Bel"
    roundtrip.apply(document, {"gecontroleerd_op": "2026-13-45", "aanvragen": {"stappen": steps}})
    text = roundtrip.dump(document)
    found = form_problems(text, "landelijk", SCHEME.name, TODAY)
    assert "gecontroleerd_op" in found.errors
    assert "aanvragen.stappen.1.wat" in found.errors
    _, expected = check_text(text, f"landelijk/{SCHEME.name}", "landelijk", SCHEME.name, TODAY)
    assert sorted(m for ms in found.errors.values() for m in ms) == sorted(p.message for p in expected if p.is_error)


def test_broken_yaml_goes_to_the_top() -> None:
    found = form_problems("titel: [niet dicht\n", "landelijk", "x.yaml", TODAY)
    assert found.on_top and "YAML" in found.on_top[0]


def test_warnings_are_kept_apart() -> None:
    found = placed([Problem("a", 1, "oud bedrag", "wat_krijgt_u.bedragen[1]", "waarschuwing"), Problem("a", 1, "fout")])
    assert found.warnings == {"wat_krijgt_u.bedragen.0": ["oud bedrag"]}
    assert found.errors == {TOP: ["fout"]}
