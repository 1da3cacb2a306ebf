"""Passwords (argon2id, memory-hard) and the second factor (TOTP, as in every authenticator app)."""

from __future__ import annotations

import time

import pyotp
import segno
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 12
ISSUER = "Regelingenwijzer"
# One step before and after now is accepted, for a phone clock that is a little off.
CLOCK_DRIFT_STEPS = 1

_hasher = PasswordHasher()  # argon2id with the library's defaults (RFC 9106's second recommended set)


def hash_password(password: str) -> str:
    """The hash to store; the password itself is never kept."""
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    """Whether `password` is the one behind `stored_hash` (in constant time)."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """Why `password` is too weak (in Dutch), or None when it will do."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens."
    if len(set(password)) < 5:
        return "Kies een wachtwoord met meer verschillende tekens."
    return None


def new_totp_secret() -> str:
    """A fresh secret for an authenticator app."""
    return pyotp.random_base32()


def totp_step(secret: str, code: str, last_step: int, at: float | None = None) -> int | None:
    """The time step `code` belongs to, or None when it is wrong or was used before (no replay)."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if at is None else at
    now_step = int(moment // totp.interval)
    for step in range(now_step - CLOCK_DRIFT_STEPS, now_step + CLOCK_DRIFT_STEPS + 1):
        if step > last_step and pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


def enrolment_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def enrolment_qr_svg(secret: str, email: str) -> str:
    """The QR code of `enrolment_uri` as inline SVG (no request to anyone else)."""
    return segno.make(enrolment_uri(secret, email), error="m").svg_inline(scale=4)
