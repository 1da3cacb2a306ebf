"""Round-trip a scheme file: change only the fields that changed, keep comments, order, quoting and unknown keys.

ruamel.yaml keeps what PyYAML's safe_load throws away (comments, key order, scalar style), so a save
of an unchanged form gives back the file byte for byte.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

FOLD_WIDTH = 86


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The document of a YAML text, with its comments and styles, ready for `apply` and `dump`."""
    return _yaml().load(text)


def dump(document: Any) -> str:
    """The YAML text of a document; the same text it was loaded from when nothing was changed."""
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def apply(document: CommentedMap, values: dict[str, Any]) -> None:
    """Write `values` into `document`, touching only what differs.

    Keys missing from `values`, at any depth, are kept (the form does not know every key); a key
    whose value is None is removed. Lists take the new items in order, reusing the old node of an equal item so
    its comments and style move with it.
    """
    for key, new in values.items():
        if new is None:
            document.pop(key, None)
        elif key not in document:
            document[key] = new
        else:
            document[key] = _merged(document[key], new)


def _merged(old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        apply(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_list(old, new)
        return old
    if _plain(old) == _plain(new) and type(_plain(old)) is type(_plain(new)):
        return old
    return _styled_like(old, new)


def _merge_list(old: CommentedSeq, new: list[Any]) -> None:
    unused = list(range(len(old)))
    items = []
    for position, value in enumerate(new):
        match = next((i for i in unused if _plain(old[i]) == value), None)
        if match is None and position in unused and isinstance(old[position], (CommentedMap, CommentedSeq)):
            match = position
        if match is None:
            items.append(value)
            continue
        unused.remove(match)
        items.append(_merged(old[match], value))
    old[:] = items


def _plain(node: Any) -> Any:
    """The node as plain Python values, for comparing with what the form sends."""
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, ScalarString):
        return str(node)
    if isinstance(node, date):
        return node.isoformat()
    if isinstance(node, ScalarBoolean):
        return bool(node)
    for kind in (bool, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


def _styled_like(old: Any, new: Any) -> Any:
    """The new value in the scalar style (folded, literal, quoted, date) of the old one, if both are text."""
    if isinstance(old, date) and isinstance(new, str):
        try:
            return date.fromisoformat(new)
        except ValueError:
            return new
    if not (isinstance(old, ScalarString) and isinstance(new, str)):
        return new
    if isinstance(old, FoldedScalarString):
        folded = FoldedScalarString(new)
        folded.fold_pos = _fold_positions(new)
        return folded
    return type(old)(new)


def _fold_positions(text: str) -> list[int]:
    """Spaces where a folded text is wrapped, so that no line is longer than FOLD_WIDTH where possible."""
    positions, start = [], 0
    while len(text) - start > FOLD_WIDTH:
        space = text.rfind(" ", start, start + FOLD_WIDTH)
        if space <= start:
            break
        positions.append(space)
        start = space + 1
    return positions
