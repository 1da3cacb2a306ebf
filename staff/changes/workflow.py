"""The four-eyes workflow of a change: draft, submit, approve (another account) or send back, withdraw.

Every step checks its state here, on the server; the views only decide who is asking. An approved
change is written to the data repository as a commit with the author and the reason; only then can
publishing pick it up. A change whose file was changed by someone else since it started is not
written over: its author starts again from the new text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from regelingen.files.problems import Problem
from regelingen.files.validate import check_text
from staff.accounts.models import Account
from staff.audit import record
from staff.changes.datarepo import DataRepo
from staff.changes.models import OPEN_STATES, Change, Kind, State
from staff.db import db, now


class WorkflowError(Exception):
    """A step that cannot be taken now; the message says why, in Dutch, for the person who tried."""


def checked(text: str, municipality: str, slug: str, today: date) -> tuple[dict[str, Any], list[Problem]]:
    """The text's values as the file of `slug` (empty when unusable) and the problems `regelingen validate` reports."""
    data, problems = check_text(text, f"{municipality}/{slug}.yaml", municipality, f"{slug}.yaml", today)
    return data or {}, problems


def problems_in(text: str, municipality: str, slug: str, today: date) -> list[Problem]:
    """The same problems `regelingen validate` reports for this text as the file of `slug`."""
    return checked(text, municipality, slug, today)[1]


def open_change(municipality: str, slug: str) -> Change | None:
    """The change in progress for this file, if any (one at a time per file keeps reviews readable)."""
    query = db.select(Change).filter(
        Change.municipality == municipality, Change.slug == slug, Change.state.in_([s.value for s in OPEN_STATES])
    )
    return db.session.scalar(query)


def start(account: Account, municipality: str, slug: str, kind: Kind, base: str | None, proposed: str) -> Change:
    """A new draft of `account`, unless someone already works on this file."""
    busy = open_change(municipality, slug)
    if busy is not None:
        raise WorkflowError(f"{busy.author.name} werkt al aan deze regeling (wijziging {busy.id}).")
    change = Change(
        municipality=municipality, slug=slug, kind=kind.value, base_text=base, proposed_text=proposed, author=account
    )
    db.session.add(change)
    db.session.flush()
    record("concept_gemaakt", municipality=municipality, target=_target(change), detail=kind.value)
    return change


def save(change: Change, account: Account, proposed: str) -> None:
    """Keep a new proposed text; a change that was sent back becomes a draft again."""
    _must_be_author(change, account)
    if change.state_enum not in (State.DRAFT, State.SENT_BACK):
        raise WorkflowError("Deze wijziging is al ingediend. Trek haar eerst in als u nog iets wilt aanpassen.")
    change.proposed_text, change.state, change.updated_at = proposed, State.DRAFT.value, now()
    record("concept_opgeslagen", municipality=change.municipality, target=_target(change))


def submit(change: Change, account: Account, reason: str, today: date) -> None:
    """Offer the change for review, with the reason that becomes the commit message."""
    _must_be_author(change, account)
    if change.state_enum not in (State.DRAFT, State.SENT_BACK):
        raise WorkflowError("Deze wijziging is al ingediend.")
    if not reason.strip():
        raise WorkflowError("Schrijf kort waarom u dit wijzigt. Uw collega en de geschiedenis lezen dat.")
    _must_be_valid(change, today)
    change.reason, change.state, change.submitted_at = reason.strip(), State.SUBMITTED.value, now()
    record("ingediend", municipality=change.municipality, target=_target(change), detail=change.reason)


def withdraw(change: Change, account: Account) -> None:
    """The author stops the change; it stays in the list of changes."""
    _must_be_author(change, account)
    if not change.is_open:
        raise WorkflowError("Deze wijziging is al afgerond.")
    change.state = State.WITHDRAWN.value
    record("ingetrokken", municipality=change.municipality, target=_target(change))


def send_back(change: Change, reviewer: Account, comment: str) -> None:
    """The reviewer returns the change to its author with what needs to change."""
    _must_be_reviewable(change, reviewer)
    if not comment.strip():
        raise WorkflowError("Schrijf wat er anders moet, zodat uw collega weet wat te doen.")
    change.state, change.reviewer, change.review_comment = State.SENT_BACK.value, reviewer, comment.strip()
    change.reviewed_at = now()
    record("teruggestuurd", municipality=change.municipality, target=_target(change), detail=change.review_comment)


def approve(change: Change, reviewer: Account, repo: DataRepo, today: date, comment: str = "") -> str:
    """Write the approved text as a commit by the author with the reason; return the commit id."""
    _must_be_reviewable(change, reviewer)
    _must_be_valid(change, today)
    if repo.read(change.municipality, change.slug) != change.base_text:
        raise WorkflowError(
            "Iemand anders heeft deze regeling veranderd sinds deze wijziging begon. "
            "Stuur haar terug: de schrijver begint opnieuw vanaf de nieuwe tekst."
        )
    message = f"{change.reason}\n\nGoedgekeurd door {reviewer.name} <{reviewer.email}> (wijziging {change.id})"
    commit = repo.write(
        change.municipality, change.slug, change.proposed_text, (change.author.name, change.author.email), message
    )
    change.state, change.reviewer, change.review_comment = State.APPROVED.value, reviewer, comment.strip()
    change.reviewed_at, change.commit = now(), commit
    record("goedgekeurd", municipality=change.municipality, target=_target(change), detail=commit)
    return commit


def _must_be_author(change: Change, account: Account) -> None:
    if change.author_id != account.id:
        raise WorkflowError("Alleen de schrijver van deze wijziging kan dit doen.")


def _must_be_reviewable(change: Change, reviewer: Account) -> None:
    if change.author_id == reviewer.id:
        raise WorkflowError(
            "U kunt uw eigen wijziging niet goedkeuren of terugsturen. Een collega moet haar controleren."
        )
    if change.state_enum is not State.SUBMITTED:
        raise WorkflowError("Deze wijziging wacht niet op controle.")


def _must_be_valid(change: Change, today: date) -> None:
    errors = [
        problem
        for problem in problems_in(change.proposed_text, change.municipality, change.slug, today)
        if problem.is_error
    ]
    if errors:
        raise WorkflowError(f"De wijziging heeft nog {len(errors)} fout(en): {errors[0].message}")


def _target(change: Change) -> str:
    return f"{change.municipality}/{change.slug} (wijziging {change.id})"
