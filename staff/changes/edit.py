"""/beheer: changing a scheme in a form generated from the schema (no JavaScript needed).

A save writes the form's values into the draft's YAML with a round trip (comments, order and fields
the form does not know stay), and shows the problems `regelingen validate` finds on their fields.
A draft with problems is still kept: work is never lost; it can only be submitted once they are gone.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from regelingen.files.problems import Problem
from regelingen.files.schema import SCHEME_SCHEMA, load_schema
from staff.access import Action, require
from staff.changes import workflow
from staff.changes.models import Change, Kind
from staff.changes.views import data_repo, start_change
from staff.db import db
from staff.edit import roundtrip
from staff.edit.formfields import Field, apply_action, bind, read_form
from staff.edit.problems import place
from views.formatting import today

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
def edit(change_id: int) -> ResponseReturnValue:
    """The form: GET shows the draft; a list button redraws it; Bewaren keeps the draft and checks it."""
    item = db.session.get(Change, change_id) or abort(404)
    require(Action.EDIT, item.municipality)
    if item.author_id != current_user.id:
        abort(403)
    schema = load_schema(SCHEME_SCHEMA)
    if request.method == "GET":
        return _form(item, *workflow.checked(item.proposed_text, item.municipality, item.slug, today()))
    values = read_form(schema, request.form)
    action = request.form.get("actie")
    if action:
        apply_action(values, action, schema)
        return _form(item, values, [], unsaved=True)
    try:
        text = _with_values(item.proposed_text, values, schema)
        workflow.save(item, current_user, text)
    except workflow.WorkflowError as error:
        db.session.rollback()
        return render_template("staff/melding.html", message=str(error), change=item), 409
    db.session.commit()
    problems = workflow.problems_in(text, item.municipality, item.slug, today())
    if any(problem.is_error for problem in problems):
        return _form(item, values, problems), 422
    return redirect(url_for("beheer_changes.change", change_id=item.id))


def _form(item: Change, values: dict[str, Any], problems: list[Problem], unsaved: bool = False) -> str:
    """The form for `values` with `problems` (of the saved text) on their fields."""
    schema = load_schema(SCHEME_SCHEMA)
    placed, unplaced = place(problems, bind(schema, values, {}))
    fields: list[Field] = bind(schema, values, placed)
    return render_template(
        "staff/bewerken.html",
        change=item,
        fields=fields,
        title=values.get("titel") or item.slug,
        unsaved=unsaved,
        errors_count=sum(problem.is_error for problem in problems),
        unplaced=unplaced,
    )


def _with_values(text: str, values: dict[str, Any], schema: dict[str, Any]) -> str:
    """`text` holding `values`, its comments and the fields the form does not know unchanged."""
    document = roundtrip.load(text)
    roundtrip.apply(document, values, known=set(schema["properties"]))
    return roundtrip.dump(document)


def init_app(app: Flask) -> None:
    """Register the form pages."""
    app.register_blueprint(bp)
