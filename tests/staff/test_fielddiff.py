"""The before/after of a change, by field and list item."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from staff.edit.fielddiff import ABSENT, Change, field_diff
from staff.edit.formfields import fields

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "regeling.schema.json").read_text("utf-8"))
BEFORE = yaml.safe_load((ROOT / "data" / "schemes" / "landelijk" / "huurtoeslag.yaml").read_text("utf-8"))


def test_no_change_no_diff() -> None:
    assert field_diff(fields(SCHEMA), BEFORE, copy.deepcopy(BEFORE)) == []


def test_changed_added_and_removed_fields() -> None:
    after = copy.deepcopy(BEFORE)
    after["titel"] = "Huurtoeslag 2027"
    after["melding"] = "Let op: nieuwe bedragen."
    after["aanvragen"]["stappen"][0]["wat"] = "Log in met DigiD op de site."
    after["zoektermen"].append("huur te hoog")
    after["categorieen"] = ["wonen"]
    diff = field_diff(fields(SCHEMA), BEFORE, after)
    assert Change("titel", "titel", "Huurtoeslag", "Huurtoeslag 2027") in diff
    assert Change("melding", "melding", ABSENT, "Let op: nieuwe bedragen.") in diff
    step = next(change for change in diff if change.path == "aanvragen.stappen.0.wat")
    assert step.label == "aanvragen › stappen › 1 › wat"
    assert step.new == "Log in met DigiD op de site."
    added = len(BEFORE["zoektermen"])
    assert Change(f"zoektermen.{added}", f"zoektermen › {added + 1}", ABSENT, "huur te hoog") in diff
    assert Change("categorieen", "categorieen", "wonen, geld", "wonen") in diff
    assert [change.path for change in diff][:2] == ["titel", "categorieen"]  # schema order


def test_a_new_year_beside_the_old_one() -> None:
    before = {"wat_krijgt_u": {"bedragen": [{"omschrijving": "per kind", "per": "jaar", "waarden": {2026: 150}}]}}
    after = copy.deepcopy(before)
    after["wat_krijgt_u"]["bedragen"][0]["waarden"][2027] = 160
    assert field_diff(fields(SCHEMA), before, after) == [
        Change("wat_krijgt_u.bedragen.0.waarden.2027", "wat krijgt u › bedragen › 1 › waarden › 2027", ABSENT, "160")
    ]
