"""Ending a scheme: the same file with status `beëindigd` and the end date, everything else as it was."""

from __future__ import annotations

from datetime import date

from staff.edit import roundtrip

RETIRED = "beëindigd"


def retired_text(text: str, end_date: date) -> str:
    """`text` with `status: beëindigd` and `geldig_tot: end_date` (comments and layout kept)."""
    document = roundtrip.load(text)
    roundtrip.apply(document, {"status": RETIRED, "geldig_tot": end_date})
    return roundtrip.dump(document)
