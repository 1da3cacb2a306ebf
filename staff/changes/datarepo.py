"""Scheme files as the data's git repository keeps them: read, write with a commit, and the history.

The repository is the project's own checkout by default (`STAFF_DATA_REPO`), a separate data
repository in production. Git itself does the work (it is on every server that has the data); one
lock per repository lets one approval at a time write and commit.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

COMMITTER = ("Regelingenwijzer beheer", "beheer@regelingenwijzer.invalid")
FIELD_SEPARATOR = "\x1f"


class DataRepoError(Exception):
    """Git could not do what was asked (the message says what, in Dutch)."""


@dataclass(frozen=True)
class Version:
    """One commit that changed a file."""

    commit: str
    author: str
    at: datetime
    message: str


@dataclass(frozen=True)
class DataRepo:
    """The data folder (`data_dir`, with a folder per municipality) inside the git work tree `repo_dir`."""

    data_dir: Path
    repo_dir: Path

    def path(self, municipality: str, slug: str) -> Path:
        """The file of scheme `slug` of `municipality`."""
        return self.data_dir / municipality / f"{slug}.yaml"

    def read(self, municipality: str, slug: str) -> str | None:
        """The file's text now, or None when there is no such file."""
        path = self.path(municipality, slug)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def write(self, municipality: str, slug: str, text: str, author: tuple[str, str], message: str) -> str:
        """Replace the file at once (never half-written) and commit it alone; return the commit id."""
        path = self.path(municipality, slug)
        with self._locked():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".concept-", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
            relative = str(path.relative_to(self.repo_dir))
            self._git("add", "--", relative)
            name, email = author
            self._git("commit", "--quiet", f"--author={name} <{email}>", "-m", message, "--", relative)
            return self._git("rev-parse", "HEAD").strip()

    def history(self, municipality: str, slug: str, limit: int = 50) -> list[Version]:
        """The commits that changed the file, newest first (renames followed)."""
        relative = str(self.path(municipality, slug).relative_to(self.repo_dir))
        fmt = FIELD_SEPARATOR.join(["%H", "%an", "%aI", "%s"])
        out = self._git("log", f"-n{limit}", "--follow", f"--format={fmt}", "--", relative)
        versions = []
        for line in out.splitlines():
            commit, author, at, message = line.split(FIELD_SEPARATOR, 3)
            versions.append(Version(commit, author, datetime.fromisoformat(at), message))
        return versions

    def text_at(self, commit: str, municipality: str, slug: str) -> str | None:
        """The file's text in `commit`, or None when it did not exist there."""
        if not (len(commit) in (40, 64) and all(c in "0123456789abcdef" for c in commit)):
            return None
        relative = str(self.path(municipality, slug).relative_to(self.repo_dir))
        try:
            return self._git("show", f"{commit}:{relative}")
        except DataRepoError:
            return None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        lock = self.repo_dir / ".git" / "regelingenwijzer-beheer.lock"
        with open(lock, "a+") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            yield

    def _git(self, *arguments: str) -> str:
        name, email = COMMITTER
        command = ["git", "-C", str(self.repo_dir), "-c", f"user.name={name}", "-c", f"user.email={email}", *arguments]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        if result.returncode != 0:
            raise DataRepoError(f"git {arguments[0]} lukte niet: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout
