"""The public JSON API, version 1: search, one scheme, the municipalities and its OpenAPI description."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import Blueprint, Flask, Response, jsonify, request

import search
from regelingen.files.schema import categories
from regelingen.model import NATIONAL, Municipality, Scheme
from regelingen.thresholds import DerivedIncomeLimit
from search.results import Hit
from views.api.openapi import openapi_document
from views.catalog import current_catalog
from views.formatting import income_limit
from views.privacy import NO_STORE

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MIN_LIMIT, MAX_LIMIT, DEFAULT_LIMIT = 1, 50, 10


class BadParameter(Exception):
    """A query parameter outside what the API accepts; answered with 400 and the allowed values."""

    def __init__(self, message: str, allowed: list[Any]):
        super().__init__(message)
        self.message = message
        self.allowed = allowed


@bp.get("/search")
def search_schemes() -> Response:
    """Schemes for a question, for one municipality (plus the national ones), best first."""
    catalog = current_catalog()
    municipality = _choice("municipality", list(catalog.municipalities))
    category = _choice("category", list(categories()))
    limit = _limit()
    response = search.search(request.args.get("q", ""), municipality, category, limit)
    fallback = response.fallback
    return _json(
        {
            "query": response.query,
            "municipality": response.municipality,
            "total": response.total,
            "suggestion": response.suggestion,
            "results": _results(response.hits, search.strong_count(response.hits)),
            "fallback": fallback
            and {
                "closest": _results(fallback.closest, strong=0),
                "categories": list(fallback.categories),
                "contact": fallback.contact and asdict(fallback.contact),
            },
        },
        cache=NO_STORE,
    )


@bp.get("/schemes/<municipality>/<slug>")
def scheme(municipality: str, slug: str) -> Response:
    """One scheme as in its data file (Dutch keys), with its id, municipality and page address."""
    found = current_catalog().schemes.get(f"{municipality}/{slug}")
    if found is None:
        return _json({"error": f"no scheme with id '{municipality}/{slug}'"[:200]}, 404)
    derived = income_limit(found)
    extra = {"inkomensgrens_berekend": _derived(derived)} if derived else {}
    return _json({"id": found.id, "municipality": found.municipality, "url": _url(found), **found.data, **extra})


@bp.get("/municipalities")
def municipalities() -> Response:
    """Every municipality (and `landelijk` for the national schemes) with its main contact."""
    return _json({"municipalities": [_municipality(item) for item in current_catalog().municipalities.values()]})


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    catalog = current_catalog()
    return _json(openapi_document(list(catalog.municipalities), list(categories()), MAX_LIMIT))


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter) -> Response:
    """400 with what was wrong and what is allowed."""
    return _json({"error": error.message, "allowed": error.allowed}, 400)


def _choice(name: str, allowed: list[str]) -> str | None:
    """One of `allowed`, or None when the parameter is left out or empty (as a form sends "none chosen")."""
    value = request.args.get(name, "")
    if value and value not in allowed:
        raise BadParameter(f"unknown {name} '{value[:60]}'; use one of the allowed values", allowed)
    return value or None


def _limit() -> int:
    """The number of results asked for; the default when the parameter is left out or empty."""
    text = request.args.get("limit", "")
    if not text:
        return DEFAULT_LIMIT
    # isdecimal and the length bound keep int() from failing on '²' or on thousands of digits.
    if not (len(text) <= 3 and text.isdecimal() and MIN_LIMIT <= int(text) <= MAX_LIMIT):
        raise BadParameter(f"limit must be a whole number from {MIN_LIMIT} to {MAX_LIMIT}", [MIN_LIMIT, MAX_LIMIT])
    return int(text)


def _results(hits: tuple[Hit, ...], strong: int) -> list[dict[str, Any]]:
    """Hits as result objects, the first `strong` ones the answer; a hit this worker's catalog lacks is left out."""
    schemes = current_catalog().schemes
    return [
        _result(schemes[hit.scheme_id], hit.score, "strong" if rank < strong else "weak")
        for rank, hit in enumerate(hits)
        if hit.scheme_id in schemes
    ]


def _result(found: Scheme, score: float, match: str) -> dict[str, Any]:
    return {
        "id": found.id,
        "municipality": found.municipality,
        "title": found.title,
        "summary": found.summary,
        "url": _url(found),
        "categories": list(found.categories),
        "score": score,
        "match": match,
    }


def _municipality(item: Municipality) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "name": item.name,
        "national": item.slug == NATIONAL,
        "cbs_code": item.cbs_code,
        "postcodes": list(item.postcodes),
        "contact": asdict(item.contact),
    }


def _url(found: Scheme) -> str:
    return f"/{found.municipality}/{found.slug}"


def _derived(limit: DerivedIncomeLimit) -> dict[str, Any]:
    """The income limit in euros with the date of the bijstandsnorm it was computed with."""
    return {
        "procent": limit.percent,
        "bijstandsnorm_van": limit.norm_date.isoformat(),
        "actueel": limit.current,
        "aow_leeftijd": limit.pension_age,
        "per_maand_netto": {"alleenstaand": limit.single, "samenwonend": limit.couple},
    }


def _json(data: dict[str, Any], status: int = 200, cache: str = "public, max-age=300") -> Response:
    """A JSON response any site may read (public data, no cookies); searches are never cached."""
    response = jsonify(data)
    response.status_code = status
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = cache
    return response


def init_app(app: Flask) -> None:
    """Register the API under /api/v1."""
    app.register_blueprint(bp)
