"""Every staff route, tried by every role, by another municipality's accounts and by nobody (issue 14).

The table below is the expected rule per route, written independently of `staff.access`; a route
that is added without a row here makes the first test fail.
"""

from __future__ import annotations

import pytest

from staff.accounts.models import Account
from staff.changes.models import Change, Kind
from staff.db import db
from tests.staff.workspace.staffclient import StaffClient

OPEN, LOGIN = "open", "login"
VIEW, EDIT, REVIEW, ACCOUNTS, AUDIT, AUTHOR = "view", "edit", "review", "accounts", "audit", "author"

# endpoint, method, URL (for Nijmegen, or its change / account), who may
ROUTES = [
    ("beheer_login.login", "GET", "/beheer/inloggen", OPEN),
    ("beheer_login.second_factor", "GET", "/beheer/inloggen/code", OPEN),
    ("beheer_login.enrol", "GET", "/beheer/inloggen/koppelen", OPEN),
    # the login steps themselves (their answers are tested in test_login.py)
    ("beheer_login.login", "POST", "/beheer/inloggen", OPEN),
    ("beheer_login.second_factor", "POST", "/beheer/inloggen/code", OPEN),
    ("beheer_login.enrol", "POST", "/beheer/inloggen/koppelen", OPEN),
    ("beheer.overview", "GET", "/beheer", LOGIN),
    ("beheer.overview_csv", "GET", "/beheer/nijmegen.csv", VIEW),
    ("beheer_changes.queue", "GET", "/beheer/wijzigingen", LOGIN),
    ("beheer_changes.scheme", "GET", "/beheer/regelingen/nijmegen/schuldhulp", VIEW),
    ("beheer_changes.change", "GET", "/beheer/wijzigingen/{change}", VIEW),
    ("beheer_changes.preview", "GET", "/beheer/wijzigingen/{change}/voorbeeld", VIEW),
    ("beheer_changes.new", "GET", "/beheer/regelingen/nijmegen/nieuw", EDIT),
    ("beheer_changes.new", "POST", "/beheer/regelingen/nijmegen/nieuw", EDIT),
    ("beheer_changes.retire", "POST", "/beheer/regelingen/nijmegen/energiefonds/beeindigen", EDIT),
    ("beheer_changes.restore", "POST", "/beheer/regelingen/nijmegen/energiefonds/herstellen", EDIT),
    ("beheer_changes.act", "POST", "/beheer/wijzigingen/{change}/intrekken", EDIT),
    ("beheer_changes.act", "POST", "/beheer/wijzigingen/{change}/goedkeuren", REVIEW),
    ("beheer_changes.act", "POST", "/beheer/wijzigingen/{change}/terugsturen", REVIEW),
    ("beheer_changes.audit_log", "GET", "/beheer/logboek", AUDIT),
    ("beheer_edit.start", "POST", "/beheer/regelingen/nijmegen/bijzondere-bijstand/bewerken", EDIT),
    ("beheer_edit.edit", "GET", "/beheer/wijzigingen/{change}/bewerken", AUTHOR),
    ("beheer_edit.edit", "POST", "/beheer/wijzigingen/{change}/bewerken", AUTHOR),
    ("beheer_accounts.accounts", "GET", "/beheer/accounts", ACCOUNTS),
    ("beheer_accounts.create", "POST", "/beheer/accounts", ACCOUNTS),
    ("beheer_accounts.update", "POST", "/beheer/accounts/{account}", ACCOUNTS),
    ("beheer_login.change_password", "GET", "/beheer/wachtwoord", LOGIN),
    ("beheer_login.change_password", "POST", "/beheer/wachtwoord", LOGIN),
    ("beheer_login.logout", "POST", "/beheer/uitloggen", LOGIN),
]

# Who may, per rule, for Nijmegen's objects (the change is the Nijmegen redacteur's).
MAY = {
    OPEN: {
        "nobody",
        "nijmegen_redacteur",
        "nijmegen_controleur",
        "nijmegen_beheerder",
        "oss_redacteur",
        "oss_controleur",
        "platform",
    },
    LOGIN: {
        "nijmegen_redacteur",
        "nijmegen_controleur",
        "nijmegen_beheerder",
        "oss_redacteur",
        "oss_controleur",
        "platform",
    },
    VIEW: {"nijmegen_redacteur", "nijmegen_controleur", "nijmegen_beheerder", "platform"},
    EDIT: {"nijmegen_redacteur", "nijmegen_controleur", "nijmegen_beheerder"},
    REVIEW: {"nijmegen_controleur", "nijmegen_beheerder"},
    ACCOUNTS: {"nijmegen_beheerder", "platform"},
    AUDIT: {"nijmegen_beheerder", "platform"},
    AUTHOR: {"nijmegen_redacteur"},
}


def test_every_staff_route_has_a_rule(staff_app):
    routed = {
        (rule.endpoint, method)
        for rule in staff_app.url_map.iter_rules()
        if rule.rule.startswith("/beheer")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routed == {(endpoint, method) for endpoint, method, _, _ in ROUTES}


@pytest.fixture
def objects(staff_app, people):
    """A change by the Nijmegen redacteur, and the account the account routes act on."""
    with staff_app.app_context():
        author = db.session.scalar(db.select(Account).filter_by(email=people["nijmegen_redacteur"].email))
        text = staff_app.config["DATA_DIR"] + "/nijmegen/schuldhulp.yaml"
        with open(text, encoding="utf-8") as file:
            base = file.read()
        change = Change(
            municipality="nijmegen",
            slug="schuldhulp",
            kind=Kind.EDIT.value,
            base_text=base,
            proposed_text=base,
            author=author,
        )
        db.session.add(change)
        db.session.commit()
        return {"change": change.id, "account": author.id}


@pytest.mark.parametrize("who", sorted(MAY[OPEN]))
def test_each_route_allows_exactly_who_the_rule_says(staff_app, people, objects, who):
    client = StaffClient(staff_app)
    if who != "nobody":
        client.log_in(people[who])
    for endpoint, method, url, rule in ROUTES:
        if endpoint == "beheer_login.logout" or (rule == OPEN and method == "POST"):
            continue  # logging out ends the session (checked last); the login steps: test_login.py
        path = url.format(**objects)
        response = client.get(path) if method == "GET" else client.post(path, {})
        allowed = who in MAY[rule]
        status = response.status_code
        assert status < 500, (endpoint, method, who, status)
        if rule == OPEN:
            assert status != 403, (endpoint, method, who)
        elif who == "nobody":
            assert status == 302 and "/beheer/inloggen" in response.headers["Location"], (endpoint, method)
        elif allowed:
            assert status != 403, (endpoint, method, who)
            assert not (status == 302 and "/beheer/inloggen" in response.headers.get("Location", "")), (
                endpoint,
                method,
                who,
            )
        else:
            assert status == 403, (endpoint, method, who, status)
    if who != "nobody":
        assert client.post("/beheer/uitloggen").status_code == 302
        assert client.get("/beheer").status_code == 302
