"""Limits on a data file, checked before it is read: no symbolic links, no file larger than `MAX_FILE_BYTES`.

The largest real scheme file is about 6 kB; 100 kB leaves room for any honest scheme, and keeps a
mistaken or hostile file (50 MB of text) out of every worker's memory and every page.
"""

from __future__ import annotations

from pathlib import Path

MAX_FILE_BYTES = 100_000


def file_limit_problem(path: Path) -> str | None:
    """What is wrong with `path` before it is even read, in plain Dutch, or None."""
    if path.is_symlink():
        return "dit bestand is een snelkoppeling (symlink); zet het echte bestand in de map, dan nemen we het mee"
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return (
            f"dit bestand is te groot: {size / 1000:,.0f} kB, hoogstens {MAX_FILE_BYTES // 1000} kB; "
            "staat er per ongeluk iets anders in?"
        ).replace(",", ".")
    return None
