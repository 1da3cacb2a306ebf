"""Order and group schemes for the list pages, and read a postcode the way people type it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from flask import Flask

from regelingen.model import NATIONAL, Municipality, Scheme, Status
from views.catalog import current_catalog
from views.labels import Category, all_categories


def ordered(schemes: Iterable[Scheme]) -> list[Scheme]:
    """The municipality's own schemes first, then national ones, by title; ended schemes last."""
    return sorted(
        schemes, key=lambda scheme: (scheme.status == Status.ENDED, scheme.is_national, scheme.title.casefold())
    )


def by_category(schemes: Iterable[Scheme]) -> list[tuple[Category, list[Scheme]]]:
    """Each category that has schemes, in display order, with its schemes (a scheme may be in several)."""
    schemes = ordered(schemes)
    groups = [(category, [s for s in schemes if category.slug in s.categories]) for category in all_categories()]
    return [(category, members) for category, members in groups if members]


def schemes_in(municipality: Municipality | None, category: str | None = None) -> list[Scheme]:
    """The schemes for a municipality (with the national ones), or for everyone; optionally in one category."""
    schemes = current_catalog().schemes_for(municipality.slug if municipality else None)
    return ordered(scheme for scheme in schemes if category is None or category in scheme.categories)


def national_schemes(category: str) -> list[Scheme]:
    """The national schemes in `category`: what everyone can get, whichever municipality they live in."""
    schemes = current_catalog().schemes_for(NATIONAL, include_national=False)
    return ordered(scheme for scheme in schemes if category in scheme.categories)


def postcode_map(places: Iterable[Municipality]) -> str:
    """JSON of postcode ranges to municipality names, for the optional instant hint in the browser."""
    return json.dumps({entry: place.name for place in places for entry in place.postcodes}, ensure_ascii=False)


def init_app(app: Flask) -> None:
    """Offer `postcode_map` to templates."""
    app.jinja_env.globals["postcode_map"] = postcode_map
