"""Generate the field reference in the staff guide from the JSON Schemas, so it never drifts from the code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from regelingen.files.schema import MUNICIPALITY_SCHEMA, SCHEME_SCHEMA, load_schema

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "voor-gemeenten.md"
BEGIN = "<!-- veldenlijst:begin -->"
END = "<!-- veldenlijst:end -->"

# Definitions whose name says more to staff than their JSON type does.
NAMED_KINDS = {
    "url": "webadres (https://…)",
    "datum": "datum (JJJJ-MM-DD)",
    "telefoon": "telefoonnummer",
    "jaarbedragen": "bedrag per jaar (jaar: bedrag)",
}
TYPE_KINDS = {
    "string": "tekst",
    "integer": "heel getal",
    "number": "getal",
    "boolean": "true of false",
    "object": "groep velden",
}
PLURALS = {
    "tekst": "teksten",
    "groep velden": "groepen velden",
    "keuze": "keuzes",
    "webadres (https://…)": "webadressen",
}
SECTIONS = (
    (SCHEME_SCHEMA, "Regeling: `data/schemes/<gemeente>/<slug>.yaml`"),
    (MUNICIPALITY_SCHEMA, "Gemeente: `data/schemes/<gemeente>/_gemeente.yaml`"),
)


def field_reference() -> str:
    """The Markdown field reference for every field of both schemas."""
    parts = [
        BEGIN,
        "<!-- Niet met de hand aanpassen: dit deel wordt gemaakt uit schema/*.schema.json met `make docs`. -->",
    ]
    for name, heading in SECTIONS:
        schema = load_schema(name)
        parts += ["", f"### {heading}", "", _cell(schema.get("description", "")), ""]
        parts += ["| Veld | Verplicht | Soort | Regels en waarden | Uitleg |", "|---|---|---|---|---|"]
        parts += [f"| `{path}` | {' | '.join(cells)} |" for path, *cells in _rows(name, schema, "")]
    return "\n".join(parts + ["", END])


def field_paths(schema_name: str) -> list[str]:
    """Every field path of schema `schema_name`, such as `aanvragen.stappen[].wat`."""
    return [row[0] for row in _rows(schema_name, load_schema(schema_name), "")]


def replace_reference(text: str, reference: str) -> str:
    """`text` with everything from the begin marker to the end marker replaced by `reference`."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"de markeringen {BEGIN} en {END} ontbreken of staan in de verkeerde volgorde")
    return text[:start] + reference + text[end + len(END) :]


def update_guide(path: Path = GUIDE) -> bool:
    """Rewrite the reference in the guide at `path`; True when the file changed."""
    old = path.read_text(encoding="utf-8")
    new = replace_reference(old, field_reference())
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


def _resolve(schema_name: str, node: dict[str, Any]) -> tuple[str, dict[str, Any], str]:
    """Follow `$ref`s; the keys beside a `$ref` (such as its description) win over the target's."""
    ref_name = ""
    while "$ref" in node:
        file_part, _, pointer = node["$ref"].partition("#")
        schema_name = file_part or schema_name
        target: Any = load_schema(schema_name)
        for key in pointer.strip("/").split("/"):
            target = target[key]
        ref_name = ref_name or pointer.rsplit("/", 1)[-1]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return schema_name, node, ref_name


def _rows(schema_name: str, node: dict[str, Any], prefix: str) -> Iterator[tuple[str, str, str, str, str]]:
    """One row per property, depth first, with nested groups and list items after their parent."""
    required = set(node.get("required", ()))
    for key, child in node.get("properties", {}).items():
        child_schema, child, ref_name = _resolve(schema_name, child)
        item_schema, item, _ = _resolve(child_schema, child.get("items", {}))
        path = f"{prefix}{key}"
        kind, rules = _kind(child_schema, child, ref_name), _rules(child, item)
        yield path, "ja" if key in required else "nee", kind, rules, _cell(child.get("description", "—"))
        if "properties" in child:
            yield from _rows(child_schema, child, f"{path}.")
        elif "properties" in item:
            yield from _rows(item_schema, item, f"{path}[].")


def _kind(schema_name: str, node: dict[str, Any], ref_name: str) -> str:
    if ref_name in NAMED_KINDS:
        return NAMED_KINDS[ref_name]
    if "enum" in node:
        return "keuze"
    if "@" in node.get("pattern", ""):
        return "e-mailadres"
    if node.get("type") == "array":
        _, item, item_ref = _resolve(schema_name, node.get("items", {}))
        kind = _kind(schema_name, item, item_ref)
        return f"lijst van {PLURALS.get(kind, kind)}"
    return TYPE_KINDS.get(node.get("type", ""), "")


def _rules(node: dict[str, Any], item: dict[str, Any]) -> str:
    """The limits a value (and each item of a list) must keep, in words staff understand."""
    rules = []
    if "enum" in node or "enum" in item:
        rules.append("kies uit: " + ", ".join(f"`{value}`" for value in node.get("enum") or item["enum"]))
    rules += _range(node, "minLength", "maxLength", " tekens")
    rules += _range(node, "minimum", "maximum", "")
    rules += [f"elk {text}" for text in _range(item, "minLength", "maxLength", " tekens")]
    if "minItems" in node:
        rules.append(f"minstens {node['minItems']}")
    if node.get("uniqueItems"):
        rules.append("elke waarde één keer")
    names = node.get("propertyNames", {}).get("enum")
    if names:
        rules.append("codes: " + ", ".join(f"`{name}`" for name in names))
    choices = [alternative["required"][0] for alternative in node.get("anyOf", ()) if "required" in alternative]
    if choices:
        rules.append(" of ".join(f"`{choice}`" for choice in choices) + " is verplicht")
    return _cell("; ".join(rules) or "—")


def _range(node: dict[str, Any], low_key: str, high_key: str, unit: str) -> list[str]:
    low, high = node.get(low_key), node.get(high_key)
    if low is not None and high is not None:
        return [f"{low} tot en met {high}{unit}"]
    if low is not None:
        return [f"minstens {low}{unit}"]
    if high is not None:
        return [f"hoogstens {high}{unit}"]
    return []


def _cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")
