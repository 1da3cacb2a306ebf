"""Values worked out once per request and kept on `g`, found again with one lookup (asked many times per page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import g

T = TypeVar("T")


def once_per_request(name: str, work_out: Callable[[], T]) -> T:
    """`work_out()` the first time this request asks for `name`, the kept value after that."""
    request_globals = g._get_current_object()  # one proxy lookup, then plain attribute access
    try:
        return getattr(request_globals, name)
    except AttributeError:
        value = work_out()
        setattr(request_globals, name, value)
        return value
