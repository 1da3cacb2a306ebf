"""Texts of the printed guide and plan, and `dual()`: the interface language beside the Dutch on paper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask_babel import LazyString, force_locale, format_date, gettext, ngettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from views.formatting import lang_attrs
from views.languages import DEFAULT_LANGUAGE, current_language

# The plan's "who does it": first person, as the person's own plan (Krachtwerk).
WHO = {"ik": _l("Ik"), "coach": _l("Mijn coach"), "ander": _l("Iemand anders")}

IN_PLACE = {
    "digid": _l("DigiD"),
    "bankapp": _l("Een bank-app op mijn telefoon"),
    "lezer": _l("Iemand die mijn brieven met mij leest"),
    "papieren": _l("Mijn papieren liggen klaar"),
}

PAPER_KINDS = {
    "identiteitsbewijs": _l("Uw paspoort, ID-kaart of verblijfsvergunning"),
    "bsn": _l("Uw burgerservicenummer (BSN)"),
    "inkomen": _l("Gegevens over uw inkomen"),
    "spaargeld": _l("Gegevens over uw spaargeld en bezit"),
    "bankafschriften": _l("Afschriften van uw bank"),
    "bankrekening": _l("Uw bankrekeningnummer of bankpas"),
    "vaste-lasten": _l("Een overzicht van uw vaste lasten"),
    "huur": _l("Uw huurcontract of een brief over de huur"),
    "offerte": _l("Een offerte of prijsopgave"),
}

SHEET = {
    "guide": _l("Zo vraagt u het aan"),
    "plan": _l("Mijn stappenplan"),
    "goal": _l("Wat wil ik bereiken?"),
    "in_place": _l("Wat heb ik al?"),
    "not_alone": _l("U hoeft dit niet alleen te doen."),
    "ask_help": _l("Lukt iets niet? Vraag hulp. Dat is heel gewoon."),
    "before": _l("Wat heeft u nodig voordat u begint?"),
    "no_digid": _l("Geen DigiD? Dat is niet erg. Bij de stappen staat een andere weg."),
    "steps": _l("De stappen"),
    "who": _l("Wie doet het:"),
    "when": _l("Wanneer:"),
    "done": _l("Klaar"),
    "bring": _l("Wat neemt u mee?"),
    "tick": _l("Zet een vinkje als u het heeft."),
    "papers_ready": _l("U heeft uw papieren al klaarliggen. Kijk nog even of alles erbij is."),
    "where": _l("Waar en hoe vraagt u het aan?"),
    "after": _l("Na uw aanvraag"),
    "helpers": _l("Wie helpt u gratis?"),
    "contact": _l("Contact"),
    "source": _l("Bron"),
    "qr_scheme": _l("Scan de code: dan ziet u deze regeling op de website."),
    "qr_plan": _l("Scan de code: dan opent u dit stappenplan op uw telefoon."),
    "overview": _l("Mijn regelingen, in deze volgorde"),
    "needed_for": _l("Nodig voor:"),
    "ask_about": _l("Vraag dan in één keer naar:"),
    "fewer_trips": _l("Minder vaak op pad"),
    "shared_papers": _l("Deze papieren gebruikt u voor meer regelingen"),
    "one_call": _l("Eén keer bellen of langsgaan"),
    "ended": _l(
        "U kunt deze regeling niet meer aanvragen. Misschien past andere hulp wel. Kijk hieronder bij Contact."
    ),
    "closed": _l("U kunt deze regeling nu even niet aanvragen. Vraag bij de gemeente wanneer het weer kan."),
    "before_costs": _l("Tip: vraag het aan voordat u iets koopt of betaalt."),
    "without_digid": _l("Geen DigiD?"),
    "not_working": _l("Lukt dit niet?"),
    "later_digid": _l("Heeft u later wel DigiD? Dan kan het ook zo:"),
    "route_form": _l("Vraag een formulier op papier."),
    "route_desk": _l("Ga langs bij de balie."),
    "route_anyone": _l("Vraag iemand die u vertrouwt om te helpen."),
    "where_short": _l("Waar:"),
    "online_at": _l("Online:"),
    "form_at": _l("Formulier:"),
    "website": _l("Website:"),
    "link_at": _l("Hier vindt u het:"),
    "bring_step": _l("Neem mee:"),
    "bank_app": _l("Dit vindt u in uw bank-app."),
    "no_bank_app": _l("Geen bank-app? Vraag het bij uw bank, of vraag iemand om te helpen."),
    "also_for": _l("Deze papieren gebruikt u ook voor:"),
    "read_with_reader": _l("U krijgt een brief. Lees die samen met degene die met u meeleest."),
    "find_reader": _l("Vindt u brieven lastig? Vraag iemand die u vertrouwt om mee te lezen."),
}


def dual(text: LazyString | Callable[..., str], *args: Any, **values: Any) -> Markup:
    """`text` in the interface language, followed by the Dutch when the interface is not Dutch.

    `text` is a lazy label (optionally with %-values) or a function that builds a sentence; either is
    evaluated twice, once in the visitor's language and once forced to Dutch, for the desk to read.
    """
    shown = _render(text, args, values)
    if current_language() == DEFAULT_LANGUAGE:
        return escape(shown)
    with force_locale(DEFAULT_LANGUAGE):
        dutch = _render(text, args, values)
    if dutch == shown:
        return escape(shown)
    return Markup('{}<span class="dual"{}> · {}</span>').format(shown, lang_attrs(DEFAULT_LANGUAGE), dutch)


def decision_weeks(weeks: int) -> str:
    """How long a decision usually takes, in words."""
    return ngettext(
        "U krijgt meestal binnen %(num)s week antwoord.", "U krijgt meestal binnen %(num)s weken antwoord.", weeks
    )


def done_steps(count: int) -> str:
    """How many steps are already done, said as encouragement."""
    return ngettext(
        "%(num)s stap heeft u al gedaan. Goed bezig!", "%(num)s stappen heeft u al gedaan. Goed bezig!", count
    )


def steps_numbered(numbers: list[int]) -> str:
    """`stap 2` or `stappen 1, 3`: which steps of a scheme happen at a shared desk or phone."""
    listed = ", ".join(str(number) for number in numbers)
    return ngettext("stap %(nummers)s", "stappen %(nummers)s", len(numbers), nummers=listed)


def route_phone(phone: str) -> str:
    """Call this number to ask how to apply without DigiD."""
    return gettext("Bel %(nummer)s en vraag hoe het zonder DigiD kan.", nummer=phone)


def route_helper(name: str) -> str:
    """This organisation helps for free."""
    return gettext("%(naam)s helpt u gratis.", naam=name)


def printed_on(day: date) -> str:
    """`Gedrukt op 21 november 2026`, with the date in the language being rendered."""
    return gettext("Gedrukt op %(datum)s", datum=format_date(day, "long"))


def checked_on(day: date) -> str:
    """`Gecontroleerd op 21 november 2026`, with the date in the language being rendered."""
    return gettext("Gecontroleerd op %(datum)s.", datum=format_date(day, "long"))


def short_url(url: str) -> str:
    """A web address as a person can type it from paper: whole, without `https://`, `www.` or a closing slash."""
    parts = urlsplit(url)
    address = parts.netloc.removeprefix("www.") + parts.path.rstrip("/")
    return f"{address}?{parts.query}" if parts.query else address


def _render(text: LazyString | Callable[..., str], args: tuple[Any, ...], values: dict[str, Any]) -> str:
    if isinstance(text, LazyString):
        return str(text) % values if values else str(text)
    return text(*args, **values)


def init_app(app: Flask) -> None:
    """Offer the `short_url` filter to templates (filters are app-wide in Jinja)."""
    app.jinja_env.filters["short_url"] = short_url


# The sheet texts and `dual()` for coach templates (see views/coach/pages.py: template_helpers).
TEMPLATE_HELPERS: dict[str, Any] = dict(
    dual=dual,
    sheet=SHEET,
    plan_who=WHO,
    in_place=IN_PLACE,
    paper_kinds=PAPER_KINDS,
    decision_weeks=decision_weeks,
    done_steps=done_steps,
    steps_numbered=steps_numbered,
    route_phone=route_phone,
    route_helper=route_helper,
    printed_on=printed_on,
    checked_on=checked_on,
)
