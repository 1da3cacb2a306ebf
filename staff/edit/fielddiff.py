"""A before/after of two versions of a scheme, field by field, for the colleague who reviews it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from staff.edit.formfields import label_for

LIST_INDEX = "#"  # marks a list position in a path, so a year key is not read as one


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: where (in words), what it was and what it becomes ('' for absent)."""

    path: str
    label: str
    before: str
    after: str


def field_diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """Every field whose value differs, in the order of the newer version (removed fields last)."""
    old, new = dict(_flatten(before)), dict(_flatten(after))
    paths = list(new) + [path for path in old if path not in new]
    return [
        FieldChange(path, _label(path), old.get(path, ""), new.get(path, ""))
        for path in paths
        if old.get(path, "") != new.get(path, "")
    ]


def _flatten(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Leaves as (dotted path, text); a list of plain texts is one leaf, one item per line."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and any(isinstance(item, Mapping | list) for item in value):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{path}.{LIST_INDEX}{index}")
    elif isinstance(value, list):
        yield path, "\n".join(str(item) for item in value)
    elif value is not None:
        yield path, _text(value)


def _text(value: Any) -> str:
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _label(path: str) -> str:
    """`aanvragen.stappen.#1.wat` as `Aanvragen › Stappen 2 › Wat` (a year such as 2027 stays 2027)."""
    words: list[str] = []
    for part in path.split("."):
        if part.startswith(LIST_INDEX) and words:
            words[-1] += f" {int(part[1:]) + 1}"
        else:
            words.append(label_for(part))
    return " › ".join(words)
