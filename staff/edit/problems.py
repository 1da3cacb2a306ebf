"""The file validation's plain-Dutch messages, placed on the form field they are about.

The proposed YAML text goes through the same check as `regelingen validate`; each problem's field
(`aanvragen.stappen[2].wat`) becomes the form's dotted name (`aanvragen.stappen.1.wat`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from regelingen.files.problems import Problem
from regelingen.files.validate import check_text

TOP = ""  # problems that no field can show go to the top of the form
_INDEX = re.compile(r"\[(\d+)\]")


@dataclass
class FormProblems:
    """Messages per dotted field name; `on_top` holds those without a field. Warnings are kept apart."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)

    @property
    def on_top(self) -> list[str]:
        """The errors that belong to no field."""
        return self.errors.get(TOP, [])

    def __bool__(self) -> bool:
        return bool(self.errors)


def dotted(field_name: str) -> str:
    """The form's name of a validation field: `a.b[2].c` (counted from 1) becomes `a.b.1.c` (from 0)."""
    return _INDEX.sub(lambda match: f".{int(match.group(1)) - 1}", field_name)


def form_problems(text: str, folder: str, filename: str, today: date) -> FormProblems:
    """Validate a proposed file text, as `regelingen validate` would, and place each message on its field."""
    _, problems = check_text(text, f"{folder}/{filename}", folder, filename, today)
    return placed(problems)


def placed(problems: list[Problem]) -> FormProblems:
    """The problems by the form field they concern."""
    result = FormProblems()
    for problem in problems:
        target = result.errors if problem.is_error else result.warnings
        target.setdefault(dotted(problem.field), []).append(problem.message)
    return result
