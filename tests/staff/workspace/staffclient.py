"""A test client that logs in like a person does (password, then the app's code) and sends CSRF tokens."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass

import pyotp
from flask import Flask
from flask_migrate import upgrade
from werkzeug.datastructures import MultiDict

from staff.accounts.models import Account
from staff.accounts.secrets import hash_password
from staff.db import db

PASSWORD = "een lang wachtwoord 2026"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Person:
    """An account's login details."""

    email: str
    password: str
    secret: str


def make_account(app: Flask, email: str, role: str, municipality: str | None) -> Person:
    """Store an account with a linked authenticator app."""
    secret = pyotp.random_base32()
    with app.app_context():
        db.session.add(
            Account(
                email=email,
                name=email.split("@")[0].title(),
                role=role,
                municipality=municipality,
                password_hash=hash_password(PASSWORD),
                totp_secret=secret,
            )
        )
        db.session.commit()
    return Person(email, PASSWORD, secret)


def code_for(app: Flask, person: Person) -> str:
    """The code the app shows now, or the next one when the current one was used (no replay)."""
    with app.app_context():
        last = db.session.scalar(db.select(Account.totp_last_step).filter_by(email=person.email)) or 0
    step = max(int(time.time() // 30), last + 1)
    return pyotp.TOTP(person.secret).generate_otp(step)


class StaffClient:
    """A Flask test client over HTTPS (the session cookie is `Secure`) that fills in CSRF tokens."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.client = app.test_client()
        self.token = ""

    def get(self, path: str, **kwargs):
        response = self.client.get(path, base_url="https://localhost", **kwargs)
        found = TOKEN.search(response.get_data(as_text=True))
        if found:
            self.token = found.group(1)
        return response

    def post(self, path: str, data: dict | None = None, token: bool = True, **kwargs):
        form = MultiDict(data or {})
        if token:
            if not self.token:
                self.get("/beheer/inloggen")
            if "csrf_token" not in form:
                form["csrf_token"] = self.token
        headers = {"Referer": "https://localhost/beheer"}
        return self.client.post(path, data=form, base_url="https://localhost", headers=headers, **kwargs)

    def log_in(self, person: Person, code: str | None = None):
        """Password, then the code; returns the last response."""
        self.get("/beheer/inloggen")
        self.post("/beheer/inloggen", {"email": person.email, "wachtwoord": person.password})
        self.get("/beheer/inloggen/code")
        response = self.post("/beheer/inloggen/code", {"code": code or code_for(self.app, person)})
        self.get("/beheer")
        return response


def logged_in(app: Flask, role: str = "platformbeheerder", municipality: str | None = None) -> StaffClient:
    """A client of a new account (on a migrated database), logged in with password and code."""
    with app.app_context():
        upgrade()
    client = StaffClient(app)
    client.log_in(make_account(app, f"{uuid.uuid4().hex[:10]}@{municipality or 'platform'}.nl", role, municipality))
    return client
