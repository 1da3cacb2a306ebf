"""/beheer pages for changes: a scheme's page with its history, drafts, review, preview, the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from regelingen.codes import is_slug
from regelingen.files.build import build_scheme
from staff.access import Action, allowed, require
from staff.audit import AuditEvent
from staff.changes import workflow
from staff.changes.datarepo import DataRepo, DataRepoError
from staff.changes.models import Change, Kind, State
from staff.changes.preview import Previewer
from staff.changes.publisher import publish_soon
from staff.changes.retire import retired_text
from staff.db import db
from staff.edit.fielddiff import field_diff
from staff.newfile import scheme_text
from views.catalog import current_catalog
from views.formatting import today

bp = Blueprint("beheer_changes", __name__, url_prefix="/beheer")
ACTIONS = ("indienen", "intrekken", "goedkeuren", "terugsturen")


@bp.get("/wijzigingen")
def queue() -> str:
    """Changes of the municipalities this account may see: waiting for review first, then one's own."""
    places = [slug for slug in current_catalog().municipalities if allowed(current_user, Action.VIEW, slug)]
    changes = db.session.scalars(
        db.select(Change).filter(Change.municipality.in_(places)).order_by(Change.updated_at.desc()).limit(200)
    ).all()
    return render_template("staff/wijzigingen.html", changes=changes, State=State)


@bp.get("/regelingen/<municipality>/<slug>")
def scheme(municipality: str, slug: str) -> str:
    """One scheme for staff: what it says now, its history, and what can be done with it."""
    _require_scheme(Action.VIEW, municipality, slug)
    repo = data_repo()
    text = repo.read(municipality, slug) or abort(404)
    return render_template(
        "staff/regeling.html",
        municipality=municipality,
        slug=slug,
        data=workflow.checked(text, municipality, slug, today())[0],
        history=_history(repo, municipality, slug),
        busy=workflow.open_change(municipality, slug),
        may_edit=allowed(current_user, Action.EDIT, municipality),
    )


@bp.post("/regelingen/<municipality>/<slug>/beeindigen")
def retire(municipality: str, slug: str) -> ResponseReturnValue:
    """A change that ends the scheme on a date: status `beëindigd`, kept in the history, no longer open."""
    _require_scheme(Action.EDIT, municipality, slug)
    base = data_repo().read(municipality, slug) or abort(404)
    end = _iso_date(request.form.get("geldig_tot", ""))
    if end is None:
        flash("Vul de laatste dag in als jaar-maand-dag, bijvoorbeeld 2027-01-31.", "fout")
        return redirect(url_for(".scheme", municipality=municipality, slug=slug))
    return _start(municipality, slug, Kind.RETIRE, base, retired_text(base, end))


@bp.post("/regelingen/<municipality>/<slug>/herstellen")
def restore(municipality: str, slug: str) -> ResponseReturnValue:
    """A change that brings back the file as it was in an earlier commit (reviewed like any change)."""
    _require_scheme(Action.EDIT, municipality, slug)
    repo = data_repo()
    old = repo.text_at(request.form.get("commit", ""), municipality, slug) or abort(404)
    return _start(municipality, slug, Kind.RESTORE, repo.read(municipality, slug), old)


@bp.route("/regelingen/<municipality>/nieuw", methods=["GET", "POST"])
def new(municipality: str) -> ResponseReturnValue:
    """A new scheme from the same template as `regelingen new`; its name becomes the file name."""
    require(Action.EDIT, municipality)
    place = current_catalog().municipalities.get(municipality) or abort(404)
    slug = request.form.get("slug", "").strip().lower()
    error = None
    if request.method == "POST":
        if not is_slug(slug):
            error = "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld: energietoeslag."
        elif data_repo().read(municipality, slug) is not None:
            error = f"Er is al een regeling '{slug}' in {place.name}."
        else:
            return _start(municipality, slug, Kind.NEW, None, scheme_text(place, slug, today()))
    return render_template("staff/nieuw.html", municipality=municipality, place=place, slug=slug, error=error)


@bp.get("/wijzigingen/<int:change_id>")
def change(change_id: int) -> str:
    """A change: the before/after per field, its problems, and the steps open to this account."""
    item = _change(change_id, Action.VIEW)
    after, problems = workflow.checked(item.proposed_text, item.municipality, item.slug, today())
    before = workflow.checked(item.base_text, item.municipality, item.slug, today())[0] if item.base_text else {}
    return render_template(
        "staff/wijziging.html",
        change=item,
        diff=field_diff(before, after),
        problems=problems,
        errors=[problem for problem in problems if problem.is_error],
        is_author=item.author_id == current_user.id,
        may_review=allowed(current_user, Action.REVIEW, item.municipality) and item.author_id != current_user.id,
        State=State,
    )


