"""Form fields generated from the scheme schema, bound to a file's values; and the form read back.

Every field's input is named by its dotted path (`aanvragen.stappen.2.wat`), the same path problems are
reported on. Lists work without JavaScript: each list and each set of pairs (a year and its amount)
carries its length in a hidden `<path>.aantal`, and submit buttons named `actie` add, remove or move
items (`erbij:<path>`, `weg:<path>.<i>`, `omhoog:<path>.<i>`, `omlaag:<path>.<i>`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

COUNT = "aantal"
ORDER = "volgorde"
LONG_TEXT = 300  # a text that may be longer than this gets a text area
NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class Field:
    """One input (or group of inputs) of the form, with its current value and its problems."""

    name: str
    label: str
    hint: str
    kind: str  # text, textarea, select, date, integer, number, checkbox, choices, lines, group, items, pairs
    required: bool = False
    options: tuple[str, ...] = ()
    value: Any = None
    errors: tuple[str, ...] = ()
    children: tuple[Field, ...] = field(default_factory=tuple)

    @property
    def dom_id(self) -> str:
        """An id for HTML (dots are awkward in CSS selectors)."""
        return "veld-" + self.name.replace(".", "-")


class Schema:
    """The scheme schema with its `$ref`s resolved, asked for one node at a time."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.root = schema

    def node(self, node: Mapping[str, Any]) -> dict[str, Any]:
        """`node` with its `$ref` followed (its own description wins)."""
        if "$ref" not in node:
            return dict(node)
        target = self.root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return {**self.node(target), **{k: v for k, v in node.items() if k != "$ref"}}

    def kind(self, node: Mapping[str, Any]) -> str:
        """Which input suits a schema node."""
        node = self.node(node)
        if "enum" in node:
            return "select"
        kind = node.get("type")
        if kind == "array":
            item = self.node(node.get("items", {}))
            if "enum" in item:
                return "choices"
            return "items" if item.get("type") == "object" else "lines"
        if kind == "object":
            return "group" if "properties" in node else "pairs"
        if kind in ("integer", "number", "boolean"):
            return {"boolean": "checkbox"}.get(kind, kind)
        if node.get("format") == "date":
            return "date"
        return "textarea" if node.get("maxLength", 0) > LONG_TEXT else "text"


def label_for(key: str) -> str:
    """`wat_krijgt_u` as `Wat krijgt u`."""
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def bind(schema: Mapping[str, Any], data: Mapping[str, Any], problems: Mapping[str, list[str]]) -> list[Field]:
    """The form's fields for `data` (the file's values), with each problem on the field it is about."""
    resolved = Schema(schema)
    return [
        _bind(resolved, key, node, data.get(key), key, key in schema.get("required", ()), problems)
        for key, node in schema["properties"].items()
    ]


def _bind(
    schema: Schema,
    key: str,
    node: Mapping[str, Any],
    value: Any,
    name: str,
    required: bool,
    problems: Mapping[str, list[str]],
) -> Field:
    kind = _kind(schema, node)
    node = schema.node(node)
    common: dict[str, Any] = {
        "name": name,
        "label": label_for(key),
        "hint": str(node.get("description", "")),
        "kind": kind,
        "required": required,
    }
    errors = tuple(problems.get(name, ()))
    if kind == "group":
        values = value if isinstance(value, Mapping) else {}
        children = tuple(
            _bind(
                schema,
                child,
                child_node,
                values.get(child),
                f"{name}.{child}",
                child in node.get("required", ()),
                problems,
            )
            for child, child_node in node["properties"].items()
        )
        return Field(**common, errors=errors, children=children)
    if kind == "items":
        item_node = schema.node(node["items"])
        items = value if isinstance(value, list) else []
        children = tuple(
            _bind(schema, f"{label_for(key)} {index + 1}", item_node, item, f"{name}.{index}", True, problems)
            for index, item in enumerate(items)
        )
        return Field(**common, errors=errors, children=children)
    if kind == "pairs":
        pairs = value if isinstance(value, Mapping) else {}
        key_options = tuple(schema.node(node.get("propertyNames", {})).get("enum", ()))
        return Field(
            **common, errors=errors, options=key_options, value=[(str(k), _shown(v)) for k, v in pairs.items()]
        )
    if kind == "choices":
        options = tuple(schema.node(node["items"])["enum"])
        return Field(**common, errors=errors, options=options, value=list(value or ()))
    options = tuple(node.get("enum", ()))
    if kind == "lines":
        return Field(**common, errors=errors, value="\n".join(str(item) for item in value or ()))
    return Field(**common, errors=errors, options=options, value=_shown(value))


# Definitions that get their own input (the rest follows from the JSON type).
NAMED_KINDS = {"#/$defs/datum": "date", "#/$defs/url": "url", "#/$defs/telefoon": "tel"}


def _kind(schema: Schema, node: Mapping[str, Any]) -> str:
    """The input for `node`, looking at the definition it names before following it."""
    return NAMED_KINDS.get(str(node.get("$ref")), "") or schema.kind(node)


