"""An account of a municipality's staff member, or of a platform administrator."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from staff.db import db, now


class Role(StrEnum):
    """What an account may do (the full table is `staff.access.PERMISSIONS`)."""

    REDACTEUR = "redacteur"  # edits schemes and submits changes
    CONTROLEUR = "controleur"  # also reviews a colleague's change
    BEHEERDER = "beheerder"  # also manages the accounts of their municipality
    PLATFORM = "platformbeheerder"  # creates municipalities' accounts; edits no schemes


class Account(UserMixin, db.Model):  # type: ignore[name-defined]
    """One person's login. `municipality` is None only for platform administrators."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    municipality: Mapped[str | None] = mapped_column(String(60), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    # Raised when the password, the second factor or the account's access changes: older sessions end.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=now)

    def get_id(self) -> str:
        """The session keeps the id and the version, so a session from before a change stops working."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    def locked(self, at: datetime) -> bool:
        """Whether too many wrong attempts keep this account locked at `at`."""
        return self.locked_until is not None and self.locked_until > at
