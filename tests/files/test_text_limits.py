"""Every text field of a scheme file has a maximum length, with a plain file:line message when it is passed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from regelingen.catalog import load_catalog
from regelingen.files.schema import SCHEMA_DIR

GOOD = Path(__file__).parents[1] / "data" / "validation" / "good"


def _strings_without_limit(node: object, path: str = "") -> list[str]:
    """Schema paths of string fields with no maxLength (an enum or a const is limited by itself)."""
    found = []
    if isinstance(node, dict):
        types = node.get("type")
        is_string = types == "string" or (isinstance(types, list) and "string" in types)
        if is_string and "maxLength" not in node and "enum" not in node and "const" not in node:
            found.append(path)
        for key, value in node.items():
            found += _strings_without_limit(value, f"{path}/{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            found += _strings_without_limit(value, f"{path}[{number}]")
    return found


def test_every_text_field_of_a_scheme_has_a_maximum_length():
    schema = json.loads((SCHEMA_DIR / "regeling.schema.json").read_text(encoding="utf-8"))
    assert _strings_without_limit(schema) == []


def test_a_far_too_long_text_gets_a_plain_message_with_file_and_line(tmp_path):
    folder = tmp_path / "oss"
    folder.mkdir()
    (folder / "_gemeente.yaml").write_bytes((GOOD / "oss" / "_gemeente.yaml").read_bytes())
    text = (GOOD / "oss" / "voorbeeld.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(number for number, item in enumerate(lines, 1) if item.startswith("voor_wie:"))
    lines[line - 1] = "voor_wie: " + "lang " * 5000
    (folder / "voorbeeld.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalog = load_catalog(tmp_path, date(2026, 11, 21))
    messages = [str(problem) for problem in catalog.problems if problem.is_error]
    assert "oss/voorbeeld" not in catalog.schemes
    assert any(f"voorbeeld.yaml:{line}:" in message and "voor_wie" in message for message in messages), messages
