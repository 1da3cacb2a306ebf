"""Fixtures for the candidate pages' tests: the app on the site's fixture schemes, on a fixed day."""

from __future__ import annotations

import pytest
from sitepage import make_app


@pytest.fixture
def app(tmp_path):
    """The app on the site's fixture schemes (tests/data/site); "today" is 21 November 2026."""
    return make_app(tmp_path)
