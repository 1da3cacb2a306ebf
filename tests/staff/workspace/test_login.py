"""Logging in: password and code, lock-out, CSRF, the session cookie only on /beheer."""

from __future__ import annotations

from staff.accounts.models import Account
from staff.db import db
from tests.staff.workspace.staffclient import StaffClient


def test_overview_needs_a_full_login(staff_app, people):
    client = StaffClient(staff_app)
    response = client.get("/beheer")
    assert response.status_code == 302
    assert "/beheer/inloggen" in response.headers["Location"]
    # the CSV too
    assert client.get("/beheer/nijmegen.csv").status_code == 302
    # a password alone is not enough
    client.get("/beheer/inloggen")
    client.post(
        "/beheer/inloggen",
        {"email": people["nijmegen_redacteur"].email, "wachtwoord": people["nijmegen_redacteur"].password},
    )
    assert client.get("/beheer").status_code == 302


def test_password_and_code_give_the_overview_of_ones_own_municipality(as_person):
    client = as_person("nijmegen_redacteur")
    page = client.get("/beheer").get_data(as_text=True)
    assert "Nijmegen" in page
    assert 'id="gemeente-oss"' not in page
    assert client.get("/beheer/oss.csv").status_code == 403
    assert client.get("/beheer/nijmegen.csv").status_code == 200


def test_the_session_cookie_is_secure_httponly_strict_and_only_for_beheer(staff_app, people):
    client = StaffClient(staff_app)
    client.get("/beheer/inloggen")
    response = client.post(
        "/beheer/inloggen", {"email": people["oss_redacteur"].email, "wachtwoord": people["oss_redacteur"].password}
    )
    cookie = response.headers["Set-Cookie"]
    assert "Path=/beheer" in cookie
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_wrong_code_is_refused_and_a_used_code_cannot_be_used_again(staff_app, people):
    client = StaffClient(staff_app)
    response = client.log_in(people["oss_redacteur"], code="000000")
    assert response.status_code == 401
    good = StaffClient(staff_app)
    from tests.staff.workspace.staffclient import code_for

    code = code_for(staff_app, people["oss_redacteur"])
    assert good.log_in(people["oss_redacteur"], code=code).status_code == 302
    again = StaffClient(staff_app)
    assert again.log_in(people["oss_redacteur"], code=code).status_code == 401


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(staff_app, people):
    person = people["nijmegen_redacteur"]
    client = StaffClient(staff_app)
    client.get("/beheer/inloggen")
    for _ in range(5):
        assert client.post("/beheer/inloggen", {"email": person.email, "wachtwoord": "fout"}).status_code == 401
    assert client.post("/beheer/inloggen", {"email": person.email, "wachtwoord": person.password}).status_code == 401
    with staff_app.app_context():
        account = db.session.scalar(db.select(Account).filter_by(email=person.email))
        assert account.locked_until is not None
        actions = [
            event.action
            for event in db.session.scalars(db.select(__import__("staff.audit", fromlist=["AuditEvent"]).AuditEvent))
        ]
    assert actions.count("inloggen_mislukt") == 6
    assert "account_geblokkeerd" in actions


def test_a_post_without_csrf_token_is_refused_with_400(as_person):
    client = as_person("nijmegen_redacteur")
    response = client.post("/beheer/regelingen/nijmegen/schuldhulp/bewerken", token=False)
    assert response.status_code == 400
    assert (
        client.post(
            "/beheer/regelingen/nijmegen/schuldhulp/bewerken", {"csrf_token": "vervalst"}, token=False
        ).status_code
        == 400
    )


def test_logging_out_ends_the_session(as_person):
    client = as_person("oss_controleur")
    assert client.get("/beheer").status_code == 200
    client.post("/beheer/uitloggen")
    assert client.get("/beheer").status_code == 302
