"""Publish approved changes outside any request, one publication at a time, through `publish_data`.

Approvals that come in while a publication runs are taken along by the next one. When it has gone
live, the changes it carried are marked published (every worker switches to it within
`RECHECK_SECONDS`). A refused publication leaves the last good one serving, and is in the audit log.
"""

from __future__ import annotations

import threading
import time

from flask import Flask

from publishing import PublicationRefused, publish_data
from staff.audit import record
from staff.changes.models import Change, State
from staff.db import db, now

_running = threading.Lock()
_again = threading.Event()


def publish_soon(app: Flask) -> None:
    """Start publishing in the background (or ask the publication that is running to go once more)."""
    _again.set()
    if _running.acquire(blocking=False):
        threading.Thread(target=_publish_while_asked, args=(app,), name="beheer-publiceren", daemon=True).start()


def wait_until_idle(timeout: float) -> bool:
    """Wait until no publication runs or is asked for (for shutdown and tests); False on timeout."""
    deadline = time.monotonic() + timeout
    while _again.is_set() or _running.locked():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _publish_while_asked(app: Flask) -> None:
    try:
        while _again.is_set():
            _again.clear()
            publish_approved(app)
    finally:
        _running.release()
        if _again.is_set():
            publish_soon(app)


def publish_approved(app: Flask) -> int:
    """Publish the data folder and mark every approved change published; return how many were."""
    with app.app_context():
        waiting = db.session.scalars(db.select(Change).filter_by(state=State.APPROVED.value)).all()
        try:
            publish_data(app, only_if_changed=True)
        except (PublicationRefused, OSError, ValueError) as error:
            record("publicatie_geweigerd", detail=str(error)[:2000])
            db.session.commit()
            return 0
        for change in waiting:
            change.state, change.published_at = State.PUBLISHED.value, now()
            record("gepubliceerd", municipality=change.municipality, target=f"{change.municipality}/{change.slug}")
        db.session.commit()
        return len(waiting)
