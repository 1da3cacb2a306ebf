"""The visitor's choices (municipality, language) carried in every link and form instead of a cookie."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import Flask, Response, current_app, request
from markupsafe import Markup
from werkzeug.routing import Map

from regelingen.coach.plan import Plan
from regelingen.model import NATIONAL, Municipality
from views.catalog import current_catalog
from views.languages import DEFAULT_LANGUAGE, LANGUAGES, current_language
from views.perrequest import once_per_request
from views.urls import fast_url_for

# Endpoints whose path names the municipality: there the path, not `?gemeente=`, carries the choice.
PATH_ENDPOINTS = ("site.municipality", "site.scheme")
# The coach pages build their plan links themselves (an editor button changes the plan on purpose).
COACH_PREFIX = "coach."


def chosen_municipality() -> Municipality | None:
    """The municipality the visitor chose: from the path, else from `?gemeente=`; never `landelijk`."""
    return once_per_request("chosen", _chosen_in_request)


def _chosen_in_request() -> Municipality | None:
    catalog = current_catalog()
    for slug in ((request.view_args or {}).get("municipality"), request.args.get("gemeente")):
        if slug and slug != NATIONAL and slug in catalog.municipalities:
            return catalog.municipalities[slug]
    return None


def unknown_municipality() -> str | None:
    """The `?gemeente=` value when it names no municipality we know (to say so plainly)."""
    slug = request.args.get("gemeente", "")
    return slug[:60] if slug and slug not in current_catalog().municipalities else None


def carried_plan() -> list[tuple[str, str]]:
    """The coach's plan in this request's URL, as query pairs (empty when there is none)."""
    return once_per_request("carried_plan", _plan_in_request)


def _plan_in_request() -> list[tuple[str, str]]:
    return Plan.from_query(request.args.items(multi=True)).to_query() if "r" in request.args else []


def carries_plan() -> bool:
    """True when this request's URL holds a coach's plan: then the page holds it too, and is never stored."""
    return bool(carried_plan())


def _with_plan(endpoint: str, values: dict[str, Any]) -> dict[str, Any]:
    """`values` plus the plan of this request, so a plan travels through every page; a link to the plan adds to it."""
    plan = carried_plan()
    from_coach = (request.endpoint or "").startswith(COACH_PREFIX)
    if not plan or endpoint == "static" or (from_coach and endpoint.startswith(COACH_PREFIX)):
        return values
    carried: dict[str, list[str]] = {}
    for key, value in plan:
        carried.setdefault(key, []).append(value)
    if endpoint == "coach.plan" and "r" in values:
        added = values["r"] if isinstance(values["r"], list) else [values["r"]]
        values["r"] = list(dict.fromkeys([*carried["r"], *added]))
    for key, listed in carried.items():
        values.setdefault(key, listed)
    return values


def state_values(endpoint: str, values: dict[str, Any]) -> dict[str, Any]:
    """`values` plus `taal`, `gemeente` and the plan where the link needs them to keep the visitor's choices."""
    values = _with_plan(endpoint, dict(values))
    language = current_language()
    if language != DEFAULT_LANGUAGE:
        values.setdefault("taal", language)
    chosen = chosen_municipality()
    in_path = endpoint in PATH_ENDPOINTS and values.get("municipality") not in (None, NATIONAL)
    if chosen and not in_path:
        values.setdefault("gemeente", chosen.slug)
    return values


def link(endpoint: str, **values: Any) -> str:
    """`url_for` that keeps the chosen language and municipality; pass `gemeente=None` to drop it."""
    return fast_url_for(endpoint, state_values(endpoint, values))


def public_base_url() -> str:
    """The site's public address (config `PUBLIC_BASE_URL`, like `https://regelingenwijzer.nl`), without a slash
    at the end: printed links and QR codes use it, never the Host header a visitor sent."""
    return str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/")


def public_link(endpoint: str, **values: Any) -> str:
    """`link` as a full URL on the public address, for paper and QR codes."""
    return public_base_url() + link(endpoint, **values)


def language_link(code: str) -> str:
    """This same page in language `code`, with every other parameter kept.

    A query key that `url_for` would read as a path argument or as one of its own keywords (`_anchor`,
    `_scheme`, ...) is not ours: it is dropped, so that no query string can break the link.
    """
    path_args = request.view_args or {}
    route_arguments = _route_arguments(current_app.url_map)
    args: dict[str, Any] = {
        key: request.args.getlist(key)
        for key in request.args
        if key != "taal" and key not in path_args and not key.startswith("_") and key not in route_arguments
    }
    if code != DEFAULT_LANGUAGE:
        args["taal"] = code
    if request.endpoint and request.url_rule is not None and request.endpoint != "static":
        return fast_url_for(request.endpoint, {**path_args, **args})
    return fast_url_for("site.home", args)


@lru_cache(maxsize=4)  # one map per app; tests make many apps
def _route_arguments(url_map: Map) -> frozenset[str]:
    """Names of path arguments in any route: never our query keys (`?municipality=` on /zoeken)."""
    return frozenset(name for rule in url_map.iter_rules() for name in rule.arguments)


def state_fields(*, keep_municipality: bool = True, keep_plan: bool = True) -> Markup:
    """Hidden inputs that carry the language (and the municipality, and the coach's plan) through a GET form."""
    fields = list(carried_plan()) if keep_plan else []
    language = current_language()
    if language != DEFAULT_LANGUAGE:
        fields.append(("taal", language))
    chosen = chosen_municipality()
    if keep_municipality and chosen:
        fields.append(("gemeente", chosen.slug))
    return Markup("").join(
        Markup('<input type="hidden" name="{}" value="{}">').format(name, value) for name, value in fields
    )


def init_app(app: Flask) -> None:
    """Offer the helpers to every template; a page that carries a plan tells browsers and proxies not to keep it."""

    @app.after_request
    def private_when_planning(response: Response) -> Response:
        if request.endpoint != "static" and carries_plan():
            response.headers["Cache-Control"] = "no-store"
        return response

    app.jinja_env.globals.update(
        link=link,
        language_link=language_link,
        state_fields=state_fields,
        chosen_municipality=chosen_municipality,
        unknown_municipality=unknown_municipality,
        languages=LANGUAGES,
        current_language=current_language,
    )
