"""Schemathesis drives every operation of /api/v1/openapi.json in-process: no 500, answers as described."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import negative_data_rejection

from app import create_app

OPERATIONS = ["/search", "/schemes/{municipality}/{slug}", "/municipalities", "/openapi.json"]
# Schemathesis's WSGI client asks for gzip but does not unpack it; the API answers plain JSON without it.
PLAIN = {"Accept-Encoding": "identity"}
# An empty `municipality=` or `category=` means "none chosen" on purpose (forms send them), though the
# document lists only the known values: the check that invalid input is refused would flag that.
LENIENT = [negative_data_rejection]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    """The API's own OpenAPI document, loaded from the app (shipped data, index in a temp dir) over WSGI."""
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path_factory.mktemp("index"))})
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


# Only the search has parameters that can be invalid (any text is a valid path segment).
CASES = [(path, GenerationMode.POSITIVE) for path in OPERATIONS] + [("/search", GenerationMode.NEGATIVE)]


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{path}-{mode.value}" for path, mode in CASES])
def test_api_conforms_to_its_description(api_schema, path, mode):
    """Status codes, content types, headers and bodies match the document; nothing is a server error."""
    operation = api_schema[path]["GET"]
    excluded = LENIENT if mode == GenerationMode.NEGATIVE else []

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(headers=PLAIN, excluded_checks=excluded)

    check()
