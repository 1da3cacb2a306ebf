"""The coach fixture schemes (tests/data/coach), shared by the coach page, PDF and guide tests."""

from __future__ import annotations

from pathlib import Path

COACH_DATA = Path(__file__).parent / "data" / "coach"
TAX = "oss/kwijtschelding"
EXTRA = "oss/bijzondere-bijstand"
CARE = "landelijk/zorgtoeslag"
