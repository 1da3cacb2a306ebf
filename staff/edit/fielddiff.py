"""A readable before/after of two versions of a scheme, field by field and list item by list item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from staff.edit.formfields import CHOICES, Field

ABSENT = "—"


@dataclass(frozen=True)
class Change:
    """One changed field: its dotted name, its label as a trail (`aanvragen › stappen › 2 › wat`), old and new."""

    path: str
    label: str
    old: str
    new: str


def field_diff(form_fields: list[Field], before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The changed fields between `before` and `after`, in the form's order; keys the form does not know come last."""
    return list(_mapping(tuple(form_fields), before, after, "", ()))


def _mapping(children: tuple[Field, ...], before: Any, after: Any, prefix: str, trail: tuple[str, ...]) -> Any:
    before, after = _as_dict(before), _as_dict(after)
    known = {field.key: field for field in children}
    keys = [field.key for field in children] + [key for key in {**before, **after} if key not in known]
    for key in keys:
        if before.get(key) != after.get(key):
            yield from _node(
                known.get(key), before.get(key), after.get(key), f"{prefix}{key}", trail + (_label(known, key),)
            )


def _node(field: Field | None, old: Any, new: Any, path: str, trail: tuple[str, ...]) -> Any:
    if (isinstance(old, dict) or isinstance(new, dict)) and not _plain_list(field):
        yield from _mapping(field.children if field else (), old, new, path + ".", trail)
    elif (isinstance(old, list) or isinstance(new, list)) and not _plain_list(field):
        old_items, new_items = list(old or []), list(new or [])
        for index in range(max(len(old_items), len(new_items))):
            before = old_items[index] if index < len(old_items) else None
            after = new_items[index] if index < len(new_items) else None
            if before != after:
                yield from _node(_item_field(field), before, after, f"{path}.{index}", trail + (str(index + 1),))
    else:
        yield Change(path, " › ".join(trail), _shown(old), _shown(new))


def _plain_list(field: Field | None) -> bool:
    """A list of choices is shown as one value, not item by item."""
    return field is not None and field.kind == CHOICES


def _item_field(field: Field | None) -> Field | None:
    if field is None:
        return None
    return field.item if field.item is not None else Field(field.key, "group", field.label, children=field.children)


def _label(known: dict[str, Field], key: str) -> str:
    return known[key].label if key in known else key


def _as_dict(value: Any) -> dict[str, Any]:
    return {str(key): item for key, item in value.items()} if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    """A value as staff read it: absent as a dash, yes/no, a list as its items joined."""
    if value is None:
        return ABSENT
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_shown(item)}" for key, item in value.items())
    return str(value)
