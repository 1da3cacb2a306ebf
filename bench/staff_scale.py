"""The staff workspace at national size (`make bench-staff`): ≈ 14,000 generated schemes in a git data repository.

Measures, in one process with the app's test client (as one worker serves one request): the overview of one
municipality, the form page of a scheme, a save (round-trip YAML, validation, problems on fields, the draft
in the database), the approval (the file written and committed to git), and the time from approval to the
new publication by the background publisher (only the changed file validated again, the index rebuilt). CSRF checks are off here (their
cost is a hash); the login is the real one (password + TOTP). Writes var/bench/staff_scale.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pyotp
from flask_migrate import upgrade

from app import create_app
from bench.national_data import write_corpus
from publishing import publish_data
from staff.accounts.models import Account
from staff.accounts.secrets import hash_password
from staff.changes.models import Change, State
from staff.changes.publisher import wait_until_idle
from staff.db import db

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "var" / "bench" / "staff_scale.json"
PASSWORD = "een lang wachtwoord voor de meting"


def _timed(action, repeat: int) -> dict[str, float]:
    """Wall and CPU milliseconds of `action` (median and max over `repeat` runs)."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return {
        "median_ms": round(statistics.median(walls), 1),
        "max_ms": round(max(walls), 1),
        "cpu_median_ms": round(statistics.median(cpus), 1),
    }


def _account(app, email: str, role: str, municipality: str) -> str:
    secret = pyotp.random_base32()
    with app.app_context():
        db.session.add(
            Account(
                email=email,
                name=email.split("@")[0],
                role=role,
                municipality=municipality,
                password_hash=hash_password(PASSWORD),
                totp_secret=secret,
            )
        )
        db.session.commit()
    return secret


def _log_in(app, email: str, secret: str, step_offset: int = 0):
    client = app.test_client()
    base = {"base_url": "https://localhost"}
    client.post("/beheer/inloggen", data={"email": email, "wachtwoord": PASSWORD}, **base)
    code = pyotp.TOTP(secret).generate_otp(int(time.time() // 30) + step_offset)
    assert client.post("/beheer/inloggen/code", data={"code": code}, **base).status_code == 302
    return client


def measure(folder: Path, repeat: int, municipalities: int, per_municipality: int) -> dict[str, Any]:
    repo, data = folder / "repo", folder / "repo" / "schemes"
    names = write_corpus(data, municipalities, per_municipality)
    files = sum(1 for _ in data.glob("*/*.yaml"))
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "begin"]):
        subprocess.run(
            ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-C", str(repo), *command],
            check=True,
        )
    app = create_app(
        {
            "DATA_DIR": str(data),
            "INDEX_DIR": str(folder / "index"),
            "STAFF_DATA_REPO": str(repo),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'beheer.sqlite3'}",
            "SECRET_KEY": "bench",
            "WATCH_DATA": False,
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade()
    started = time.perf_counter()
    publish_data(app)
    first_publish = time.perf_counter() - started
    place = next(name for name in names if name != "landelijk")
    slug = sorted(path.stem for path in (data / place).glob("*.yaml") if not path.name.startswith("_"))[0]
    editor = _log_in(app, f"r@{place}.nl", _account(app, f"r@{place}.nl", "redacteur", place))
    reviewer = _log_in(app, f"c@{place}.nl", _account(app, f"c@{place}.nl", "controleur", place))
    https = {"base_url": "https://localhost"}
    results: dict[str, Any] = {
        "schemes": files,
        "municipalities": len(names),
        "first_publish_s": round(first_publish, 1),
    }
    results["overview"] = _timed(lambda: editor.get("/beheer", **https), repeat)
    results["scheme_page"] = _timed(lambda: editor.get(f"/beheer/regelingen/{place}/{slug}", **https), repeat)
    location = editor.post(f"/beheer/regelingen/{place}/{slug}/bewerken", **https).headers["Location"]
    results["form_page"] = _timed(lambda: editor.get(location, **https), repeat)
    form = _form_of(editor.get(location, **https).get_data(as_text=True))
    form["bewaren"] = "1"
    counter = iter(range(10**6))

    def save() -> None:
        form["wat_krijgt_u.tekst"] = (
            f"Een bijdrage van de gemeente, versie {next(counter)}. U krijgt het geld op uw rekening."
        )
        response = editor.post(location, data=form, **https)
        assert response.status_code == 302, response.status_code

    results["save"] = _timed(save, repeat)
    change = location.rsplit("/", 1)[0]
    editor.post(change + "/indienen", data={"reden": "meting"}, **https)
    approved = time.perf_counter()
    answer = reviewer.post(change + "/goedkeuren", **https)
    assert answer.status_code == 302, (answer.status_code, answer.get_data(as_text=True)[:2000])
    results["approve_request_ms"] = round((time.perf_counter() - approved) * 1000, 1)
    # The approval starts the publication in the background (as on the site): wait until it is live.
    assert wait_until_idle(timeout=600)
    with app.app_context():
        change_id = int(change.rsplit("/", 1)[1])
        published = db.session.get(Change, change_id)
        assert published is not None and published.state == State.PUBLISHED.value, "the change was not published"
    results["approval_to_publication_s"] = round(time.perf_counter() - approved, 2)
    return results


def _form_of(html: str) -> dict[str, Any]:
    from werkzeug.datastructures import MultiDict

    from tests.staff.workspace.formdata import form_fields

    return MultiDict(form_fields(html))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--municipalities", type=int, default=350)
    parser.add_argument("--per-municipality", type=int, default=40)
    args = parser.parse_args(argv)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-staff-", dir=OUTPUT.parent) as folder:
        results = measure(Path(folder), args.repeat, args.municipalities, args.per_municipality)
    OUTPUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
