"""Who may do what, checked on the server for every route and every object.

A municipality's accounts only ever see and change their own municipality. Platform administrators
create accounts for every municipality and read every overview and log, but edit and review nothing:
facts are the municipality's own responsibility.
"""

from __future__ import annotations

from enum import StrEnum

from flask import abort
from flask_login import current_user

from staff.accounts.models import Account, Role


class Action(StrEnum):
    """Something an account can be allowed to do."""

    VIEW = "bekijken"  # the overview, a scheme, its history and changes, a preview
    EDIT = "bewerken"  # make, change, submit and withdraw one's own changes
    REVIEW = "controleren"  # approve or send back a colleague's change
    MANAGE_ACCOUNTS = "accounts"  # create accounts, set roles, reset a second factor
    READ_AUDIT = "logboek"  # read the audit log


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.REDACTEUR: frozenset({Action.VIEW, Action.EDIT}),
    Role.CONTROLEUR: frozenset({Action.VIEW, Action.EDIT, Action.REVIEW}),
    Role.BEHEERDER: frozenset(Action),
    Role.PLATFORM: frozenset({Action.VIEW, Action.MANAGE_ACCOUNTS, Action.READ_AUDIT}),
}


def allowed(account: Account, action: Action, municipality: str | None) -> bool:
    """Whether `account` may do `action` for `municipality` (None: for every municipality at once)."""
    role = account.role_enum
    if not account.active or action not in PERMISSIONS[role]:
        return False
    return role is Role.PLATFORM or (municipality is not None and municipality == account.municipality)


def require(action: Action, municipality: str | None) -> None:
    """Stop the request with 403 unless the logged-in account may do `action` for `municipality`."""
    if not allowed(current_user, action, municipality):
        abort(403)


def visible_municipalities(account: Account, all_slugs: list[str]) -> list[str]:
    """The municipalities `account` may view."""
    return [slug for slug in all_slugs if allowed(account, Action.VIEW, slug)]
