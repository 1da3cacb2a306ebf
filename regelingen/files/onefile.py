"""Read and check one scheme file from anywhere (such as Downloads), as if it were in a municipality's folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regelingen.files.build import build_scheme
from regelingen.files.problems import Problem
from regelingen.files.validate import check_text
from regelingen.model import Scheme


def load_scheme_file(path: Path, municipality: str, today: date) -> tuple[Scheme | None, list[Problem]]:
    """The scheme in `path` for `municipality` (None when it has errors) and every problem found."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(str(path), 1, f"het bestand kan niet gelezen worden als UTF-8-tekst: {error}")]
    data, problems = check_text(text, str(path), municipality, path.name, today)
    if data is None or any(problem.is_error for problem in problems):
        return None, problems
    return build_scheme(municipality, path.stem, data), problems
