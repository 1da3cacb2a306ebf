"""Issue 14 end to end in Chromium: a Meppel editor changes an amount and adds 2027, a colleague approves,
the site shows it on every worker within seconds, git has the author and reason; Oss cannot touch it.

With SCREENSHOTS=<folder> the steps are saved as pictures for docs/voor-gemeenten.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, expect

from app import create_app
from tests.staff.workspace.staffclient import PASSWORD, make_account

from .harness import AXE_JS, DESKTOP, SCHEMES, VNU_JAR, live_server, require_tools
from .test_accessibility import RUN_AXE, WCAG_21_AA, describe

SCHEME = "/meppel/individuele-inkomenstoeslag"
SHOTS = Path(os.environ["SCREENSHOTS"]) if os.environ.get("SCREENSHOTS") else None


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A data repository (git) with the shipped data, a migrated database with three accounts, gunicorn."""
    require_tools()
    workdir = tmp_path_factory.mktemp("beheer-e2e")
    repo = workdir / "data-repo"
    shutil.copytree(SCHEMES, repo / "schemes")
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "begin"]):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-C", str(repo), *command], check=True
        )
    database = f"sqlite:///{workdir / 'beheer.sqlite3'}"
    setup = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database,
            "SECRET_KEY": "x",
            "DATA_DIR": str(repo / "schemes"),
            "INDEX_DIR": str(workdir / "index"),
        }
    )
    with setup.app_context():
        upgrade()
    people = {
        "editor": make_account(setup, "redacteur@meppel.nl", "redacteur", "meppel"),
        "colleague": make_account(setup, "controleur@meppel.nl", "controleur", "meppel"),
        "oss": make_account(setup, "redacteur@oss.nl", "redacteur", "oss"),
    }
    with live_server(
        workdir, data_dir=repo / "schemes", SQLALCHEMY_DATABASE_URI=database, STAFF_DATA_REPO=str(repo)
    ) as base:
        yield {"base": base, "repo": repo, "people": people, "workdir": workdir}
    log = (workdir / "gunicorn.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]


def _checked(page: Page, name: str, pages: dict[str, str]) -> None:
    """No WCAG 2.1 A/AA violation axe can find; the page is kept for the Nu Html Checker."""
    page.evaluate(f"() => {{ {AXE_JS.read_text(encoding='utf-8')}\n}}")
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)
    assert violations == [], f"{name}:\n{describe(violations)}"
    pages[name] = page.content()


