"""The JSON Schemas of the data files: one definition for editors, the loader and the docs."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
SCHEME_SCHEMA = "regeling.schema.json"
MUNICIPALITY_SCHEMA = "gemeente.schema.json"


@cache
def load_schema(name: str) -> dict:
    """The parsed JSON Schema called `name`."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for schema `name`, with formats (dates) checked and cross-file refs resolved."""
    resources = [
        (schema["$id"], Resource.from_contents(schema))
        for schema in (load_schema(SCHEME_SCHEMA), load_schema(MUNICIPALITY_SCHEMA))
    ]
    return Draft202012Validator(
        load_schema(name),
        registry=Registry().with_resources(resources),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def categories() -> tuple[str, ...]:
    """The fixed list of categories, in display order."""
    return tuple(load_schema(SCHEME_SCHEMA)["$defs"]["categorie"]["enum"])


def prerequisites() -> tuple[str, ...]:
    """What someone may need before applying (digid, bankrekening, ...)."""
    return tuple(load_schema(SCHEME_SCHEMA)["$defs"]["vereiste"]["enum"])
