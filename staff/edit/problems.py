"""The problems `regelingen validate` finds, placed on the form field they are about."""

from __future__ import annotations

import re
from collections.abc import Iterable

from regelingen.files.problems import Problem
from staff.edit.formfields import Field

POSITION = re.compile(r"\[(\d+)\]")


def field_path(problem: Problem) -> str:
    """`aanvragen.stappen[2].wat` (as messages count, from 1) as the form's `aanvragen.stappen.1.wat`."""
    return POSITION.sub(lambda match: f".{int(match.group(1)) - 1}", problem.field)


def place(problems: Iterable[Problem], fields: Iterable[Field]) -> tuple[dict[str, list[str]], list[Problem]]:
    """Each problem's message on the deepest field its path falls under; the rest for the top of the form."""
    names = set(_names(fields))
    placed: dict[str, list[str]] = {}
    unplaced = []
    for problem in problems:
        parts = field_path(problem).split(".") if problem.field else []
        while parts and ".".join(parts) not in names:
            parts.pop()
        if parts:
            placed.setdefault(".".join(parts), []).append(_message(problem))
        else:
            unplaced.append(problem)
    return placed, unplaced


def _message(problem: Problem) -> str:
    return problem.message if problem.is_error else f"Let op: {problem.message}"


def _names(fields: Iterable[Field]) -> Iterable[str]:
    for field in fields:
        yield field.name
        yield from _names(field.children)
