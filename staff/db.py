"""The staff workspace's database: accounts, changes under review and the audit log.

SQLite in `var/` is the embedded default (`make run` creates it); production sets
`REGELINGEN_SQLALCHEMY_DATABASE_URI` to PostgreSQL. The schema comes from the migrations in
`migrations/` (`flask db upgrade`), never from `create_all`, so both databases get the same tables.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Named constraints, so migrations can change them on every database."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def now() -> datetime:
    """The current time in UTC without tzinfo (SQLite keeps no time zones; every stored time is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def init_app(app: Flask, default_path: Path) -> None:
    """Connect `app` to its database (a SQLite file at `default_path` unless configured otherwise)."""
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", f"sqlite:///{default_path}")
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        default_path.parent.mkdir(parents=True, exist_ok=True)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
