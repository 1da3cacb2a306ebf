"""Validate only what changed: the live generation's checks stand in for the files whose text is the same.

Validating a file (YAML, JSON Schema, the rules across fields) is what makes a national publish slow:
14,000 files, about 40 s of CPU. A generation keeps per file the SHA-256 of the text it validated, and
the warnings found (`publishing.stored`); the next publish validates only new and changed files. The
checks across files (folders, municipalities, ids, last good versions) still run over the whole set in
`regelingen.catalog`. Nothing is reused on another day (some warnings depend on the date) or under other
rules: another publication format, index version or lexicon, a changed schema or validation code.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
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

# Where validation starts: one file (`check_text`) and the checks across files (`load_catalog`).
VALIDATION_ENTRY_POINTS = ("regelingen.files.validate", "regelingen.catalog")


def validation_rules(extra: Collection[str]) -> str:
    """A fingerprint of what validation depends on besides a file's text: `extra`, the schemas and the code."""
    digest = hashlib.sha256()
    for item in sorted(extra):
        digest.update(f"{item}\n".encode())
    root = Path(regelingen.__file__).parent.parent
    for path in validation_sources() + sorted(SCHEMA_DIR.glob("*.json")):
        name = path.relative_to(root) if path.is_relative_to(root) else path.name
        digest.update(str(name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def validation_sources() -> list[Path]:
    """The source files of every `regelingen` module that validation runs, found by following imports."""
    found: dict[str, Path] = {}
    waiting = list(VALIDATION_ENTRY_POINTS)
    while waiting:
        name = waiting.pop()
        if name in found or (path := _source_of(name)) is None:
            continue
        found[name] = path
        parents = [name.rsplit(".", depth)[0] for depth in range(1, name.count(".") + 1)]  # their __init__ runs too
        waiting += parents + [imported for imported in _imports(path) if imported.split(".")[0] == "regelingen"]
    return sorted(found.values())


def _source_of(module: str) -> Path | None:
    """The file of `module`, or None when it is not a module (a name imported from one)."""
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        return None
    return Path(spec.origin) if spec is not None and spec.origin else None


def _imports(path: Path) -> list[str]:
    """The modules `path` imports absolutely, and for `from x import y` also `x.y` (y may be a module)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return names


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
