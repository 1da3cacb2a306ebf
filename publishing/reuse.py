"""Validate only what changed: the live generation's checks stand in for the files whose text is the same.

Validating a file (YAML, JSON Schema, the rules across fields) is what makes a national publish slow:
14,000 files, about 40 s of CPU. A generation keeps per file the SHA-256 of the text it validated, and
the warnings found (`publishing.stored`); the next publish validates only new and changed files. The
checks across files (folders, municipalities, ids, last good versions) still run over the whole set in
`regelingen.catalog`. Nothing is reused on another day (some warnings depend on the date) or under other
rules: another publication format, index version or lexicon, a changed schema or validation code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regelingen
from publishing.stored import CheckedFile, Checks
from regelingen.files.problems import Problem
from regelingen.files.schema import SCHEMA_DIR
from regelingen.files.validate import check_text


def validation_rules(extra: Collection[str]) -> str:
    """A fingerprint of what validation depends on besides a file's text: `extra`, the schemas and the code."""
    digest = hashlib.sha256()
    for item in sorted(extra):
        digest.update(f"{item}\n".encode())
    code = sorted(Path(regelingen.__file__).parent.rglob("*.py")) + sorted(SCHEMA_DIR.glob("*.json"))
    for path in code:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class ReusingCheck:
    """`check_text` for one publish: answers from `earlier` for unchanged text, and keeps every good answer."""

    def __init__(self, earlier: Checks | None, today: date, rules: str):
        self.today, self.rules = today, rules
        valid = earlier is not None and earlier.day == today.isoformat() and earlier.rules == rules
        self.earlier = earlier.files if valid and earlier is not None else MappingProxyType({})
        self.checked: dict[str, CheckedFile] = {}

    def __call__(
        self, text: str, shown_path: str, folder: str, filename: str, today: date
    ) -> tuple[Any, list[Problem]]:
        """What `check_text` gives for this text, validated again only when it is new or changed."""
        relative = f"{folder}/{filename}"
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        earlier = self.earlier.get(relative)
        if earlier is not None and earlier.sha256 == sha256 and today == self.today:
            data, problems = earlier.data, [Problem(shown_path, *warning) for warning in earlier.warnings]
        else:
            data, problems = check_text(text, shown_path, folder, filename, today)
        if isinstance(data, dict) and not any(problem.is_error for problem in problems):
            warnings = tuple((problem.line, problem.message, problem.field, problem.severity) for problem in problems)
            self.checked[relative] = CheckedFile(sha256, data, warnings)
        return data, problems

    def checks(self) -> Checks:
        """The checks of this publish, to store with its catalog."""
        return Checks(self.today.isoformat(), self.rules, MappingProxyType(dict(self.checked)))
