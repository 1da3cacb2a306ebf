"""The generated form gives back every file exactly: shown, sent as a browser sends it, read, written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flask import render_template_string
from testapp import make_app

from regelingen.files.schema import SCHEME_SCHEMA, load_schema
from regelingen.files.validate import check_text
from staff.edit import roundtrip
from staff.edit.formfields import apply_action, bind, read_form
from tests.staff.workspace.formdata import buttons, form_fields

ROOT = Path(__file__).resolve().parents[3]
FILES = sorted(path for path in (ROOT / "data" / "schemes").rglob("*.yaml") if path.name != "_gemeente.yaml")
FORM = '{% from "staff/_formfields.html" import field %}<form>{% for f in fields %}{{ field(f) }}{% endfor %}</form>'


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("form"))
    schema = load_schema(SCHEME_SCHEMA)

    def rendered(values, problems=None):
        with app.test_request_context():
            return render_template_string(FORM, fields=bind(schema, values, problems or {}))

    return rendered


def _data(text: str, path: Path) -> dict:
    return check_text(text, path.name, path.parent.name, path.name, date(2026, 12, 5))[0]


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_saving_the_form_unchanged_gives_the_file_back_byte_for_byte(render, path):
    text = path.read_text(encoding="utf-8")
    schema = load_schema(SCHEME_SCHEMA)
    sent = form_fields(render(_data(text, path)))
    document = roundtrip.load(text)
    roundtrip.apply(document, read_form(schema, sent), known=set(schema["properties"]))
    assert roundtrip.dump(document) == text


def test_comments_and_fields_the_form_does_not_know_survive_a_change(render):
    text = (
        "# yaml-language-server: $schema=../../../schema/regeling.schema.json\n"
        "# Een opmerking van de gemeente.\n"
        + (ROOT / "data/schemes/oss/voedselbank.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
        + "x_intern: alleen voor ons  # niet in het schema\n"
    )
    schema = load_schema(SCHEME_SCHEMA)
    sent = form_fields(render(_data(text, ROOT / "data/schemes/oss/voedselbank.yaml")))
    sent["titel"] = "Voedselbank Oss en omgeving"
    document = roundtrip.load(text)
    roundtrip.apply(document, read_form(schema, sent), known=set(schema["properties"]))
    out = roundtrip.dump(document)
    assert out.startswith(
        "# yaml-language-server: $schema=../../../schema/regeling.schema.json\n# Een opmerking van de gemeente.\n"
    )
    assert "titel: Voedselbank Oss en omgeving\n" in out
    assert "x_intern: alleen voor ons  # niet in het schema\n" in out
    assert [line for line in out.splitlines() if not line.startswith("titel:")] == [
        line for line in text.splitlines() if not line.startswith("titel:")
    ]


def test_list_buttons_add_remove_and_move_items_without_javascript(render):
    path = ROOT / "data/schemes/meppel/individuele-inkomenstoeslag.yaml"
    schema = load_schema(SCHEME_SCHEMA)
    values = read_form(schema, form_fields(render(_data(path.read_text(encoding="utf-8"), path))))
    page = render(values)
    offered = {value for name, value in buttons(page) if name == "actie"}
    assert "erbij:wat_krijgt_u.bedragen.0.waarden" in offered and "omlaag:aanvragen.stappen.0" in offered
    first, second = values["aanvragen"]["stappen"][0], values["aanvragen"]["stappen"][1]
    assert apply_action(values, "omlaag:aanvragen.stappen.0", schema)
    assert values["aanvragen"]["stappen"][:2] == [second, first]
    assert apply_action(values, "weg:aanvragen.stappen.1", schema)
    assert first not in values["aanvragen"]["stappen"]
    assert apply_action(values, "erbij:wat_krijgt_u.bedragen.0.waarden", schema)
    assert list(values["wat_krijgt_u"]["bedragen"][0]["waarden"]) == [
        2019,
        max(2020, date.today().year),
    ]
    assert apply_action(values, "erbij:bronnen", schema) and values["bronnen"][-1] == {}
    assert not apply_action(values, "weg:bestaat.niet.3", schema)
    # the redrawn form carries the new row and item
    again = form_fields(render(values))
    assert again["wat_krijgt_u.bedragen.0.waarden.aantal"] == "2"
    assert again["wat_krijgt_u.bedragen.0.waarden.1.sleutel"] == str(
        list(values["wat_krijgt_u"]["bedragen"][0]["waarden"])[1]
    )


def test_a_problem_is_shown_on_its_field(render):
    path = ROOT / "data/schemes/meppel/individuele-inkomenstoeslag.yaml"
    values = _data(path.read_text(encoding="utf-8"), path)
    page = render(values, {"gecontroleerd_op": ["'gecontroleerd_op' moet een datum zijn"]})
    start = page.index('id="veld-gecontroleerd_op"')
    tag = page[page.rindex("<input", 0, start) : page.index(">", start)]
    assert 'aria-invalid="true"' in tag and "veld-gecontroleerd_op-fout" in tag
    shown = page[page.index('id="veld-gecontroleerd_op-fout">') :]
    assert shown[: shown.index("</span>")].endswith("moet een datum zijn")
