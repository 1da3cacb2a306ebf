"""Form fields from the scheme schema, typed values from a submitted form, and list buttons without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict

from staff.edit.formfields import (
    BOOLEAN,
    CHOICES,
    DATE,
    LONG,
    OBJECTS,
    PAIRS,
    SELECT,
    STRINGS,
    TEXT,
    Field,
    apply_op,
    fields,
    values_from_form,
)

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schema" / "regeling.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def form_fields() -> list[Field]:
    return fields(SCHEMA)


def by_path(form_fields: list[Field] | tuple[Field, ...], path: str) -> Field:
    key, _, rest = path.partition(".")
    field = next(field for field in form_fields if field.key == key)
    return by_path(field.children, rest) if rest else field


def test_every_top_level_property_is_a_field_in_schema_order(form_fields: list[Field]) -> None:
    assert [field.key for field in form_fields] == list(SCHEMA["properties"])


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("titel", TEXT),
        ("wat_krijgt_u.tekst", LONG),
        ("status", SELECT),
        ("gecontroleerd_op", DATE),
        ("categorieen", CHOICES),
        ("zoektermen", STRINGS),
        ("aanvragen.stappen", OBJECTS),
        ("wat_krijgt_u.bedragen", OBJECTS),
        ("wat_krijgt_u.bedragen.waarden", PAIRS),
        ("bronnen", OBJECTS),
        ("wat_krijgt_u.bedragen.maximaal", BOOLEAN),
    ],
)
def test_kinds(form_fields: list[Field], path: str, kind: str) -> None:
    assert by_path(form_fields, path).kind == kind


def test_refs_are_resolved_with_the_hint_and_required(form_fields: list[Field]) -> None:
    date = by_path(form_fields, "gecontroleerd_op")
    assert date.hint == SCHEMA["properties"]["gecontroleerd_op"]["description"]
    assert date.required
    assert "melding" in [field.key for field in form_fields if not field.required]
    assert "geld" in by_path(form_fields, "categorieen").options


def test_values_are_typed_and_empty_optional_fields_are_absent(form_fields: list[Field]) -> None:
    form = MultiDict(
        [
            ("titel", " Meedoenregeling "),
            ("melding", ""),
            ("categorieen", "meedoen"),
            ("categorieen", "geld"),
            ("gecontroleerd_op", "2026-12-05"),
            ("aanvragen.stappen.0.wat", "Bel de gemeente."),
            ("aanvragen.stappen.1.wat", "Vul het formulier in."),
            ("aanvragen.stappen.1.wie", "u"),
            ("wat_krijgt_u.bedragen.0.omschrijving", "per kind"),
            ("wat_krijgt_u.bedragen.0.maximaal", "ja"),
            ("wat_krijgt_u.bedragen.0.waarden.0.sleutel", "2026"),
            ("wat_krijgt_u.bedragen.0.waarden.0.waarde", "150,50"),
            ("wat_krijgt_u.bedragen.0.waarden.1.sleutel", "2027"),
            ("wat_krijgt_u.bedragen.0.waarden.1.waarde", "160"),
            ("zoektermen.0", "sport"),
            ("zoektermen.1", ""),
        ]
    )
    values = values_from_form(fields(SCHEMA), form)
    assert values["titel"] == "Meedoenregeling"
    assert "melding" not in values
    assert values["categorieen"] == ["geld", "meedoen"]  # in the schema's order
    assert values["gecontroleerd_op"] == "2026-12-05"
    assert values["aanvragen"]["stappen"] == [{"wat": "Bel de gemeente."}, {"wat": "Vul het formulier in.", "wie": "u"}]
    amount = values["wat_krijgt_u"]["bedragen"][0]
    assert amount["maximaal"] is True
    assert amount["waarden"] == {"2026": 150.5, "2027": 160}
    assert values["zoektermen"] == ["sport", ""]  # the empty item keeps its place until it is removed


def test_a_wrong_number_stays_text_for_validation(form_fields: list[Field]) -> None:
    form = MultiDict(
        [("wat_krijgt_u.bedragen.0.waarden.0.sleutel", "2026"), ("wat_krijgt_u.bedragen.0.waarden.0.waarde", "veel")]
    )
    assert values_from_form(form_fields, form)["wat_krijgt_u"]["bedragen"][0]["waarden"] == {"2026": "veel"}


def test_list_buttons(form_fields: list[Field]) -> None:
    values = {"aanvragen": {"stappen": [{"wat": "een"}, {"wat": "twee"}, {"wat": "drie"}]}}
    apply_op(values, form_fields, "up:aanvragen.stappen.2")
    assert [step["wat"] for step in values["aanvragen"]["stappen"]] == ["een", "drie", "twee"]
    apply_op(values, form_fields, "down:aanvragen.stappen.0")
    assert [step["wat"] for step in values["aanvragen"]["stappen"]] == ["drie", "een", "twee"]
    apply_op(values, form_fields, "remove:aanvragen.stappen.1")
    assert [step["wat"] for step in values["aanvragen"]["stappen"]] == ["drie", "twee"]
    apply_op(values, form_fields, "add:aanvragen.stappen")
    assert values["aanvragen"]["stappen"][-1] == {}
    apply_op(values, form_fields, "add:zoektermen")
    assert values["zoektermen"] == [""]


def test_buttons_at_the_edges_or_unknown_change_nothing(form_fields: list[Field]) -> None:
    values = {"zoektermen": ["a", "b"]}
    for op in (
        "up:zoektermen.0",
        "down:zoektermen.1",
        "remove:zoektermen.9",
        "add:titel",
        "drop:zoektermen.0",
        "up:x.0",
    ):
        apply_op(values, form_fields, op)
    assert values == {"zoektermen": ["a", "b"]}


def test_a_year_is_added_to_the_amounts_per_year(form_fields: list[Field]) -> None:
    values = {"wat_krijgt_u": {"bedragen": [{"waarden": {"2026": 150}}]}}
    apply_op(values, form_fields, "add:wat_krijgt_u.bedragen.0.waarden")
    assert values["wat_krijgt_u"]["bedragen"][0]["waarden"] == [("2026", 150), ("", None)]