def _valid_html(pages: dict[str, str], folder: Path) -> None:
    files = []
    for name, html in pages.items():
        files.append(folder / f"{name}.html")
        files[-1].write_text(html, encoding="utf-8")  # page.content() starts with the doctype
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]} line {m.get('lastLine', '?')}: {m['message']}"
        for m in json.loads(run.stderr)["messages"]
    ]
    assert errors == [], "\n".join(errors)


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _log_in(browser: Browser, base: str, person, shots: dict[str, str] | None = None) -> Page:
    page = browser.new_context(base_url=base, viewport=DESKTOP, locale="nl-NL").new_page()
    page.goto("/beheer")
    expect(page).to_have_url(re.compile(r"/beheer/inloggen"))
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    if shots:
        _shot(page, "1-inloggen")
        _checked(page, "inloggen", shots)
    page.get_by_role("button", name="Verder").click()
    step = int(time.time() // 30)
    page.get_by_label("Code van 6 cijfers").fill(pyotp.TOTP(person.secret).generate_otp(step))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer: regelingen per gemeente")
    return page


def _public(base: str) -> str:
    with urllib.request.urlopen(base + SCHEME, timeout=10) as response:
        return response.read().decode().replace("\xa0", " ").replace("&nbsp;", " ")


def test_edit_review_publish_end_to_end(browser: Browser, workspace: dict) -> None:
    require_tools(need_vnu=True)
    base, people = workspace["base"], workspace["people"]
    pages: dict[str, str] = {}
    assert "€ 425" not in _public(base)

    editor = _log_in(browser, base, people["editor"], shots=pages)
    main = editor.locator("main")
    expect(main).to_contain_text("bedragen zonder cijfer voor")  # what is due comes first
    expect(main).not_to_contain_text("Oss")
    _shot(editor, "2-overzicht")
    _checked(editor, "overzicht", pages)
    editor.get_by_role("link", name="Individuele inkomenstoeslag").first.click()
    editor.get_by_role("button", name="Regeling aanpassen").click()
    expect(editor.get_by_role("heading", level=1)).to_contain_text("bewerken")

    # the amounts: correct the figure the page shows (2019: 419 -> 425) and add the figure for 2027
    editor.get_by_role("button", name="Nieuw jaar toevoegen").first.click()
    expect(editor.locator("main")).to_contain_text("Nog niet bewaard")
    editor.get_by_label("Jaar (2)").first.fill("2027")
    editor.get_by_label("Bedrag in euro (2)").first.fill("450")
    editor.get_by_label("Bedrag in euro (1)").first.fill("425")
    # a wrong date: saved as a draft, the message is on the field
    checked = editor.get_by_label("Gecontroleerd op")
    checked.fill("2026-13-01")
    editor.get_by_role("button", name="Bewaren").last.click()
    expect(checked).to_have_attribute("aria-invalid", "true")
    expect(editor.locator("#veld-gecontroleerd_op-fout")).to_contain_text("moet een datum zijn")
    checked.scroll_into_view_if_needed()
    _shot(editor, "3-fout-bij-het-veld")
    _checked(editor, "formulier-met-fout", pages)
    checked.fill("2026-12-05")
    editor.get_by_role("button", name="Bewaren").last.click()

    # the change page: the difference per field, a preview, submit with a reason
    expect(editor.get_by_role("heading", level=1)).to_contain_text("Wijziging")
    expect(editor.locator("table.diff")).to_contain_text("2027")
    _shot(editor, "4-wijziging")
    _checked(editor, "wijziging", pages)
    change_url = editor.url
    editor.get_by_role("link", name="Bekijk de pagina zoals inwoners hem zien").click()
    expect(editor.locator("main")).to_contain_text("Individuele inkomenstoeslag")
    expect(editor.locator("main")).to_contain_text("€ 425")
    _shot(editor, "5-voorbeeld")
    editor.goto(change_url)
    editor.get_by_label("Waarom verandert dit?").fill("Bedrag voor 2027 van de gemeente erbij gezet")
    editor.get_by_role("button", name="Indienen ter controle").click()
    expect(editor.locator("main")).to_contain_text("U kunt uw eigen wijziging niet goedkeuren")
    expect(editor.get_by_role("button", name="Goedkeuren en publiceren")).to_have_count(0)
    # also not by sending the form by hand (a redacteur reviews nothing; a controleur never their own)
    token = editor.locator("input[name=csrf_token]").first.get_attribute("value")
    refused = editor.request.post(
        change_url + "/goedkeuren", form={"csrf_token": token}, headers={"Referer": base + "/beheer"}
    )
    assert refused.status == 403

    # Oss sees nothing of it
    oss = _log_in(browser, base, people["oss"])
    assert oss.goto(change_url).status == 403
    assert oss.goto("/beheer/regelingen/meppel/individuele-inkomenstoeslag").status == 403
    oss.goto("/beheer")
    expect(oss.locator("main")).to_contain_text("Oss")
    expect(oss.locator("main")).not_to_contain_text("Meppel")

    # a colleague approves; the site shows it on every worker within seconds
    colleague = _log_in(browser, base, people["colleague"])
    colleague.get_by_role("link", name="Wijzigingen").click()
    colleague.get_by_role("link", name=re.compile("individuele-inkomenstoeslag")).first.click()
    _shot(colleague, "6-controleren")
    _checked(colleague, "controleren", pages)
    colleague.get_by_role("button", name="Goedkeuren en publiceren").click()
    approved = time.monotonic()
    in_a_row, deadline = 0, approved + 30
    while in_a_row < 20 and time.monotonic() < deadline:  # 20 answers in a row: both workers serve it
        in_a_row = in_a_row + 1 if "€ 425" in _public(base) else 0
        time.sleep(0.02 if in_a_row else 0.1)
    live_after = time.monotonic() - approved
    assert in_a_row >= 20, "the approved change did not reach the public page within 30 s"
    print(f"approval to live on all workers: {live_after:.2f} s")

    log = subprocess.run(
        ["git", "-C", str(workspace["repo"]), "log", "-1", "--format=%an <%ae>%n%s"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert log.startswith("Redacteur <redacteur@meppel.nl>\nBedrag voor 2027 van de gemeente erbij gezet"), log
    colleague.reload()
    expect(colleague.locator("main")).to_contain_text("gepubliceerd")
    colleague.get_by_role("link", name="De regeling").click()
    expect(colleague.locator("main")).to_contain_text("Bedrag voor 2027 van de gemeente erbij gezet")
    _checked(colleague, "regeling-met-geschiedenis", pages)
    _valid_html(pages, workspace["workdir"])
