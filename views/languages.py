"""Interface languages: chosen with `?taal=` on every URL (no cookie), Dutch by default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.support import NullTranslations
from flask import Flask, g, has_request_context, request
from flask_babel import Babel, get_translations

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
DEFAULT_LANGUAGE = "nl"


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
    code = args["taal"] if "taal" in args else DEFAULT_LANGUAGE
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
    """Templates translate through a catalog looked up once per locale.

    Flask-Babel finds the catalog anew for each text (about ten context lookups); a results page has a
    dozen texts. The locale still comes from Flask-Babel, so `force_locale` keeps working.
    """
    catalogs: dict[object, NullTranslations] = {}

    def translations() -> NullTranslations:
        locale = getattr(g.get("_flask_babel"), "babel_locale", None) if g else None
        if locale is None:
            return get_translations()
        found = catalogs.get(locale)
        if found is None:
            found = catalogs[locale] = get_translations()
        return found

    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda text: translations().ugettext(text),
        ngettext=lambda singular, plural, number: translations().ungettext(singular, plural, number),
        newstyle=True,
    )
