"""Logging in: password and code, lock-out, CSRF, the session cookie only on /beheer."""

from __future__ import annotations

from staff.accounts.models import Account
from staff.audit import AuditEvent
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
        actions = [event.action for event in db.session.scalars(db.select(AuditEvent))]
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


def test_create_admin_then_first_login_links_an_authenticator_app(staff_app):
    import re

    import pyotp

    runner = staff_app.test_cli_runner()
    weak = runner.invoke(args=["regelingen", "create-admin", "eerste@gemeente.nl", "--wachtwoord", "kort"])
    assert weak.exit_code != 0 and "minstens 12 tekens" in weak.output
    made = runner.invoke(
        args=[
            "regelingen",
            "create-admin",
            "eerste@gemeente.nl",
            "--naam",
            "Eerste",
            "--wachtwoord",
            "een lang wachtwoord",
        ]
    )
    assert made.exit_code == 0, made.output
    again = runner.invoke(
        args=["regelingen", "create-admin", "eerste@gemeente.nl", "--wachtwoord", "een lang wachtwoord"]
    )
    assert again.exit_code != 0 and "al een account" in again.output

    client = StaffClient(staff_app)
    client.get("/beheer/inloggen")
    response = client.post("/beheer/inloggen", {"email": "eerste@gemeente.nl", "wachtwoord": "een lang wachtwoord"})
    assert response.headers["Location"].endswith("/beheer/inloggen/koppelen")
    page = client.get("/beheer/inloggen/koppelen").get_data(as_text=True)
    assert "<svg" in page  # the QR code, inline: no request to anyone else
    secret = re.search(r"<code>([A-Z2-7]{16,})</code>", page).group(1)
    assert client.post("/beheer/inloggen/koppelen", {"code": "123456"}).status_code == 401
    assert client.post("/beheer/inloggen/koppelen", {"code": pyotp.TOTP(secret).now()}).status_code == 302
    assert client.get("/beheer/accounts").status_code == 200  # a platform administrator manages accounts
    with staff_app.app_context():
        account = db.session.scalar(db.select(Account).filter_by(email="eerste@gemeente.nl"))
        assert account.totp_secret == secret and account.role == "platformbeheerder"


def test_an_administrator_makes_an_account_and_switching_it_off_ends_its_sessions(staff_app, as_person, people):
    admin = as_person("nijmegen_beheerder")
    page = admin.post(
        "/beheer/accounts", {"email": "Nieuw@Nijmegen.nl", "naam": "Nieuw", "rol": "redacteur", "gemeente": "oss"}
    )
    assert "Set-Cookie" not in page.headers or "Eenmalig" not in page.headers["Set-Cookie"]
    text = page.get_data(as_text=True)
    assert "Eenmalig wachtwoord" in text
    with staff_app.app_context():
        made = db.session.scalar(db.select(Account).filter_by(email="nieuw@nijmegen.nl"))
        assert made.municipality == "nijmegen"  # a municipality's beheerder makes accounts for their own only
    # a platform role cannot be given by a municipality's beheerder
    admin.post("/beheer/accounts", {"email": "baas@nijmegen.nl", "naam": "Baas", "rol": "platformbeheerder"})
    with staff_app.app_context():
        assert db.session.scalar(db.select(Account).filter_by(email="baas@nijmegen.nl")) is None
        target = db.session.scalar(db.select(Account).filter_by(email=people["nijmegen_redacteur"].email)).id
    victim = as_person("nijmegen_redacteur")
    assert victim.get("/beheer").status_code == 200
    admin.post(f"/beheer/accounts/{target}", {"actie": "uit"})
    assert victim.get("/beheer").status_code == 302
    # Oss's accounts are not Nijmegen's to change
    with staff_app.app_context():
        oss = db.session.scalar(db.select(Account).filter_by(email=people["oss_redacteur"].email)).id
    assert admin.post(f"/beheer/accounts/{oss}", {"actie": "uit"}).status_code == 403


def test_a_beheerder_gives_a_new_one_time_password_which_lifts_a_lock_out(staff_app, as_person, people):
    import re

    person = people["nijmegen_redacteur"]
    client = StaffClient(staff_app)
    client.get("/beheer/inloggen")
    for _ in range(5):
        client.post("/beheer/inloggen", {"email": person.email, "wachtwoord": "fout"})
    with staff_app.app_context():
        account = db.session.scalar(db.select(Account).filter_by(email=person.email))
        assert account.locked_until is not None
        account_id = account.id
    page = as_person("nijmegen_beheerder").post(f"/beheer/accounts/{account_id}", {"actie": "wachtwoord"})
    new = re.search(r"Eenmalig wachtwoord.*?<code>([^<]+)</code>", page.get_data(as_text=True), re.S).group(1)
    client.get("/beheer/inloggen")
    response = client.post("/beheer/inloggen", {"email": person.email, "wachtwoord": new})
    assert response.headers["Location"].endswith("/beheer/inloggen/code")


def test_changing_ones_password_needs_the_current_one_and_a_strong_new_one(staff_app, as_person, people):
    client = as_person("oss_redacteur")
    wrong = client.post(
        "/beheer/wachtwoord",
        {"huidig": "fout", "nieuw": "een nieuw lang wachtwoord", "nogmaals": "een nieuw lang wachtwoord"},
    )
    assert "klopt niet" in wrong.get_data(as_text=True)
    short = client.post(
        "/beheer/wachtwoord", {"huidig": people["oss_redacteur"].password, "nieuw": "kort", "nogmaals": "kort"}
    )
    assert "minstens 12 tekens" in short.get_data(as_text=True)
    done = client.post(
        "/beheer/wachtwoord",
        {
            "huidig": people["oss_redacteur"].password,
            "nieuw": "een nieuw lang wachtwoord",
            "nogmaals": "een nieuw lang wachtwoord",
        },
    )
    assert done.status_code == 302
    assert client.get("/beheer").status_code == 200  # this session goes on
    with staff_app.app_context():
        account = db.session.scalar(db.select(Account).filter_by(email=people["oss_redacteur"].email))
        from staff.accounts.secrets import password_matches

        assert password_matches(account.password_hash, "een nieuw lang wachtwoord")
