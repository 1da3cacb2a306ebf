"""What every staff page shares: the login gate, the session cookie on /beheer only, CSRF, rate limits.

The public site sets no cookie anywhere (`views.security` removes any). The staff session cookie is
`Secure`, `HttpOnly`, `SameSite=Strict`, limited to the `/beheer` path, and ends after
`STAFF_IDLE_MINUTES` without a request.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, has_request_context, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, logout_user
from flask_wtf.csrf import CSRFProtect

from staff.access import Action, allowed
from staff.accounts.models import Account
from staff.db import db
from views.catalog import current_catalog
from views.privacy import no_store
from views.security import STAFF_PATH, is_staff_path

IDLE_MINUTES = 30
# Endpoints reachable before logging in (the rest of every staff blueprint needs a full login).
OPEN_ENDPOINTS = frozenset({"beheer_login.login", "beheer_login.second_factor", "beheer_login.enrol"})

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", default_limits=[])
login_manager = LoginManager()


@login_manager.user_loader
def _load_account(session_id: str) -> Account | None:
    account_id, _, version = session_id.partition(":")
    if not account_id.isdigit():
        return None
    account = db.session.get(Account, int(account_id))
    if account is None or not account.active or str(account.session_version) != version:
        return None
    return account


def safe_next(target: str | None) -> str:
    """`target` when it is a path inside the staff area, else the overview (no open redirects)."""
    if target and target.startswith(STAFF_PATH) and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("beheer.overview")


def _gate() -> ResponseReturnValue | None:
    """Before a staff request: end idle sessions, check CSRF on every POST, require a full login."""
    if not is_staff_path(request.path):
        return None
    if current_user.is_authenticated:
        seen = session.get("seen", 0)
        if time.time() - seen > IDLE_MINUTES * 60:
            logout_user()
            session.clear()
            return redirect(url_for("beheer_login.login", next=request.full_path.rstrip("?"), verlopen=1))
        session["seen"] = int(time.time())
    if request.method == "POST" and current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()
    if request.endpoint in OPEN_ENDPOINTS or request.endpoint == "static":
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("beheer_login.login", next=request.full_path.rstrip("?")))
    return None


def _private(response: Response) -> Response:
    """Staff pages: never cached, never indexed, never shown in a frame."""
    if is_staff_path(request.path):
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        no_store(response)
    return response


def _public_request() -> bool:
    """True outside the staff area: the rate limits guard the staff logins, public pages skip the check."""
    return not is_staff_path(request.path)


def _template_helpers() -> dict[str, object]:
    """On staff pages: `current_user`, `staff_may('accounts')` (for one's own municipality, or the one named)
    and `municipality_name(slug)`; nothing on public pages."""
    if not has_request_context() or not is_staff_path(request.path):
        return {}

    def staff_may(action: str, municipality: str | None = None) -> bool:
        place = municipality or current_user.municipality
        return current_user.is_authenticated and allowed(current_user, Action(action), place)

    def municipality_name(slug: str) -> str:
        found = current_catalog().municipalities.get(slug)
        return found.name if found else slug

    return {"current_user": current_user, "staff_may": staff_may, "municipality_name": municipality_name}


def _secret_key(app: Flask, var: Path) -> str:
    """The configured key, or one made once for this install and kept in `var/` (readable by us only)."""
    configured = app.config.get("SECRET_KEY")
    if configured:
        return str(configured)
    path = var / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def init_app(app: Flask, var: Path) -> None:
    """Sessions, CSRF, login and rate limits for the staff area only."""
    app.config["SECRET_KEY"] = _secret_key(app, var)
    app.config.update(
        SESSION_COOKIE_NAME="beheer_sessie",
        SESSION_COOKIE_PATH=STAFF_PATH,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=IDLE_MINUTES * 60,
        REMEMBER_COOKIE_DURATION=0,
        WTF_CSRF_CHECK_DEFAULT=False,  # checked in `_gate`, for the staff area only (the public site has no session)
        WTF_CSRF_SSL_STRICT=app.config.get("WTF_CSRF_SSL_STRICT", True),
    )
    app.config.setdefault("RATELIMIT_ENABLED", True)
    csrf.init_app(app)
    limiter.init_app(app)
    limiter.request_filter(_public_request)
    # `current_user` is offered to staff pages only (`_template_helpers`): public pages never load a user.
    login_manager.init_app(app, add_context_processor=False)
    login_manager.session_protection = "strong"
    login_manager.login_view = "beheer_login.login"
    app.before_request(_gate)
    app.context_processor(_template_helpers)
    app.after_request(_private)
