"""Logging in: password first, then the code from an authenticator app; lock-out after wrong attempts."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import Blueprint, Flask, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user, logout_user

from staff.accounts.models import Account
from staff.accounts.secrets import (
    MIN_PASSWORD_LENGTH,
    enrolment_qr_svg,
    hash_password,
    new_totp_secret,
    password_matches,
    password_problem,
    totp_step,
)
from staff.audit import record
from staff.db import db, now
from staff.web import limiter, safe_next

bp = Blueprint("beheer_login", __name__, url_prefix="/beheer")

MAX_ATTEMPTS = 5
LOCK_MINUTES = 15
PENDING_SECONDS = 300  # between the password and the code
WRONG = "Het e-mailadres of het wachtwoord klopt niet, of het account is tijdelijk geblokkeerd."
WRONG_CODE = "De code klopt niet. Typ de code die de app nu laat zien."


@bp.route("/inloggen", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login() -> ResponseReturnValue:
    """Step 1: e-mail address and password."""
    next_page = request.values.get("next", "")
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(safe_next(next_page))
        return _login_page(next_page, expired=bool(request.args.get("verlopen")))
    email = request.form.get("email", "").strip().lower()
    account = db.session.scalar(db.select(Account).filter_by(email=email)) if email else None
    if account is None or not account.active:
        record("inloggen_mislukt", target=email[:200], actor=email[:254] or "onbekend")
        db.session.commit()
        return _login_page(next_page, email=email, error=WRONG), 401
    if account.locked(now()) or not password_matches(account.password_hash, request.form.get("wachtwoord", "")):
        _count_failure(account, "wachtwoord")
        return _login_page(next_page, email=email, error=WRONG), 401
    session.clear()
    session["pending"] = {"id": account.id, "at": int(time.time()), "next": safe_next(next_page)}
    return redirect(url_for(".second_factor" if account.totp_secret else ".enrol"))


@bp.route("/inloggen/code", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def second_factor() -> ResponseReturnValue:
    """Step 2: the six-digit code from the account's authenticator app."""
    account = _pending_account()
    if account is None or not account.totp_secret:
        return redirect(url_for(".login"))
    if request.method == "GET":
        return render_template("staff/code.html", qr=None)
    step = (
        None
        if account.locked(now())
        else totp_step(account.totp_secret, request.form.get("code", ""), account.totp_last_step)
    )
    if step is None:
        _count_failure(account, "code")
        return render_template("staff/code.html", qr=None, error=WRONG_CODE), 401
    account.totp_last_step = step
    return _logged_in(account)


@bp.route("/inloggen/koppelen", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def enrol() -> ResponseReturnValue:
    """Step 2 on a first login: link an authenticator app by scanning a QR code, then type its code."""
    account = _pending_account()
    if account is None or account.totp_secret:
        return redirect(url_for(".login"))
    secret = session.setdefault("enrol_secret", new_totp_secret())
    qr = enrolment_qr_svg(secret, account.email)
    if request.method == "GET":
        return render_template("staff/code.html", qr=qr, secret=secret)
    step = totp_step(secret, request.form.get("code", ""), 0)
    if step is None or account.locked(now()):
        _count_failure(account, "koppelcode")
        return render_template("staff/code.html", qr=qr, secret=secret, error=WRONG_CODE), 401
    account.totp_secret, account.totp_last_step = secret, step
    record(
        "authenticator_gekoppeld",
        municipality=account.municipality,
        target=account.email,
        actor=account.email,
        account_id=account.id,
    )
    return _logged_in(account)


@bp.route("/wachtwoord", methods=["GET", "POST"])
def change_password() -> ResponseReturnValue:
    """Choose a new password (after a one-time one from the beheerder, or whenever one likes)."""
    error = None
    if request.method == "POST":
        form = request.form
        if not password_matches(current_user.password_hash, form.get("huidig", "")):
            error = "Uw huidige wachtwoord klopt niet."
        elif form.get("nieuw", "") != form.get("nogmaals", ""):
            error = "De twee nieuwe wachtwoorden zijn niet hetzelfde."
        else:
            error = password_problem(form.get("nieuw", ""))
        if error is None:
            current_user.password_hash = hash_password(form["nieuw"])
            current_user.session_version += 1  # other sessions of this account end
            record("wachtwoord_gewijzigd", municipality=current_user.municipality, target=current_user.email)
            db.session.commit()
            login_user(current_user._get_current_object())  # this session goes on with the new version
            flash("Uw wachtwoord is veranderd.", "ok")
            return redirect(url_for("beheer.overview"))
    return render_template("staff/wachtwoord.html", error=error, min_length=MIN_PASSWORD_LENGTH)


@bp.post("/uitloggen")
def logout() -> ResponseReturnValue:
    """End the session (the cookie is removed)."""
    record("uitgelogd", municipality=current_user.municipality)
    db.session.commit()
    logout_user()
    session.clear()
    return redirect(url_for(".login"))


def _login_page(next_page: str, email: str = "", error: str | None = None, expired: bool = False) -> str:
    return render_template(
        "staff/inloggen.html",
        next=next_page,
        email=email,
        error=error,
        expired=expired,
        max_attempts=MAX_ATTEMPTS,
        lock_minutes=LOCK_MINUTES,
    )


def _pending_account() -> Account | None:
    pending = session.get("pending")
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    account = db.session.get(Account, pending["id"])
    return account if account is not None and account.active else None


def _count_failure(account: Account, what: str) -> None:
    """One more wrong attempt; the fifth locks the account for a while (in the database: all workers)."""
    account.failed_logins += 1
    who = {"actor": account.email, "account_id": account.id, "municipality": account.municipality}
    record("inloggen_mislukt", target=account.email, detail=what, **who)  # type: ignore[arg-type]
    if account.failed_logins >= MAX_ATTEMPTS:
        account.failed_logins = 0
        account.locked_until = now() + timedelta(minutes=LOCK_MINUTES)
        session.pop("pending", None)
        record("account_geblokkeerd", target=account.email, detail=f"{LOCK_MINUTES} minuten", **who)  # type: ignore[arg-type]
    db.session.commit()


def _logged_in(account: Account) -> ResponseReturnValue:
    next_page = session["pending"]["next"]
    account.failed_logins, account.locked_until = 0, None
    record(
        "ingelogd", municipality=account.municipality, target=account.email, actor=account.email, account_id=account.id
    )
    db.session.commit()
    session.clear()
    login_user(account)
    session.permanent = True
    session["seen"] = int(time.time())
    return redirect(next_page)


def init_app(app: Flask) -> None:
    """Register these pages."""
    app.register_blueprint(bp)