@bp.get("/wijzigingen/<int:change_id>/voorbeeld")
def preview(change_id: int) -> ResponseReturnValue:
    """The page as candidates will see it after this change (never served to visitors)."""
    item = _change(change_id, Action.VIEW)
    data, problems = workflow.checked(item.proposed_text, item.municipality, item.slug, today())
    errors = [problem for problem in problems if problem.is_error]
    if errors or not data:
        return render_template("staff/geen-voorbeeld.html", change=item, errors=errors), 422
    scheme = build_scheme(item.municipality, item.slug, data)
    previewer: Previewer = current_app.extensions["staff_previewer"]
    return previewer.page(current_catalog(), scheme)


@bp.post("/wijzigingen/<int:change_id>/<action>")
def act(change_id: int, action: str) -> ResponseReturnValue:
    """Submit, withdraw, approve or send back: the workflow checks the state, this checks the account."""
    if action not in ACTIONS:
        abort(404)
    needed = Action.REVIEW if action in ("goedkeuren", "terugsturen") else Action.EDIT
    item = _change(change_id, needed)
    form = request.form
    try:
        if action == "indienen":
            workflow.submit(item, current_user, form.get("reden", ""), today())
        elif action == "intrekken":
            workflow.withdraw(item, current_user)
        elif action == "terugsturen":
            workflow.send_back(item, current_user, form.get("opmerking", ""))
        else:
            workflow.approve(item, current_user, data_repo(), today(), form.get("opmerking", ""))
    except (workflow.WorkflowError, DataRepoError) as error:
        db.session.rollback()
        flash(str(error), "fout")
        return redirect(url_for(".change", change_id=change_id))
    db.session.commit()
    if action == "goedkeuren":
        publish_soon(current_app._get_current_object())  # type: ignore[attr-defined]
        flash("Goedgekeurd en opgeslagen. De site laat de wijziging binnen een paar seconden zien.", "ok")
    return redirect(url_for(".change", change_id=change_id))


@bp.get("/logboek")
def audit_log() -> str:
    """What happened, newest first: all of it for platform administrators, one's own municipality else."""
    require(Action.READ_AUDIT, current_user.municipality)
    query = db.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(500)
    if current_user.municipality is not None:
        query = query.filter_by(municipality=current_user.municipality)
    return render_template("staff/logboek.html", events=db.session.scalars(query).all())


def data_repo() -> DataRepo:
    """The data folder and the git repository it is in (`STAFF_DATA_REPO`, the checkout by default)."""
    config = current_app.config
    return DataRepo(Path(config["DATA_DIR"]).resolve(), Path(config["STAFF_DATA_REPO"]).resolve())


def start_change(municipality: str, slug: str, kind: Kind, base: str | None, proposed: str) -> Change | None:
    """A new draft for the logged-in account, or None with a message when the file is busy."""
    try:
        item = workflow.start(current_user, municipality, slug, kind, base, proposed)
    except workflow.WorkflowError as error:
        db.session.rollback()
        flash(str(error), "fout")
        return None
    db.session.commit()
    return item


def _start(municipality: str, slug: str, kind: Kind, base: str | None, proposed: str) -> ResponseReturnValue:
    item = start_change(municipality, slug, kind, base, proposed)
    if item is None:
        return redirect(url_for(".scheme", municipality=municipality, slug=slug) if base else url_for(".queue"))
    return redirect(url_for("beheer_edit.edit", change_id=item.id))


def _require_scheme(action: Action, municipality: str, slug: str) -> None:
    require(action, municipality)
    if municipality not in current_catalog().municipalities or not is_slug(slug):
        abort(404)


def _change(change_id: int, action: Action) -> Change:
    """The change, if this account may do `action` for its municipality (else 403; unknown: 404)."""
    item = db.session.get(Change, change_id)
    if item is None:
        abort(404)
    require(action, item.municipality)
    return item


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _history(repo: DataRepo, municipality: str, slug: str) -> list:
    try:
        return repo.history(municipality, slug)
    except DataRepoError:
        return []


def init_app(app: Flask, make_preview_app: Callable[[], Flask]) -> None:
    """Register the change pages, with the private app that renders previews."""
    app.config.setdefault("STAFF_DATA_REPO", str(Path(app.root_path)))
    app.extensions["staff_previewer"] = Previewer(make_preview_app)
    app.register_blueprint(bp)
