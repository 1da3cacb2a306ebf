"""The staff workspace on a throwaway data repository, against SQLite and (where installed) PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from testapp import SCHEMES, make_app

from publishing import publish_data
from staff.changes.publisher import wait_until_idle
from tests.staff.workspace import postgres
from tests.staff.workspace.staffclient import StaffClient, make_account


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server for the whole run; CI must have it (make test installs Debian's postgresql)."""
    if postgres.binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is niet geïnstalleerd; `make test` installeert het (apt install postgresql)")
        pytest.skip("PostgreSQL is niet geïnstalleerd (apt install postgresql)")
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'beheer.sqlite3'}"
    server = request.getfixturevalue("postgres_url")
    name = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"{server}/{name}"


@pytest.fixture
def repo(tmp_path):
    """A git repository holding a copy of the fixture schemes (as a separate data repository would)."""
    root = tmp_path / "data-repo"
    shutil.copytree(SCHEMES, root / "schemes")
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "begin"]):
        subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(root), *command], check=True
        )
    return root


@pytest.fixture
def staff_app(tmp_path, database_url, repo):
    """The app with its staff database migrated to the newest schema."""
    app = make_app(
        tmp_path,
        data_dir=repo / "schemes",
        STAFF_DATA_REPO=str(repo),
        SQLALCHEMY_DATABASE_URI=database_url,
        WATCH_DATA=False,
    )
    with app.app_context():
        upgrade()
    publish_data(app)  # what `make run` does first; approvals publish again in the background
    yield app
    assert wait_until_idle(timeout=60)
    with app.app_context():
        from staff.db import db

        db.engine.dispose()


@pytest.fixture
def people(staff_app):
    """Accounts of two municipalities in every role, each with a linked authenticator app."""
    return {
        "nijmegen_redacteur": make_account(staff_app, "red@nijmegen.nl", "redacteur", "nijmegen"),
        "nijmegen_controleur": make_account(staff_app, "con@nijmegen.nl", "controleur", "nijmegen"),
        "nijmegen_beheerder": make_account(staff_app, "beh@nijmegen.nl", "beheerder", "nijmegen"),
        "oss_redacteur": make_account(staff_app, "red@oss.nl", "redacteur", "oss"),
        "oss_controleur": make_account(staff_app, "con@oss.nl", "controleur", "oss"),
        "platform": make_account(staff_app, "admin@platform.nl", "platformbeheerder", None),
    }


@pytest.fixture
def as_person(staff_app, people):
    """`as_person("nijmegen_redacteur")`: a client logged in with password and code."""

    def log_in(who: str) -> StaffClient:
        client = StaffClient(staff_app)
        client.log_in(people[who])
        return client

    return log_in
