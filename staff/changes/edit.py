"""/beheer: changing a scheme in a form generated from the schema (no JavaScript needed)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, redirect, url_for
from flask.typing import ResponseReturnValue

from staff.access import Action, require
from staff.changes.models import Kind
from staff.changes.views import data_repo, start_change

bp = Blueprint("beheer_edit", __name__, url_prefix="/beheer")


@bp.post("/regelingen/<municipality>/<slug>/bewerken")
def start(municipality: str, slug: str) -> ResponseReturnValue:
    """Begin a change of the scheme as it is now, and open the form."""
    require(Action.EDIT, municipality)
    text = data_repo().read(municipality, slug) or abort(404)
    item = start_change(municipality, slug, Kind.EDIT, text, text)
    if item is None:
        return redirect(url_for("beheer_changes.scheme", municipality=municipality, slug=slug))
    return redirect(url_for(".edit", change_id=item.id))


@bp.route("/wijzigingen/<int:change_id>/bewerken", methods=["GET", "POST"])
def edit(change_id: int) -> str:
    """The form (filled in by the next commit)."""
    abort(501)


def init_app(app: Flask) -> None:
    """Register the form pages."""
    app.register_blueprint(bp)
