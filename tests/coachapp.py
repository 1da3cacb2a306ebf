"""The app on the coach fixture schemes (tests/data/coach), shared by the coach page and PDF tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import Flask

from app import create_app

COACH_DATA = Path(__file__).parent / "data" / "coach"
TAX = "oss/kwijtschelding"
EXTRA = "oss/bijzondere-bijstand"
CARE = "landelijk/zorgtoeslag"
# The guide prints "Gedrukt op <today>": a fixed day keeps the expected text stable.
TODAY = date(2026, 11, 21)


def make_coach_app(tmp_path: Path) -> Flask:
    """The app on the coach fixtures, with its search index in a temp dir and a fixed date."""
    return create_app(
        {"TESTING": True, "DATA_DIR": str(COACH_DATA), "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY}
    )
