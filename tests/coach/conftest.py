"""Fixtures for the coach's tests: the app on the coach fixture schemes, on a fixed day."""

from __future__ import annotations

import pytest
from coachapp import COACH_DATA
from sitepage import make_app


@pytest.fixture
def app(tmp_path):
    """The app on the coach fixture schemes (tests/data/coach), on a fixed day."""
    return make_app(tmp_path, COACH_DATA)