def _shown(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_form(schema: Mapping[str, Any], form: Mapping[str, Any]) -> dict[str, Any]:
    """The values the form holds, typed as the files keep them; an empty optional field is left out."""
    resolved = Schema(schema)
    values = {key: _read(resolved, node, key, form) for key, node in schema["properties"].items()}
    return {key: value for key, value in values.items() if value is not None}


def _read(schema: Schema, node: Mapping[str, Any], name: str, form: Mapping[str, Any]) -> Any:
    kind = _kind(schema, node)
    node = schema.node(node)
    if kind == "group":
        values = {
            child: _read(schema, child_node, f"{name}.{child}", form)
            for child, child_node in node["properties"].items()
        }
        kept = {key: value for key, value in values.items() if value is not None}
        return kept or None
    if kind == "items":
        item_node = schema.node(node["items"])
        items = [_read(schema, item_node, f"{name}.{index}", form) or {} for index in range(_count(form, name))]
        return items or None
    if kind == "pairs":
        return _read_pairs(schema, node, name, form)
    if kind == "choices":
        # the order the file had (sent along hidden) first, then newly ticked ones in the list's order
        chosen = set(_all(form, name))
        order = [option for option in str(form.get(f"{name}.{ORDER}", "")).split() if option in chosen]
        order += [option for option in schema.node(node["items"])["enum"] if option in chosen and option not in order]
        return order or None
    if kind == "lines":
        lines = [line.strip() for line in str(form.get(name, "")).splitlines() if line.strip()]
        return lines or None
    if kind == "checkbox":
        return True if form.get(name) else None
    return _typed(kind, str(form.get(name, "")).strip())


def _read_pairs(schema: Schema, node: Mapping[str, Any], name: str, form: Mapping[str, Any]) -> dict[Any, Any] | None:
    value_kind = _kind(schema, node.get("additionalProperties", {}))
    pairs: dict[Any, Any] = {}
    for index in range(_count(form, name)):
        key = str(form.get(f"{name}.{index}.sleutel", "")).strip()
        if key:
            pairs[int(key) if key.isdigit() else key] = _typed(
                value_kind, str(form.get(f"{name}.{index}.waarde", "")).strip()
            )
    return pairs or None


def _typed(kind: str, text: str) -> Any:
    """The text as the type the field holds; text that does not fit stays text, for the check to report."""
    if not text:
        return None
    if kind in ("integer", "number") and NUMBER.match(text):
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() else number
    if kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _count(form: Mapping[str, Any], name: str) -> int:
    text = str(form.get(f"{name}.{COUNT}", "0"))
    return min(int(text), 500) if text.isdigit() else 0


def _all(form: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(form, "getlist", None)
    if getlist is not None:
        return list(getlist(name))
    value = form.get(name)
    return list(value) if isinstance(value, list | tuple) else ([value] if value else [])


def apply_action(values: dict[str, Any], action: str, schema: Mapping[str, Any]) -> bool:
    """Add, remove or move a list item or pair as the pressed button says; False for an unknown action."""
    verb, _, path = action.partition(":")
    parts = path.split(".")
    if verb == "erbij":
        return _add(values, parts, schema)
    if not parts[-1].isdigit():
        return False
    container = _container(values, parts[:-1])
    index = int(parts[-1])
    if isinstance(container, list) and 0 <= index < len(container):
        if verb == "weg":
            del container[index]
        elif verb in ("omhoog", "omlaag"):
            other = index - 1 if verb == "omhoog" else index + 1
            if 0 <= other < len(container):
                container[index], container[other] = container[other], container[index]
        else:
            return False
        return True
    if isinstance(container, dict) and verb == "weg" and 0 <= index < len(container):
        del container[list(container)[index]]
        return True
    return False


def _add(values: dict[str, Any], parts: list[str], schema: Mapping[str, Any]) -> bool:
    node = _schema_at(Schema(schema), schema, parts)
    if node is None:
        return False
    parent = _container(values, parts[:-1], create=True)
    if not isinstance(parent, dict | list):
        return False
    key: Any = int(parts[-1]) if isinstance(parent, list) else parts[-1]
    current = parent[key] if isinstance(parent, list) else parent.get(key)
    kind = Schema(schema).kind(node)
    if kind == "items":
        current = current if isinstance(current, list) else []
        current.append({})
    elif kind == "pairs":
        current = current if isinstance(current, dict) else {}
        current[_next_key(current, Schema(schema), node)] = None
    else:
        return False
    parent[key] = current
    return True


def _next_key(pairs: dict[Any, Any], schema: Schema, node: Mapping[str, Any]) -> Any:
    """This year, or the year after the newest when that is later; or the first language not yet given."""
    options = schema.node(node.get("propertyNames", {})).get("enum")
    if options:
        return next((option for option in options if option not in pairs), options[0])
    years = [key for key in pairs if isinstance(key, int)]
    return max([date.today().year] + [year + 1 for year in years])


def _container(values: Any, parts: list[str], create: bool = False) -> Any:
    current = values
    for part in parts:
        if isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        elif isinstance(current, dict):
            if part not in current and create:
                current[part] = {}
            current = current.get(part)
        else:
            return None
    return current


def _schema_at(schema: Schema, root: Mapping[str, Any], parts: list[str]) -> dict[str, Any] | None:
    node: dict[str, Any] = dict(root)
    for part in parts:
        node = schema.node(node)
        if part.isdigit() and node.get("type") == "array":
            node = schema.node(node.get("items", {}))
        elif part in node.get("properties", {}):
            node = schema.node(node["properties"][part])
        else:
            return None
    return node
