"""The codes people and files write: a slug (`oss`, `bijzondere-bijstand`), a postcode, a phone number."""

from __future__ import annotations

import re

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$")


def is_slug(text: str) -> bool:
    """True for lowercase letters and digits in parts joined by single hyphens: a file or folder name."""
    return SLUG.match(text) is not None


def read_postcode(text: str) -> str | None:
    """The 4 digits of a postcode typed as `5341`, `5341AB` or `5341 ab`; None when it is not one."""
    match = POSTCODE.match(text)
    return match.group(1) if match else None


def tel_target(phone: str) -> str:
    """A `tel:` link target for a Dutch phone number as written in the data (`14 0412`, `0800-8115`)."""
    return "tel:" + re.sub(r"\D", "", phone)
