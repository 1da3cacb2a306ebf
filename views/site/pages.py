"""The pages for candidates: home, results, municipality, scheme, category, about."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, abort, redirect, render_template, request
from flask_babel import gettext as _
from werkzeug.wrappers import Response

import search
from regelingen.codes import read_postcode
from regelingen.model import NATIONAL, Municipality, Scheme
from search import SearchResponse
from views.catalog import current_catalog, municipalities
from views.labels import Category, all_categories
from views.labels import category as category_named
from views.site import listing
from views.site.listing import by_category, national_schemes, ordered, schemes_in
from views.state import chosen_municipality, link

bp = Blueprint("site", __name__)

MAX_QUERY = 200
RESULTS = 20
# The parameters of a search that a chosen postcode keeps (the municipality replaces the postcode).
SEARCH_KEYS = ("q", "categorie", "weergave")


@bp.get("/")
def home() -> str:
    """One question box, the choice of municipality and the categories as tiles."""
    return render_template("site/home.html", municipalities=municipalities())


@bp.get("/kies")
def choose() -> Response | tuple[str, int] | str:
    """Go to the municipality chosen by name or by postcode; say plainly why when that is not possible."""
    catalog = current_catalog()
    postcode = request.args.get("postcode", "").strip()[:20]
    slug = request.args.get("gemeente", "")
    if postcode:
        digits = read_postcode(postcode)
        if digits is None:
            error = _("Vul alleen de 4 cijfers van uw postcode in, bijvoorbeeld 5341.")
            return _choice_page(postcode=postcode, postcode_error=error), 400
        found = catalog.municipality_for_postcode(digits)
        if found is None:
            national = ordered(catalog.schemes_for(NATIONAL, include_national=False))
            return _choice_page(postcode=digits, not_covered=True, national=national)
        return redirect(_chosen_page(found.slug), 303)
    if slug in catalog.municipalities:
        return redirect(_chosen_page(slug), 303)
    if slug:
        return _choice_page(municipality_error=_("Deze gemeente kennen wij niet. Kies een gemeente uit de lijst.")), 400
    if "gemeente" in request.args:
        return _choice_page(municipality_error=_("Kies eerst uw gemeente in de lijst.")), 400
    return _choice_page()


def _chosen_page(slug: str) -> str:
    """The chosen municipality's page; its page of one category when the choice was made there."""
    came_from = category_named(request.args.get("categorie", ""))
    if came_from:
        return link("site.category", category=came_from.slug, gemeente=slug)
    return link("site.municipality", municipality=slug)


def _choice_page(**context: object) -> str:
    came_from = category_named(request.args.get("categorie", ""))
    return render_template("site/choose.html", municipalities=municipalities(), came_from=came_from, **context)


@bp.get("/zoeken")
def results() -> Response | str:
    """The schemes that fit the question, for the chosen municipality (with the national ones); crisis help first."""
    catalog = current_catalog()
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    postcode = request.args.get("postcode", "").strip()[:20]
    if postcode and chosen_municipality() is None:
        found, problem = _place_of(postcode)
        if not query:
            return redirect(link("site.choose", postcode=postcode), 303)
        if found is not None:
            return redirect(_search_in(found), 303)
    else:
        problem = None
    wanted = request.args.get("categorie", "")
    category = category_named(wanted) if wanted else None
    chosen = chosen_municipality()
    page = {"category": category, "municipalities": municipalities(), "postcode": postcode, "postcode_problem": problem}
    if not query:
        return render_template("site/results.html", query="", response=None, hits=[], crisis=(), **page)
    response = search.search(
        query, municipality=chosen.slug if chosen else None, category=category.slug if category else None, limit=RESULTS
    )
    hits = [catalog.schemes[hit.scheme_id] for hit in response.hits if hit.scheme_id in catalog.schemes]
    strong = {hit.scheme_id for hit in response.hits[: search.strong_count(response.hits)]}
    return render_template(
        "site/results.html",
        query=query,
        response=response,
        hits=hits,
        answer=[scheme for scheme in hits if scheme.id in strong],
        more=[scheme for scheme in hits if scheme.id not in strong],
        crisis=search.crisis_in(query),
        unknown_category=wanted if wanted and category is None else None,
        **page,
    )


