"""The published JSON Schema accepts every shipped file and rejects each kind of broken one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from regelingen.catalog import DATA_DIR
from regelingen.files.schema import MUNICIPALITY_SCHEMA, SCHEME_SCHEMA, validator
from regelingen.files.yamlfile import parse_yaml

BROKEN = Path(__file__).parents[1] / "data" / "validation" / "broken" / "oss"
SHIPPED = sorted(DATA_DIR.glob("*/*.yaml"))
SCHEMA_KINDS = [
    "ontbrekend-veld",
    "onbekend-veld",
    "verkeerd-type",
    "slechte-datum",
    "slechte-url",
    "slecht-telefoonnummer",
    "negatief-bedrag",
    "bedrag-zonder-jaar",
    "onbekende-categorie",
]


def _as_json(value):
    """What an editor's YAML language server sees: keys as text, dates as text."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _schema_for(path: Path) -> str:
    return MUNICIPALITY_SCHEMA if path.name == "_gemeente.yaml" else SCHEME_SCHEMA


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_every_shipped_file(path):
    """Each shipped file is valid and points editors at the schema."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../../schema/{_schema_for(path)}")
    errors = list(validator(_schema_for(path)).iter_errors(_as_json(yaml.safe_load(text))))
    assert not errors, [error.message for error in errors]


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_schema_rejects_each_kind_of_broken_file(kind):
    """The same schema that editors use finds the error on its own."""
    # Dates stay text here, as in an editor: plain safe_load would crash on 2026-13-01.
    data = _as_json(parse_yaml((BROKEN / f"{kind}.yaml").read_text(encoding="utf-8")).data)
    assert list(validator(SCHEME_SCHEMA).iter_errors(data))


def test_every_municipality_is_shipped():
    """All five municipalities and the national folder have a municipality file."""
    folders = {path.parent.name for path in SHIPPED if path.name == "_gemeente.yaml"}
    assert folders == {"meppel", "midden-groningen", "nieuwegein", "nijmegen", "oss", "landelijk"}
