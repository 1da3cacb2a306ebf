"""The visitor's choices (municipality, language) carried in every link and form instead of a cookie."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, request, url_for
from markupsafe import Markup

from regelingen.model import NATIONAL, Municipality
from views.catalog import current_catalog
from views.languages import DEFAULT_LANGUAGE, LANGUAGES, current_language

# Endpoints whose path names the municipality: there the path, not `?gemeente=`, carries the choice.
PATH_ENDPOINTS = ("site.municipality", "site.scheme")


def chosen_municipality() -> Municipality | None:
    """The municipality the visitor chose: from the path, else from `?gemeente=`; never `landelijk`."""
    if "chosen" not in g:
        g.chosen = None
        catalog = current_catalog()
        for slug in ((request.view_args or {}).get("municipality"), request.args.get("gemeente")):
            if slug and slug != NATIONAL and slug in catalog.municipalities:
                g.chosen = catalog.municipalities[slug]
                break
    return g.chosen


def unknown_municipality() -> str | None:
    """The `?gemeente=` value when it names no municipality we know (to say so plainly)."""
    slug = request.args.get("gemeente", "")
    return slug[:60] if slug and slug not in current_catalog().municipalities else None


def state_values(endpoint: str, values: dict[str, Any]) -> dict[str, Any]:
    """`values` plus `taal` and `gemeente` where the link needs them to keep the visitor's choices."""
    values = dict(values)
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
    return url_for(endpoint, **state_values(endpoint, values))


def language_link(code: str) -> str:
    """This same page in language `code`, with every other parameter kept."""
    args: dict[str, Any] = {key: request.args.getlist(key) for key in request.args if key != "taal"}
    if code != DEFAULT_LANGUAGE:
        args["taal"] = code
    if request.endpoint and request.url_rule is not None and request.endpoint != "static":
        return url_for(request.endpoint, **(request.view_args or {}), **args)
    return url_for("site.home", **args)


def state_fields(*, keep_municipality: bool = True) -> Markup:
    """Hidden inputs that carry the language (and the municipality) through a GET form."""
    fields = []
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
    """Offer the helpers to every template."""
    app.jinja_env.globals.update(
        link=link,
        language_link=language_link,
        state_fields=state_fields,
        chosen_municipality=chosen_municipality,
        unknown_municipality=unknown_municipality,
        languages=LANGUAGES,
        current_language=current_language,
    )