def _place_of(postcode: str) -> tuple[Municipality | None, str | None]:
    """The municipality of a typed postcode, or None with the reason in plain words."""
    digits = read_postcode(postcode)
    if digits is None:
        return None, _("Vul alleen de 4 cijfers van uw postcode in, bijvoorbeeld 5341.")
    found = current_catalog().municipality_for_postcode(digits)
    if found is None:
        return None, _("Deze postcode staat nog niet op deze website. U ziet de hulp voor heel Nederland.")
    return found, None


def _search_in(place: Municipality) -> str:
    """The same search in `place`."""
    kept = {key: request.args[key] for key in SEARCH_KEYS if request.args.get(key)}
    return link("site.results", **kept, gemeente=place.slug)


@bp.get("/<municipality>")
def municipality(municipality: str) -> Response | str:
    """Every scheme for the people of one municipality, by category; for `landelijk` the national ones."""
    catalog = current_catalog()
    if municipality not in catalog.municipalities:
        if municipality.lower() in catalog.municipalities:
            return redirect(link("site.municipality", municipality=municipality.lower()), 301)
        abort(404)
    place = catalog.municipalities[municipality]
    if place.slug == NATIONAL:
        schemes = catalog.schemes_for(NATIONAL, include_national=False)
    else:
        schemes = catalog.schemes_for(place.slug)
    return render_template("site/municipality.html", place=place, groups=by_category(schemes), total=len(schemes))


@bp.get("/<municipality>/<slug>")
def scheme(municipality: str, slug: str) -> str:
    """One scheme: what you get, for whom, the conditions, the steps, who helps, contact and sources."""
    catalog = current_catalog()
    found = catalog.schemes.get(f"{municipality}/{slug}")
    if found is None:
        abort(404)
    return render_template("site/scheme.html", scheme=found, place=catalog.municipalities[found.municipality])


@bp.get("/categorie/<category>")
def category(category: str) -> str:
    """The schemes in one category for the chosen municipality; without one, the national ones and the choice."""
    shown = category_named(category)
    if shown is None:
        abort(404)
    chosen = chosen_municipality()
    if chosen:
        return render_template("site/category.html", category=shown, schemes=schemes_in(chosen, shown.slug))
    national = national_schemes(shown.slug)
    return render_template("site/category.html", category=shown, schemes=national, municipalities=municipalities())


@bp.get("/over")
def about() -> str:
    """What the site does, what it does with data (nothing is stored), and where the facts come from."""
    return render_template("site/about.html", municipalities=municipalities())


def closest_schemes(response: SearchResponse | None) -> list[Scheme]:
    """The schemes the search offers when nothing matched."""
    if response is None or response.fallback is None:
        return []
    schemes = current_catalog().schemes
    return [schemes[hit.scheme_id] for hit in response.fallback.closest if hit.scheme_id in schemes]


def fallback_categories(response: SearchResponse | None) -> tuple[Category, ...]:
    """The categories the search suggests after no match, else all of them."""
    if response is None or response.fallback is None or not response.fallback.categories:
        return all_categories()
    return tuple(found for slug in response.fallback.categories if (found := category_named(slug)))


def init_app(app: Flask) -> None:
    """Register the site's pages and the helpers only its templates use."""
    listing.init_app(app)
    app.template_context_processors[bp.name].append(template_helpers)
    app.register_blueprint(bp)


def template_helpers() -> dict[str, Any]:
    """The no-match helpers of the results page, for the site's templates only."""
    return {"closest_schemes": closest_schemes, "fallback_categories": fallback_categories}
