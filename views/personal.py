"""Requests that carry a person's plan or check answers: never stored, never cached, never indexed.

A coach's plan (`r`, `doel`, `heb`, `klaar`, `wie.…`, `door.…`, `wanneer.…`) and the check's answers
live in the URL only. Any response to such a URL, on any route, says `no-store` to browsers and proxies
and `noindex` to search engines, and the page cache (`views.pagecache`) never keeps it.
"""

from __future__ import annotations

from flask import Flask, Response, request

from regelingen.check.answers import KEYS as CHECK_KEYS
from regelingen.coach.plan import NOTE_FIELDS

PLAN_KEYS = frozenset({"r", "doel", "heb", "klaar"})
# `gemeente` is a public choice on every page, not an answer about a person.
ANSWER_KEYS = frozenset(CHECK_KEYS) - {"gemeente"} | {"postcode"}
PERSONAL_KEYS = PLAN_KEYS | ANSWER_KEYS


def is_personal_key(key: str) -> bool:
    """True when a query key carries part of a plan or an answer (`wie.oss/x.1` counts as `wie`)."""
    return key in PERSONAL_KEYS or key.partition(".")[0] in NOTE_FIELDS


def personal_request() -> bool:
    """True when the current request's query carries anything personal."""
    return any(is_personal_key(key) for key in request.args)


def init_app(app: Flask) -> None:
    """Mark every response to a personal URL `no-store` and `noindex`; offer `personal_request` to templates."""
    app.jinja_env.globals["personal_request"] = personal_request

    @app.after_request
    def keep_private(response: Response) -> Response:
        if personal_request():
            response.headers["Cache-Control"] = "no-store"
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
