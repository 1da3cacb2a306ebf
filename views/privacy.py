"""One marker for responses that nobody may keep: a person's answers or plan, the staff pages, /healthz."""

from __future__ import annotations

from flask import Response, make_response
from werkzeug.wrappers import Response as BaseResponse

NO_STORE = "no-store"


def no_store(page: str | BaseResponse, status: int | None = None) -> Response:
    """`page` as a response that browsers and proxies must not store (`Cache-Control: no-store`)."""
    response = make_response(page) if status is None else make_response(page, status)
    response.headers["Cache-Control"] = NO_STORE
    return response
