"""Translated labels for the fixed values in the data: categories, channels, prerequisites, periods."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from flask import Flask
from flask_babel import LazyString, gettext
from flask_babel import lazy_gettext as _l

from regelingen.files.schema import categories
from regelingen.model import NATIONAL
from views.catalog import current_catalog


@dataclass(frozen=True)
class Category:
    """A category as the site shows it: slug, name, a short line for its tile, and its icon."""

    slug: str
    name: LazyString | str
    hint: LazyString | str
    icon: str


_CATEGORY_TEXT = {
    "geld": (_l("Geld"), _l("Extra geld als uw inkomen laag is"), "geld"),
    "zorg": (_l("Zorg"), _l("Zorgkosten, bril, tandarts"), "zorg"),
    "kinderen": (_l("Kinderen"), _l("Sport, kleding en uitjes voor uw kind"), "kinderen"),
    "wonen": (_l("Wonen"), _l("Huur en spullen voor in huis"), "wonen"),
    "energie": (_l("Energie"), _l("Stroom, gas en water"), "energie"),
    "schulden": (_l("Schulden"), _l("Rekeningen die u niet kunt betalen"), "schulden"),
    "meedoen": (_l("Meedoen"), _l("Sport, cultuur en uitjes"), "meedoen"),
    "werk": (_l("Werk"), _l("Werk vinden en houden"), "werk"),
    "vervoer": (_l("Vervoer"), _l("Bus, trein en fiets"), "vervoer"),
    "ouderen": (_l("Ouderen"), _l("Hulp als u ouder bent"), "ouderen"),
    "eten": (_l("Eten"), _l("Eten en boodschappen"), "eten"),
    "school": (_l("School"), _l("Schoolspullen, laptop en studie"), "school"),
}

PERIODS = {
    "eenmalig": _l("eenmalig"),
    "maand": _l("per maand"),
    "jaar": _l("per jaar"),
    "keer": _l("per keer"),
}

CHANNELS = {
    "online_digid": _l("Online met DigiD"),
    "online": _l("Online"),
    "formulier": _l("Met een formulier"),
    "telefoon": _l("Door te bellen"),
    "balie": _l("Aan de balie"),
    "post": _l("Met een brief"),
    "email": _l("Met een e-mail"),
    "via_hulpverlener": _l("Via een hulpverlener"),
    "automatisch": _l("U krijgt het vanzelf"),
}

PREREQUISITES = {
    "digid": _l("DigiD"),
    "bankrekening": _l("Een bankrekening"),
    "identiteitsbewijs": _l("Een paspoort of ID-kaart"),
    "emailadres": _l("Een e-mailadres"),
    "bsn": _l("Uw burgerservicenummer (BSN)"),
    "ov_chipkaart": _l("Een OV-chipkaart"),
    "verwijzer": _l("Een verwijzing, bijvoorbeeld van de huisarts of school"),
    "offerte": _l("Een offerte: een prijs op papier"),
}

STATUSES = {
    "actief": _l("Actief"),
    "tijdelijk gesloten": _l("Tijdelijk gesloten"),
    "beëindigd": _l("Gestopt"),
}

WHO = {
    "u": _l("U doet dit"),
    "hulpverlener": _l("Uw hulpverlener doet dit"),
    "gemeente": _l("De gemeente doet dit"),
    "organisatie": _l("De organisatie doet dit"),
}


@cache
def all_categories() -> tuple[Category, ...]:
    """Every category in the fixed display order, with its translated name and hint.

    Made once: the names are lazy, so each page still shows them in its own language.
    """
    return tuple(_category(slug) for slug in categories())


def slugs_of(chosen: Iterable[Category]) -> str:
    """The categories' slugs in one string: a cheap key for the tiles kept per set of categories."""
    return " ".join(item.slug for item in chosen)


def category(slug: str) -> Category | None:
    """The category called `slug`, or None when there is no such category."""
    return _category(slug) if slug in categories() else None


def _category(slug: str) -> Category:
    # A category new in the schema still shows, with its slug as name, until it gets a text here.
    name, hint, icon = _CATEGORY_TEXT.get(slug, (slug.capitalize(), "", "geld"))
    return Category(slug, name, hint, icon)


def place_label(municipality: str) -> str:
    """`Heel Nederland` for national schemes, else `Gemeente <name>`, in the interface language."""
    if municipality == NATIONAL:
        return gettext("Heel Nederland")
    place = current_catalog().municipalities.get(municipality)
    return gettext("Gemeente %(naam)s", naam=place.name if place else municipality)


def status_label(status: str) -> str:
    """The translated label for a scheme's status."""
    return str(STATUSES.get(status, status))


def translate_all(values: tuple[str, ...], table: dict[str, LazyString]) -> list[str]:
    """Each value's label from `table` (the value itself when the table has no label for it)."""
    return [str(table.get(value, value)) for value in values]


def init_app(app: Flask) -> None:
    """Offer the label tables to every template."""
    app.jinja_env.filters["labels"] = translate_all
    app.jinja_env.globals.update(
        place_label=place_label,
        status_label=status_label,
        all_categories=all_categories,
        slugs_of=slugs_of,
        category_for=category,
        periods=PERIODS,
        channels=CHANNELS,
        prerequisites=PREREQUISITES,
        step_who=WHO,
    )
