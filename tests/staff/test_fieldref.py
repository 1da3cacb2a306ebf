"""The field reference in the staff guide is generated from the JSON Schema and never drifts from it."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from regelingen import load_catalog
from regelingen.catalog import DATA_DIR
from regelingen.files.schema import MUNICIPALITY_SCHEMA, SCHEME_SCHEMA, load_schema
from staff import fieldref


def _committed_reference() -> str:
    text = fieldref.GUIDE.read_text(encoding="utf-8")
    return text[text.index(fieldref.BEGIN) : text.index(fieldref.END) + len(fieldref.END)]


def test_committed_reference_matches_the_schema():
    """The reference in docs/voor-gemeenten.md is exactly what the generator makes now (run `make docs` if not)."""
    assert _committed_reference() == fieldref.field_reference()


def _table_rows(reference: str, heading_start: str) -> dict[str, list[str]]:
    section = reference.split(f"### {heading_start}", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]
    return {cells[0].strip("`"): cells[1:] for cells in table}


@pytest.mark.parametrize(("schema", "heading"), [(SCHEME_SCHEMA, "Regeling"), (MUNICIPALITY_SCHEMA, "Gemeente")])
def test_every_field_has_a_row_with_required_kind_rules_and_text(schema, heading):
    """Each property, nested ones included, has one row with five columns."""
    rows = _table_rows(fieldref.field_reference(), heading)
    assert list(rows) == fieldref.field_paths(schema)
    assert all(len(cells) == 4 for cells in rows.values())
    top = load_schema(schema)
    for key in top["properties"]:
        assert rows[key][0] == ("ja" if key in top["required"] else "nee")


def test_rows_name_the_allowed_values_limits_and_description():
    """Enums, lengths, ranges and descriptions come from the schema, with $refs followed."""
    rows = _table_rows(fieldref.field_reference(), "Regeling")
    status = load_schema(SCHEME_SCHEMA)["properties"]["status"]
    assert all(f"`{value}`" in rows["status"][2] for value in status["enum"])
    assert rows["status"][3] == status["description"]
    assert rows["titel"][2] == "3 tot en met 90 tekens"
    assert rows["gecontroleerd_op"][1] == "datum (JJJJ-MM-DD)"
    assert rows["categorieen"][1] == "lijst van keuzes" and "`energie`" in rows["categorieen"][2]
    assert rows["wat_krijgt_u.bedragen[].waarden"][0] == "ja"
    assert "2026: 150" in rows["wat_krijgt_u.bedragen[].waarden"][3]
    assert rows["contact"][2] == "`telefoon` of `url` is verplicht"
    assert rows["contact.email"][1] == "e-mailadres"


def test_replace_reference_only_touches_the_part_between_the_markers():
    """Text around the markers stays; a guide without markers is an error, not a silent append."""
    text = f"voor\n{fieldref.BEGIN}\noud\n{fieldref.END}\nna\n"
    assert fieldref.replace_reference(text, "NIEUW") == "voor\nNIEUW\nna\n"
    with pytest.raises(ValueError, match="markeringen"):
        fieldref.replace_reference("geen markeringen", "NIEUW")


def test_update_guide_rewrites_a_stale_reference(tmp_path):
    """`make docs` brings an outdated reference up to date, and a second run changes nothing."""
    guide = tmp_path / "gids.md"
    guide.write_text(f"# Gids\n{fieldref.BEGIN}\n| `verouderd` |\n{fieldref.END}\nEinde\n", encoding="utf-8")
    assert fieldref.update_guide(guide) is True
    assert fieldref.field_reference() in guide.read_text(encoding="utf-8")
    assert guide.read_text(encoding="utf-8").endswith("\nEinde\n")
    assert fieldref.update_guide(guide) is False


def test_docs_check_command_passes_on_the_committed_guide(runner):
    """`flask regelingen docs --check` is what CI can run; it exits 0 when the guide is current."""
    result = runner.invoke(args=["regelingen", "docs", "--check"])
    assert result.exit_code == 0, result.output


def test_full_example_in_the_guide_is_a_valid_scheme(tmp_path):
    """The complete example staff copy from the guide passes the same check as real files."""
    text = fieldref.GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    example = next(block for block in blocks if block.startswith("# yaml-language-server"))
    (tmp_path / "oss").mkdir()
    shutil.copy(DATA_DIR / "oss" / "_gemeente.yaml", tmp_path / "oss")
    path = tmp_path / "oss" / "voorbeeld.yaml"
    path.write_text(example, encoding="utf-8")
    catalog = load_catalog(tmp_path, today=date(2026, 11, 21), paths=[path])
    assert not catalog.problems, [str(problem) for problem in catalog.problems]
