"""The one way tests build the app: `make_app(tmp_path, data_dir, **config)`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from app import create_app

SCHEMES = Path(__file__).parent / "data" / "schemes"


def make_app(tmp_path: Path, data_dir: Path | None = SCHEMES, **config: Any) -> Flask:
    """The app in testing mode on `data_dir` (None: the shipped data/schemes), its index in `tmp_path/index`.

    `config` goes on top (`TODAY`, `INDEX_DIR`, `RECHECK_SECONDS`, ...).
    """
    settings: dict[str, Any] = {
        "TESTING": True,
        "INDEX_DIR": str(tmp_path / "index"),
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'beheer.sqlite3'}",
    }
    if data_dir is not None:
        settings["DATA_DIR"] = str(data_dir)
    return create_app(settings | config)
