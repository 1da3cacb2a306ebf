"""Read and write scheme files with ruamel.yaml's round trip: comments, key order, quotes and the
`$schema` line stay as staff and tools wrote them; only the fields the form changed are touched."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

Document = CommentedMap
FOLD_WIDTH = 88


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line the file has on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Document:
    """The file's text as an editable document."""
    document = _yaml().load(text)
    return document if isinstance(document, CommentedMap) else CommentedMap()


def dump(document: Document) -> str:
    """The document as text, in the files' layout."""
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def apply(document: Document, values: dict[str, Any], known: set[str] | None = None) -> None:
    """Make `document` hold `values`, touching only what differs.

    A key in `known` (default: the keys of `values`) that is missing from `values` is removed; keys
    the form does not know stay exactly as they were.
    """
    for key in known if known is not None else values:
        empty = key in document and document[key] in ([], {})  # "none" as an empty list says the same
        if (key not in values or values[key] is None) and not empty:
            document.pop(key, None)
    for key, value in values.items():
        if value is not None:
            _set(document, key, value)


def _set(parent: CommentedMap | CommentedSeq, key: Any, value: Any) -> None:
    old = parent[key] if _has(parent, key) else None
    if isinstance(value, dict) and isinstance(old, CommentedMap):
        apply(old, value, known=set(old) | set(value))
    elif isinstance(value, list) and isinstance(old, CommentedSeq):
        _set_list(old, value)
    elif not _has(parent, key) or not _same(old, value):
        parent[key] = _styled_like(old, _fresh(value))


def _set_list(old: CommentedSeq, values: list[Any]) -> None:
    """Items that stay keep their comments and style, also when they move; the list's own style stays."""
    used: set[int] = set()
    moved = [_equal_item(old, value, used) for value in values]
    if any(item is not None and (index >= len(old) or old[index] is not item) for index, item in enumerate(moved)):
        old[:] = [item if item is not None else _fresh(value) for item, value in zip(moved, values)]
        return
    for index, value in enumerate(values):
        if index < len(old):
            _set(old, index, value)
        else:
            old.append(_fresh(value))
    del old[len(values) :]


def _equal_item(old: CommentedSeq, value: Any, used: set[int]) -> Any:
    """An old item not used yet that holds the same data as `value` (scalars compared as in `_same`), or None.

    Each old item is used once: the same object twice in a list would be written as a YAML alias.
    """
    for index, item in enumerate(old):
        if index not in used and _same_data(item, value):
            used.add(index)
            return item
    return None


def _same_data(old: Any, new: Any) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same_data(old[key], new[key]) for key in new)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(map(_same_data, old, new))
    return _same(old, new)


def _fresh(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((key, _fresh(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(item) for item in value)
    return value


def _has(parent: CommentedMap | CommentedSeq, key: Any) -> bool:
    return key in parent if isinstance(parent, CommentedMap) else 0 <= key < len(parent)


def _same(old: Any, new: Any) -> bool:
    """Equal as data: a date and its ISO text are the same, a styled string and its text too."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, date) or isinstance(new, date):
        return str(old) == str(new)
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return float(old) == float(new)  # 1341.60 as written stays as written
    return type(old) is type(new) and old == new


def _styled_like(old: Any, new: Any) -> Any:
    """A new text in the style of the old one (folded `>-`, literal `|`, quoted, a plain date)."""
    if isinstance(old, date) and isinstance(new, str):
        try:
            return date.fromisoformat(new)
        except ValueError:
            return new
    if isinstance(old, FoldedScalarString) and isinstance(new, str):
        return _folded(new)
    if isinstance(old, ScalarString) and isinstance(new, str):
        return type(old)(new)
    return new


def _folded(text: str) -> FoldedScalarString:
    """A `>-` text folded at spaces into lines of at most `FOLD_WIDTH` characters, as the files are."""
    folded = FoldedScalarString(text)
    positions, line_start = [], 0
    for index, char in enumerate(text):
        if char == " " and index - line_start > FOLD_WIDTH:
            previous = text.rfind(" ", line_start, index)
            cut = previous if previous > line_start else index
            positions.append(cut)
            line_start = cut + 1
    folded.fold_pos = positions
    return folded
