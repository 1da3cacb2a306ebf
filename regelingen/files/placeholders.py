"""Find example text from `flask regelingen new` that was never replaced, so it never reaches a resident.

A placeholder is an error, not a warning: a new file stays off the site and a changed file keeps its last
good version online until the real text is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from regelingen.files.messages import field_name
from regelingen.files.problems import Problem
from regelingen.files.yamlfile import YamlDocument

# What the starting file (staff/newfile.py) writes where staff must fill something in: instructions
# ("Schrijf hier ...", "Vervang dit ..."), and the example addresses and numbers of its optional fields.
PLACEHOLDERS = (
    (
        re.compile(r"^(Schrijf hier|Vervang dit)\b|^Write .* here\.$"),
        "'{field}' bevat nog de voorbeeldtekst: \"{value}\" Vervang die door de echte tekst.",
    ),
    (
        re.compile(r"\bvoorbeeld\.nl\b|^Voorbeeldstraat\b", re.IGNORECASE),
        "'{field}' is nog het voorbeeld '{value}'. Vul het echte adres in, of haal het veld weg.",
    ),
    (
        re.compile(r"^(14 0000|0800-0000000)$"),
        "'{field}' is nog het voorbeeldnummer '{value}'. Vul het echte telefoonnummer in.",
    ),
)
SHOWN_CHARACTERS = 100


def placeholder_problems(shown_path: str, document: YamlDocument, data: Any) -> list[Problem]:
    """An error at every field that still holds example text from the starting file."""
    problems = []
    for path, value in _texts(data, ()):
        for pattern, message in PLACEHOLDERS:
            if pattern.search(value):
                shown = value if len(value) <= SHOWN_CHARACTERS else value[: SHOWN_CHARACTERS - 1] + "…"
                text = message.format(field=field_name(path), value=shown)
                problems.append(Problem(shown_path, document.line_of(path), text, field_name(path)))
                break
    return problems


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every text in `value` with the path of the field it stands in."""
    if isinstance(value, str):
        yield path, value.strip()
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
