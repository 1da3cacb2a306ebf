"""Form fields generated from the scheme's JSON Schema, the typed values of a submitted form, and list buttons.

Field names are dotted paths such as `aanvragen.stappen.2.wat`. Lists are edited without JavaScript:
a submit button named `op` with the value `add:<path>`, `remove:<path>.<i>`, `up:<path>.<i>` or
`down:<path>.<i>` changes the values, and the form is shown again with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

LONG_TEXT = 300  # a text that may be longer than this gets a text area

TEXT, LONG, SELECT, DATE, NUMBER, INTEGER, BOOLEAN = "text", "long", "select", "date", "number", "integer", "boolean"
CHOICES, STRINGS, OBJECTS, GROUP, PAIRS = "choices", "strings", "objects", "group", "pairs"
LISTS = (STRINGS, OBJECTS, PAIRS)
PAIR_KEY, PAIR_VALUE = "sleutel", "waarde"


class FormData(Protocol):
    """What a submitted form offers (werkzeug's MultiDict has it)."""

    def getlist(self, key: str) -> list[str]: ...

    def keys(self) -> Any: ...


@dataclass(frozen=True)
class Field:
    """One form field: its key, kind, label, hint, and for groups and lists the fields of one item."""

    key: str
    kind: str
    label: str
    hint: str = ""
    required: bool = False
    options: tuple[str, ...] = ()
    children: tuple[Field, ...] = ()
    item: Field | None = None  # the field of one item of a list of texts or pairs


def fields(schema: dict) -> list[Field]:
    """The fields of the form for an object schema (the top of regeling.schema.json), in schema order."""
    return list(_children(schema, schema))


def _children(node: dict, root: dict) -> tuple[Field, ...]:
    node = _resolved(node, root)
    required = set(node.get("required", ()))
    return tuple(_field(key, prop, root, key in required) for key, prop in node.get("properties", {}).items())


def _resolved(node: dict, root: dict) -> dict:
    """The node with its `$ref` (`#/$defs/...`) filled in; the node's own keys win."""
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _field(key: str, node: dict, root: dict, required: bool) -> Field:
    node = _resolved(node, root)
    hint = node.get("description", "")
    common: dict[str, Any] = {"key": key, "label": node.get("title", key.replace("_", " ")), "hint": hint}
    common["required"] = required
    kind = node.get("type")
    if "enum" in node:
        return Field(kind=SELECT, options=tuple(node["enum"]), **common)
    if kind == "array":
        items = _resolved(node.get("items", {}), root)
        if "enum" in items:
            return Field(kind=CHOICES, options=tuple(items["enum"]), **common)
        if items.get("type") == "object":
            return Field(kind=OBJECTS, children=_children(items, root), **common)
        return Field(kind=STRINGS, item=_field("", items, root, True), **common)
    if kind == "object" and "properties" not in node:
        value = _resolved(node.get("additionalProperties", {}), root)
        return Field(kind=PAIRS, item=_field(PAIR_VALUE, value, root, True), **common)
    if kind == "object":
        return Field(kind=GROUP, children=_children(node, root), **common)
    if kind == "string" and node.get("format") == "date":
        return Field(kind=DATE, **common)
    if kind == "string":
        return Field(kind=LONG if node.get("maxLength", LONG_TEXT + 1) > LONG_TEXT else TEXT, **common)
    return Field(kind={"boolean": BOOLEAN, "integer": INTEGER}.get(str(kind), NUMBER), **common)


def values_from_form(form_fields: list[Field], form: FormData) -> dict[str, Any]:
    """The typed values of a submitted form. Empty optional fields are left out; list items keep their place.

    A number that is not a number stays text, so that validation can say so on the field.
    """
    names = set(form.keys())
    return _group(form_fields, "", form, names)


def _group(form_fields: tuple[Field, ...] | list[Field], prefix: str, form: FormData, names: set[str]) -> dict:
    values = {}
    for field in form_fields:
        value = _value(field, prefix + field.key, form, names)
        if value not in (None, "", [], {}):
            values[field.key] = value
    return values


def _value(field: Field, name: str, form: FormData, names: set[str]) -> Any:
    if field.kind == CHOICES:
        return [option for option in field.options if option in form.getlist(name)]
    if field.kind == GROUP:
        return _group(field.children, name + ".", form, names)
    if field.kind in LISTS:
        items = [_item(field, f"{name}.{index}", form, names) for index in _indexes(name, names)]
        if field.kind == PAIRS:
            return {str(key): value for key, value in items if key != ""}
        return items
    text = (form.getlist(name) or [""])[0].strip()
    return _typed(field.kind, text)


def _item(field: Field, name: str, form: FormData, names: set[str]) -> Any:
    if field.kind == OBJECTS:
        return _group(field.children, name + ".", form, names)
    assert field.item is not None
    value = _value(field.item, name if field.kind == STRINGS else f"{name}.{PAIR_VALUE}", form, names)
    if field.kind == STRINGS:
        return "" if value is None else value
    return ((form.getlist(f"{name}.{PAIR_KEY}") or [""])[0].strip(), value)


def _indexes(name: str, names: set[str]) -> list[int]:
    """The item numbers of a list in the submitted names, such as 0 and 1 for `x.0.wat` and `x.1`."""
    pattern = re.compile(re.escape(name) + r"\.(\d+)(?:\.|$)")
    return sorted({int(match.group(1)) for key in names if (match := pattern.match(key))})


def _typed(kind: str, text: str) -> Any:
    if text == "":
        return None
    if kind == BOOLEAN:
        return {"ja": True, "nee": False}.get(text, text)
    if kind in (NUMBER, INTEGER):
        number = text.replace("€", "").replace(" ", "").replace(",", ".")
        try:
            value = float(number)
        except ValueError:
            return text
        return int(value) if value.is_integer() and (kind == INTEGER or "." not in number) else value
    return text


def apply_op(values: dict[str, Any], form_fields: list[Field], op: str) -> dict[str, Any]:
    """The values after a list button (`add:a.b`, `remove:a.b.2`, `up:a.b.2`, `down:a.b.2`); unknown ops change nothing."""
    action, _, path = op.partition(":")
    parts = path.split(".")
    if action == "add":
        field = _find(form_fields, [part for part in parts if not part.isdigit()])
        if field is None or field.kind not in LISTS:
            return values
        _list_at(values, parts, create=True).append(_empty_item(field))
        return values
    if action not in ("remove", "up", "down") or len(parts) < 2 or not parts[-1].isdigit():
        return values
    items, index = _list_at(values, parts[:-1], create=False), int(parts[-1])
    if not 0 <= index < len(items):
        return values
    if action == "remove":
        del items[index]
    else:
        other = index - 1 if action == "up" else index + 1
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
    return values


def _find(form_fields: tuple[Field, ...] | list[Field], keys: list[str]) -> Field | None:
    field = next((field for field in form_fields if field.key == keys[0]), None) if keys else None
    if field is None or len(keys) == 1:
        return field
    return _find(field.children, keys[1:])


def _empty_item(field: Field) -> Any:
    return {} if field.kind == OBJECTS else ("", None) if field.kind == PAIRS else ""


def _list_at(values: dict[str, Any], parts: list[str], create: bool) -> list[Any]:
    """The list at a dotted path in the values (pairs as a list of (key, value)); [] when it is not there."""
    node: Any = values
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        key: Any = int(part) if part.isdigit() else part
        if isinstance(node, list):
            node = node[key] if isinstance(key, int) and key < len(node) else {}
            continue
        if not isinstance(node, dict):
            return []
        if key not in node and not create:
            return []
        if last and isinstance(node.get(key), dict):
            node[key] = list(node[key].items())
        node = node.setdefault(key, [] if last else {})
    return node if isinstance(node, list) else []


def form_items(value: Any) -> list[Any]:
    """A list's items for the template: a pairs mapping (such as amounts per year) as (key, value) pairs."""
    if isinstance(value, Mapping):
        return list(value.items())
    return list(value or [])
