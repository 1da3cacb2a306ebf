"""Helpers for the check's tests: fixture paths, a fixed date, answers from a query string, the app on fixtures."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

from flask import Flask
from sitepage import TODAY
from sitepage import make_app as make_page_app

from regelingen.catalog import load_catalog
from regelingen.check.answers import Answers, parse_answers
from regelingen.check.normen import Norms, load_norms

CHECK_DATA = Path(__file__).parent / "data" / "check"
SCHEMES = CHECK_DATA / "schemes"
NORMS = CHECK_DATA / "normen.yaml"
OLD_NORMS = CHECK_DATA / "normen-oud.yaml"


def answers(query: str) -> Answers:
    """Answers from a query string such as `partner=nee&kinderen=4-17`."""
    return parse_answers(parse_qsl(query, keep_blank_values=True))


def norms(path: Path = NORMS) -> Norms:
    """The fixture norms (they must load without problems)."""
    loaded, problems = load_norms(path)
    assert loaded is not None and not problems, problems
    return loaded


def catalog():
    """The check's fixture schemes."""
    return load_catalog(SCHEMES, today=TODAY)


def make_app(tmp_path: Path, norms_file: Path = NORMS) -> Flask:
    """The app on the check's fixture schemes and norms, with a fixed date."""
    return make_page_app(tmp_path, SCHEMES, NORMEN_FILE=str(norms_file))
