"""A change to one scheme file, from draft to published (or sent back, or withdrawn)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from staff.accounts.models import Account
from staff.db import db, now


class Kind(StrEnum):
    """What the change does to the file."""

    EDIT = "wijziging"
    NEW = "nieuw"
    RETIRE = "beeindiging"
    RESTORE = "herstel"


class State(StrEnum):
    """Where the change is. Only APPROVED changes are written to the data; PUBLISHED ones are live."""

    DRAFT = "concept"
    SUBMITTED = "ingediend"
    SENT_BACK = "teruggestuurd"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"
    WITHDRAWN = "ingetrokken"


OPEN_STATES = (State.DRAFT, State.SUBMITTED, State.SENT_BACK)


class Change(db.Model):  # type: ignore[name-defined]
    """The proposed text of one file, the text it started from, and who did what with it."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(60), index=True)
    slug: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), default=State.DRAFT.value, index=True)
    # The file as it was when the change started (None for a new scheme), and as proposed.
    base_text: Mapped[str | None] = mapped_column(Text)
    proposed_text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    review_comment: Mapped[str] = mapped_column(Text, default="")
    commit: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)
    submitted_at: Mapped[datetime | None] = mapped_column()
    reviewed_at: Mapped[datetime | None] = mapped_column()
    published_at: Mapped[datetime | None] = mapped_column()

    author: Mapped[Account] = relationship(foreign_keys=[author_id])
    reviewer: Mapped[Account | None] = relationship(foreign_keys=[reviewer_id])

    @property
    def state_enum(self) -> State:
        return State(self.state)

    @property
    def is_open(self) -> bool:
        return self.state_enum in OPEN_STATES
