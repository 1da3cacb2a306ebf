"""Shared pytest fixtures: the app on small fixture data, its test client and CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from testapp import make_app

TEST_DATA = Path(__file__).parent / "data"


@pytest.fixture
def app(tmp_path):
    """The app on the fixture schemes in tests/data/schemes, with its index in a temp dir."""
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    """A test client for `app`."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for `app`."""
    return app.test_cli_runner()
