"""Friendly error pages that still offer the search and a phone number; JSON errors under /api/."""

from __future__ import annotations

from flask import Flask, abort, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from regelingen.model import Municipality
from views.catalog import municipalities
from views.state import chosen_municipality

# Errors nginx (deploy/nginx/) answers before the app sees the request: it shows our page from /fout/<code>.
PROXY_ERRORS = frozenset({413, 414, 431})

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
    if code == 414:
        return _("Deze link is te lang"), _(
            "Dat gebeurt bij een heel groot stappenplan. Haal een regeling weg of maak de notities korter, en probeer het opnieuw."
        )
    if code in (413, 431):
        return _("Dit is te veel"), _("U stuurde meer dan wij kunnen ontvangen. Zoek hieronder wat u nodig heeft.")
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


def proxy_error(code: int) -> ResponseReturnValue:
    """Our page for an error the proxy found first (a request line or headers too long, a body too big)."""
    abort(code if code in PROXY_ERRORS else 404)


def init_app(app: Flask) -> None:
    """Register the error pages; an uncaught exception reaches them as a 500 InternalServerError."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.add_url_rule("/fout/<int:code>", "proxy_error", proxy_error)
