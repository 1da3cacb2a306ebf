"""The OpenAPI 3.1 description of the JSON API, with the allowed values filled in from the data."""

from __future__ import annotations

from typing import Any


def openapi_document(municipalities: list[str], categories: list[str], max_limit: int) -> dict[str, Any]:
    """The OpenAPI document for /api/v1, listing today's municipalities and the fixed categories."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Regelingenwijzer API",
            "version": "1",
            "description": (
                "Support schemes for people on a low income in Dutch municipalities. Read-only, no key, "
                "no cookies. Texts are in Dutch (B1). Version 1 is stable: fields are only ever added."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/search": {
                "get": {
                    "summary": "Search schemes in plain language",
                    "description": (
                        "Words, typos, English and compound words are understood; the input is never query "
                        "syntax. With a municipality, only its own schemes and the national ones are returned; "
                        "without one, only the national schemes. "
                        "With no result, `fallback` offers the closest schemes, the categories and a contact."
                    ),
                    "parameters": _search_parameters(municipalities, categories, max_limit),
                    "responses": {
                        "200": _response("The results, best first.", _ref("SearchResponse")),
                        "400": _response("A parameter is not allowed; `allowed` lists what is.", _ref("Error")),
                    },
                }
            },
            "/schemes/{municipality}/{slug}": {
                "get": {
                    "summary": "One scheme, with every field of its data file (Dutch keys)",
                    "description": "The fields follow the data format in schema/regeling.schema.json (repository).",
                    "parameters": [
                        {"name": "municipality", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": _response("The scheme.", _ref("Scheme")),
                        "404": _response("There is no scheme with this id.", _ref("Error")),
                    },
                }
            },
            "/municipalities": {
                "get": {
                    "summary": "The municipalities, and `landelijk` for the national schemes, with their contact",
                    "responses": {"200": _response("The municipalities.", _ref("Municipalities"))},
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": _response("The OpenAPI document.", {"type": "object"})},
                }
            },
        },
        "components": {"schemas": _schemas()},
    }


def _search_parameters(municipalities: list[str], categories: list[str], max_limit: int) -> list[dict[str, Any]]:
    limit = {"type": "integer", "minimum": 1, "maximum": max_limit, "default": 10}
    return [
        _parameter("q", "What the person looks for, in own words (first 200 characters count).", {"type": "string"}),
        _parameter(
            "municipality",
            "Only this municipality, plus the national schemes. Empty or left out: only the national schemes.",
            _choice(municipalities),
        ),
        _parameter("category", "Only this category. Empty or left out: every category.", _choice(categories)),
        _parameter("limit", "How many results to return. Empty or left out: the default.", limit),
    ]


def _parameter(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A query parameter that may be left out or sent empty (`name=`, as a form sends "none chosen")."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema,
    }


def _choice(values: list[str]) -> dict[str, Any]:
    return {"type": "string", "enum": values}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _schemas() -> dict[str, Any]:
    text, texts = {"type": "string"}, {"type": "array", "items": {"type": "string"}}
    nullable_text = {"type": ["string", "null"]}
    contact = {
        "type": "object",
        "properties": {key: nullable_text for key in ("name", "phone", "email", "url", "address", "opening_hours")},
    }
    result = {
        "type": "object",
        "required": ["id", "municipality", "title", "summary", "url", "categories", "score", "match"],
        "properties": {
            "id": {"type": "string", "description": "<municipality>/<slug>"},
            "municipality": text,
            "title": text,
            "summary": text,
            "url": {"type": "string", "description": "The scheme's page on the site: /<municipality>/<slug>"},
            "categories": texts,
            "score": {"type": "number"},
            "match": {
                "type": "string",
                "enum": ["strong", "weak"],
                "description": "strong: part of the answer (the top result and those after it until the scores "
                "clearly step down); "
                "weak: a further result that may also fit. The closest schemes after no match are all weak.",
            },
        },
    }
    return {
        "Result": result,
        "Contact": contact,
        "SearchResponse": {
            "type": "object",
            "required": ["query", "municipality", "total", "suggestion", "results", "fallback"],
            "properties": {
                "query": text,
                "municipality": nullable_text,
                "total": {"type": "integer", "minimum": 0},
                "suggestion": {
                    "type": ["string", "null"],
                    "description": "'Bedoelde u ...': the query with its misspelled words corrected.",
                },
                "results": {"type": "array", "items": _ref("Result")},
                "fallback": {
                    "description": "Set when there are no results: never a dead end.",
                    "oneOf": [
                        {"type": "null"},
                        {
                            "type": "object",
                            "properties": {
                                "closest": {"type": "array", "items": _ref("Result")},
                                "categories": texts,
                                "contact": {"oneOf": [{"type": "null"}, _ref("Contact")]},
                            },
                        },
                    ],
                },
            },
        },
        "Scheme": {
            "type": "object",
            "required": ["id", "municipality", "url", "titel", "samenvatting"],
            "properties": {
                "id": text,
                "municipality": text,
                "url": text,
                "titel": text,
                "samenvatting": text,
                "inkomensgrens_berekend": {
                    "description": (
                        "Only when the file gives the income limit as a percentage of the bijstandsnorm: that limit "
                        "in euros (net per month), with the start date of the norm period it was computed with. "
                        "`actueel` is false when no norms are known for the current half year yet."
                    ),
                    "type": "object",
                    "required": ["procent", "bijstandsnorm_van", "actueel", "aow_leeftijd", "per_maand_netto"],
                    "properties": {
                        "procent": {"type": "integer"},
                        "bijstandsnorm_van": {"type": "string", "format": "date"},
                        "actueel": {"type": "boolean"},
                        "aow_leeftijd": {"type": "boolean"},
                        "per_maand_netto": {
                            "type": "object",
                            "required": ["alleenstaand", "samenwonend"],
                            "properties": {"alleenstaand": {"type": "number"}, "samenwonend": {"type": "number"}},
                        },
                    },
                },
            },
            "additionalProperties": True,
        },
        "Municipalities": {
            "type": "object",
            "properties": {
                "municipalities": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "slug": text,
                            "name": text,
                            "national": {"type": "boolean"},
                            "cbs_code": nullable_text,
                            "postcodes": texts,
                            "contact": _ref("Contact"),
                        },
                    },
                }
            },
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": text, "allowed": {"type": "array"}},
        },
    }
