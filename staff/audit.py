"""The audit log: every staff action, who did it, when, on what. Rows are only ever added."""

from __future__ import annotations

from datetime import datetime

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from staff.db import db, now


class AuditEvent(db.Model):  # type: ignore[name-defined]
    """One thing a person (or the system) did in the staff workspace."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now, index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    # The e-mail address at the time, so the log still reads after an account is renamed.
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    municipality: Mapped[str | None] = mapped_column(String(60), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(64))


def record(
    action: str,
    *,
    municipality: str | None = None,
    target: str | None = None,
    detail: str | None = None,
    actor: str | None = None,
    account_id: int | None = None,
) -> None:
    """Add an event (committed with the caller's transaction). The actor defaults to who is logged in."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor, account_id = current_user.email, current_user.id
    db.session.add(
        AuditEvent(
            account_id=account_id,
            actor=actor or "systeem",
            action=action,
            municipality=municipality,
            target=target,
            detail=detail,
            address=request.remote_addr if has_request_context() else None,
        )
    )
