"""Schemathesis drives every operation of /api/v1/openapi.json in-process: no 500, answers as described."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from testapp import make_app

OPERATIONS = ["/search", "/schemes/{municipality}/{slug}", "/municipalities", "/openapi.json"]
# Schemathesis's WSGI client asks for gzip but does not unpack it; the API answers plain JSON without it.
PLAIN = {"Accept-Encoding": "identity"}
# Schemathesis also feeds literals from the app's own source (a CLI `--timeout` default of 10.0) into
# parameters; in `anyOf` (an optional parameter that may be empty) it then sends `limit=10.0`, which is
# not how a whole number is written in a URL. The generated values alone test the document.
NO_SOURCE_CONSTANTS = SchemathesisConfig.from_dict({"analysis": {"constants": {"enabled": False}}})


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    """The API's own OpenAPI document, loaded from the app (shipped data, index in a temp dir) over WSGI."""
    app = make_app(tmp_path_factory.mktemp("app"), None)
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=NO_SOURCE_CONSTANTS)


# Only the search has parameters that can be invalid (any text is a valid path segment).
CASES = [(path, GenerationMode.POSITIVE) for path in OPERATIONS] + [("/search", GenerationMode.NEGATIVE)]


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{path}-{mode.value}" for path, mode in CASES])
def test_api_conforms_to_its_description(api_schema, path, mode):
    """Status codes, content types, headers and bodies match the document; invalid input gets a 400; no 500."""
    operation = api_schema[path]["GET"]

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(headers=PLAIN)

    check()
