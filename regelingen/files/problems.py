"""A problem found in a data file, phrased for the municipal staff who edit it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One error or warning: which file, which line, which field, and what is expected."""

    path: str
    line: int
    message: str
    field: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        """True for problems that stop a file from being published."""
        return self.severity == ERROR

    def __str__(self) -> str:
        label = "" if self.is_error else "waarschuwing: "
        return f"{self.path}:{self.line}: {label}{self.message}"
