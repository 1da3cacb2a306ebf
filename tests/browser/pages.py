"""Every page type of the site, in both languages, picked from the shipped data by general properties only."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from regelingen.catalog import Catalog, load_catalog
from regelingen.model import NATIONAL, Municipality, Scheme

from .harness import SCHEMES

LANGUAGES = ("nl", "en")
# Letters that form no Dutch or English word and sit far from any word in the data: the no-match page.
NONSENSE = "qxzv wqpk"


@dataclass(frozen=True)
class PageType:
    """One kind of page: a short name, its path and query (without language) and the status it answers with."""

    name: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    status: int = 200

    def url(self, language: str = "nl") -> str:
        """The path with its query, in `language` (`?taal=` is left out for Dutch, the default)."""
        params = list(self.params) + ([("taal", language)] if language != "nl" else [])
        return self.path + (f"?{urlencode(params)}" if params else "")

    def key(self, language: str) -> str:
        """A file-name-safe label such as `scheme-en`."""
        return f"{self.name}-{language}"


@cache
def catalog() -> Catalog:
    """The real catalog the live server serves."""
    return load_catalog(SCHEMES)


def sample_municipality() -> Municipality:
    """The first real (non-national) municipality, in slug order, that has schemes and postcodes."""
    data = catalog()
    return next(
        municipality
        for slug, municipality in sorted(data.municipalities.items())
        if slug != NATIONAL and municipality.postcodes and data.schemes_for(slug, include_national=False)
    )


def sample_scheme(municipality: str) -> Scheme:
    """The first scheme, by slug, of `municipality` itself (not a national one)."""
    return sorted(catalog().schemes_for(municipality, include_national=False), key=lambda s: s.slug)[0]


def sample_postcode(municipality: Municipality) -> str:
    """A 4-digit postcode that lies in `municipality` (the start of its first range)."""
    postcode = municipality.postcodes[0].split("-")[0].strip()
    assert catalog().municipality_for_postcode(postcode) == municipality
    return postcode


def uncovered_postcode() -> str:
    """The lowest 4-digit postcode that lies in none of our municipalities."""
    return next(str(n) for n in range(1000, 10000) if catalog().municipality_for_postcode(str(n)) is None)


def page_types() -> list[PageType]:
    """One page of every type: home, results, no match, choice, municipality, scheme, category, about, 404."""
    municipality = sample_municipality()
    scheme = sample_scheme(municipality.slug)
    category = scheme.categories[0]
    return [
        PageType("home", "/"),
        PageType("results", "/zoeken", (("q", scheme.title), ("gemeente", municipality.slug))),
        PageType("no-match", "/zoeken", (("q", NONSENSE), ("gemeente", municipality.slug))),
        PageType("choose", "/kies", (("postcode", uncovered_postcode()),)),
        PageType("municipality", f"/{municipality.slug}"),
        PageType("scheme", f"/{scheme.municipality}/{scheme.slug}"),
        PageType("category", f"/categorie/{category}", (("gemeente", municipality.slug),)),
        PageType("about", "/over"),
        PageType("not-found", f"/{municipality.slug}/deze-regeling-bestaat-niet", status=404),
    ]


def all_pages() -> list[tuple[PageType, str]]:
    """Every page type in every language, as (page type, language) pairs."""
    return [(page, language) for page in page_types() for language in LANGUAGES]


def page_id(value: object) -> str:
    """Readable pytest ids: the page name or the language."""
    return value.name if isinstance(value, PageType) else str(value)
