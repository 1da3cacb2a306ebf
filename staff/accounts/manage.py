"""Creating accounts and changing their role or access (platform administrators; a municipality's beheerder)."""

from __future__ import annotations

import secrets

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from staff.access import Action, allowed, require
from staff.accounts.models import Account, Role
from staff.accounts.secrets import hash_password
from staff.audit import record
from staff.db import db
from views.catalog import municipalities

bp = Blueprint("beheer_accounts", __name__, url_prefix="/beheer/accounts")
MUNICIPAL_ROLES = (Role.REDACTEUR, Role.CONTROLEUR, Role.BEHEERDER)


@bp.get("")
def accounts(created: tuple[str, str] | None = None) -> str:
    """The accounts this person may manage (after `create`: the new one's password, shown once)."""
    require(Action.MANAGE_ACCOUNTS, current_user.municipality)
    query = db.select(Account).order_by(Account.municipality, Account.email)
    if current_user.role_enum is not Role.PLATFORM:
        query = query.filter_by(municipality=current_user.municipality)
    return render_template(
        "staff/accounts.html",
        accounts=db.session.scalars(query).all(),
        roles=_roles_offered(),
        places=_places_offered(),
        created=created,
    )


@bp.post("")
def create() -> ResponseReturnValue:
    """A new account with a one-time password shown once; its owner links an app at the first login."""
    email = request.form.get("email", "").strip().lower()
    name = request.form.get("naam", "").strip()
    role = request.form.get("rol", "")
    municipality = request.form.get("gemeente") or None
    if current_user.role_enum is not Role.PLATFORM:
        municipality = current_user.municipality
    if role == Role.PLATFORM:
        municipality = None
    require(Action.MANAGE_ACCOUNTS, municipality or current_user.municipality)
    problem = _problem(email, name, role, municipality)
    if problem:
        flash(problem, "fout")
        return redirect(url_for(".accounts"))
    password = secrets.token_urlsafe(12)
    db.session.add(
        Account(email=email, name=name, role=role, municipality=municipality, password_hash=hash_password(password))
    )
    record("account_gemaakt", municipality=municipality, target=email, detail=role)
    db.session.commit()
    # Shown in this answer only (never in a flash message: those travel in the session cookie).
    return accounts(created=(email, password))


@bp.post("/<int:account_id>")
def update(account_id: int) -> ResponseReturnValue:
    """Change the role, switch access off or on, make the owner link a new authenticator app, or give a new
    one-time password (which also lifts a lock-out)."""
    account = db.session.get(Account, account_id) or abort(404)
    if not allowed(current_user, Action.MANAGE_ACCOUNTS, account.municipality) or account.id == current_user.id:
        abort(403)
    if account.role_enum is Role.PLATFORM and current_user.role_enum is not Role.PLATFORM:
        abort(403)
    action = request.form.get("actie", "")
    if action == "rol" and request.form.get("rol") in _roles_offered():
        account.role = request.form["rol"]
    elif action in ("uit", "aan"):
        account.active = action == "aan"
    elif action == "authenticator":
        account.totp_secret, account.totp_last_step = None, 0
    elif action == "wachtwoord":
        password = secrets.token_urlsafe(12)
        account.password_hash, account.failed_logins, account.locked_until = hash_password(password), 0, None
    else:
        abort(400)
    account.session_version += 1  # any session of this account ends now
    record("account_gewijzigd", municipality=account.municipality, target=account.email, detail=action)
    db.session.commit()
    if action == "wachtwoord":
        return accounts(created=(account.email, password))
    flash(f"Account {account.email} aangepast.", "ok")
    return redirect(url_for(".accounts"))


def _roles_offered() -> list[str]:
    roles = list(MUNICIPAL_ROLES) + ([Role.PLATFORM] if current_user.role_enum is Role.PLATFORM else [])
    return [role.value for role in roles]


def _places_offered() -> list[tuple[str, str]]:
    if current_user.role_enum is Role.PLATFORM:
        return [(m.slug, m.name) for m in municipalities()]
    return []


def _problem(email: str, name: str, role: str, municipality: str | None) -> str | None:
    if "@" not in email or len(email) > 254:
        return "Vul een geldig e-mailadres in."
    if not name:
        return "Vul een naam in."
    if role not in _roles_offered():
        return "Kies een rol."
    if role != Role.PLATFORM and municipality not in {slug for slug, _ in _places_offered()} | {
        current_user.municipality
    }:
        return "Kies een gemeente."
    if db.session.scalar(db.select(Account).filter_by(email=email)):
        return f"Er is al een account met {email}."
    return None


def init_app(app: Flask) -> None:
    """Register these pages."""
    app.register_blueprint(bp)
