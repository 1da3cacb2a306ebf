"""Friendly error pages that still offer the search and a phone number; JSON errors under /api/."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from regelingen.model import Municipality
from views.catalog import municipalities
from views.state import chosen_municipality

FALLBACK_PAGE = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis</title></head><body>'
    '<h1>Er ging iets mis</h1><p>Probeer het later nog eens.</p><p><a href="/">Naar het begin</a></p></body></html>'
)


def _texts(code: int) -> tuple[str, str]:
    """The heading and message for an error status, in plain words."""
    if code == 404:
        return _("Deze pagina bestaat niet"), _(
            "Misschien is het adres veranderd of staat er een typefout in. Zoek hieronder wat u nodig heeft."
        )
    if code >= 500:
        return _("Er ging iets mis"), _("Dat ligt niet aan u. Probeer het over een paar minuten nog eens.")
    return _("Dit lukte niet"), _("De website begreep deze vraag niet. Zoek hieronder wat u nodig heeft.")


def _contacts() -> list[Municipality]:
    """The chosen municipality, else every municipality: someone to call is always on the page."""
    chosen = chosen_municipality()
    return [chosen] if chosen else municipalities()


def handle_http_error(error: HTTPException) -> ResponseReturnValue:
    """Show a friendly page (or a JSON error for the API) for any HTTP error, 404 and 500 included."""
    code = error.code or 500
    if request.path.startswith("/api/"):
        return jsonify(error=error.name if code < 500 else "internal error"), code
    heading, message = _texts(code)
    try:
        return render_template("error.html", heading=heading, message=message, contacts=_contacts()), code
    except Exception:
        return FALLBACK_PAGE, code


def init_app(app: Flask) -> None:
    """Register the error pages; an uncaught exception reaches them as a 500 InternalServerError."""
    app.register_error_handler(HTTPException, handle_http_error)
