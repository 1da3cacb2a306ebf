"""Interface languages: chosen with `?taal=` on every URL (no cookie), Dutch by default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from babel.support import NullTranslations
from flask import Flask, g, has_request_context, request
from flask_babel import Babel, get_translations
from markupsafe import Markup

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
DEFAULT_LANGUAGE = "nl"
# Where a request keeps its catalog for the templates (on the request), with the locale it is for.
KEPT_TRANSLATIONS = "_template_translations"


@dataclass(frozen=True)
class Language:
    """An interface language: its code, its own name for itself, and its writing direction."""

    code: str
    name: str
    direction: str = "ltr"


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("nl", "Nederlands"),
        Language("en", "English"),
    )
}


def current_language() -> str:
    """The language of this request: a known `?taal=` value, else Dutch."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    args = request.args
    # Asked several times per page: a membership test is cheap, a missing key in `args.get` raises inside.
    code = args["taal"] if "taal" in args else DEFAULT_LANGUAGE  # noqa: SIM401 (see the line above)
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the `?taal=` selector and the catalogs in `translations/`."""
    Babel(
        app,
        locale_selector=current_language,
        default_locale=DEFAULT_LANGUAGE,
        default_timezone="Europe/Amsterdam",
        default_translation_directories=str(TRANSLATIONS),
    )
    _install_template_gettext(app)


def _install_template_gettext(app: Flask) -> None:
    """Templates translate through a catalog looked up once per request, without Jinja's wrappers around it.

    Flask-Babel finds the catalog anew for each text (about ten context lookups), and Jinja's i18n
    extension adds two calls through the template context; a results page has a dozen texts. These
    do the same as Jinja's "newstyle" gettext: the text is safe HTML, its %-values are escaped. The
    locale still comes from Flask-Babel, so `force_locale` keeps working: the catalog kept for the request
    counts only while Flask-Babel's locale is the same object (None until Flask-Babel is first asked: then
    the locale is the one `current_language` gives, Flask-Babel's selector).
    """
    # Per locale, or per language code before Flask-Babel has worked out the locale.
    catalogs: dict[object, NullTranslations] = {}

    def translations() -> NullTranslations:
        try:
            this_request = cast(Any, request)._get_current_object().__dict__
            babel_state = g._get_current_object().__dict__.get("_flask_babel")
        except RuntimeError:  # outside a request: Flask-Babel's own lookup
            return get_translations()
        locale = getattr(babel_state, "babel_locale", None)
        kept = this_request.get(KEPT_TRANSLATIONS)
        if kept is not None and kept[0] is locale:
            return kept[1]
        catalog_key = current_language() if locale is None else locale
        found = catalogs.get(catalog_key)
        if found is None:
            found = catalogs[catalog_key] = get_translations()
        this_request[KEPT_TRANSLATIONS] = (locale, found)
        return found

    def template_gettext(text: str, **values: Any) -> Markup:
        translated = Markup(translations().ugettext(text))
        return translated % values if "%" in translated else translated

    def template_ngettext(singular: str, plural: str, number: int, **values: Any) -> Markup:
        values.setdefault("num", number)
        return Markup(translations().ungettext(singular, plural, number)) % values

    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext, ngettext=template_ngettext)
