"""A short load test: gunicorn with the real data under a few seconds of the realistic mix, zero errors."""

from __future__ import annotations

import os
import shutil

import pytest

from bench import load, wrk


@pytest.fixture(scope="module")
def short_run():
    """Three seconds of the mix from bench/load.py against gunicorn on 127.0.0.1 (CI must have wrk)."""
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            pytest.fail("wrk is missing; `make bench-tools` installs it")
        pytest.skip("wrk is missing; install it with `make bench-tools`")
    return load.run_all(seconds=3, connections=None, short=True)


def test_mix_under_load_has_no_errors(short_run):
    """No 4xx/5xx and no socket errors while every worker is busy."""
    mix = short_run["scenarios"]["mix"]
    assert mix["requests"] > 0
    assert mix["errors"] == {"http": 0, "socket": 0, "total": 0}


def test_mix_covers_every_kind_of_page(short_run):
    """The mix visits home, search, scheme pages and the API, not just one cheap page."""
    paths = load.mix_paths(["oss/voorbeeld", "landelijk/zorgtoeslag"], has_guides=True)
    assert {"/", "/oss/voorbeeld"} <= set(paths)
    assert any(path.startswith("/zoeken?q=") for path in paths)
    assert any(path.startswith("/api/v1/search?q=") for path in paths)
    assert any(path.endswith("/stappenplan") for path in paths)
    assert short_run["scenarios"]["mix"]["paths"] == len(paths)


def test_wrk_refuses_other_hosts():
    """Load is only ever sent to this machine."""
    with pytest.raises(ValueError):
        wrk.run("http://192.0.2.1:8000", ["/"], 1, 1)
