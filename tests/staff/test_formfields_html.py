"""The form macros render every field with a label, its hint, and its errors linked to the input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from app import create_app
from staff.edit.formfields import fields
from staff.edit.problems import FormProblems

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "regeling.schema.json").read_text("utf-8"))
VALUES = yaml.safe_load((ROOT / "data" / "schemes" / "landelijk" / "huurtoeslag.yaml").read_text("utf-8"))


def render(problems: FormProblems | None = None, values: dict | None = None) -> str:
    app = create_app({"TESTING": True})
    with app.test_request_context("/"):
        macro = app.jinja_env.get_template("staff/_formfields.html").module.edit_fields  # type: ignore[attr-defined]
        return str(macro(fields(SCHEMA), VALUES if values is None else values, problems))


@pytest.fixture(scope="module")
def html() -> str:
    return render()


def test_every_input_has_one_label(html: str) -> None:
    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html)
    assert len(ids) > 50
    assert len(ids) == len(set(ids))
    labels = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', html))
    assert set(ids) <= labels


def test_every_described_by_points_to_an_element(html: str) -> None:
    shown = set(re.findall(r'\bid="([^"]+)"', html))
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        assert set(described.split()) <= shown


def test_values_and_list_buttons_are_there(html: str) -> None:
    assert 'name="titel" value="Huurtoeslag"' in html
    assert 'name="op" value="add:aanvragen.stappen"' in html
    assert 'name="op" value="remove:aanvragen.stappen.0"' in html
    assert 'name="op" value="up:aanvragen.stappen.1"' in html
    assert 'name="op" value="up:aanvragen.stappen.0"' not in html  # the first item cannot go up
    assert "<legend" in html and 'value="wonen" checked' in html


def test_an_error_is_shown_on_its_field() -> None:
    problems = FormProblems(errors={"gecontroleerd_op": ["de datum klopt niet"], "": ["het bestand is stuk"]})
    html = render(problems)
    field = re.search(r'<input[^>]*name="gecontroleerd_op"[^>]*>', html, re.S)
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0)
    describedby = re.search(r'aria-describedby="([^"]+)"', field.group(0))
    assert describedby is not None
    error_id = next(part for part in describedby.group(1).split() if "fout" in part)
    assert re.search(rf'id="{error_id}">de datum klopt niet<', html)
    assert 'role="alert"' in html and "het bestand is stuk" in html
    assert html.count('aria-invalid="true"') == 1
