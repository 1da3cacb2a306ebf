"""Coach mode in a real Chromium on the shipped data: valid HTML, no axe violations, the flow without JavaScript."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .harness import VNU_JAR, require_tools
from .pages import LANGUAGES, catalog, sample_municipality
from .test_accessibility import RUN_AXE, WCAG_21_AA, describe
from .test_flows import OVERFLOWING, TAP_TARGETS

pytestmark = pytest.mark.browser


def coach_pages() -> dict[str, str]:
    """One page of every coach kind, built from the first municipality's first three schemes (by id)."""
    municipality = sample_municipality()
    schemes = sorted(catalog().schemes_for(municipality.slug, include_national=False), key=lambda s: s.id)[:3]
    ids = [("r", scheme.id) for scheme in schemes]
    return {
        "guide": f"/{schemes[0].id}/stappenplan",
        "plan": "/plan?" + urlencode([*ids, ("doel", "Rust in mijn hoofd"), ("heb", "bankapp")]),
        "empty-plan": "/plan",
        "coach-results": "/zoeken?"
        + urlencode({"q": schemes[0].title, "gemeente": municipality.slug, "weergave": "coach"}),
    }


def in_language(url: str, language: str) -> str:
    """`url` with `?taal=` for languages other than Dutch."""
    return url if language == "nl" else url + ("&" if "?" in url else "?") + f"taal={language}"


PAGES = [(name, language) for name in coach_pages() for language in LANGUAGES]


@pytest.fixture(scope="module")
def vnu_errors(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every coach page as served, checked in one run of the Nu Html Checker; errors by page."""
    require_tools(need_vnu=True)
    folder = tmp_path_factory.mktemp("coach-vnu")
    files = {}
    for name, language in PAGES:
        with urllib.request.urlopen(base_url + in_language(coach_pages()[name], language), timeout=20) as response:
            files[f"{name}-{language}"] = folder / f"{name}-{language}.html"
            files[f"{name}-{language}"].write_bytes(response.read())
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors: dict[str, list[str]] = {key: [] for key in files}
    for message in json.loads(run.stderr)["messages"]:
        key = urlsplit(message.get("url", "")).path.rsplit("/", 1)[-1].removesuffix(".html")
        errors.setdefault(key, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.mark.parametrize(("name", "language"), PAGES)
def test_coach_pages_are_valid_html(vnu_errors: dict[str, list[str]], name: str, language: str) -> None:
    """Each coach page is valid HTML in both languages."""
    assert vnu_errors[f"{name}-{language}"] == [], "\n".join(vnu_errors[f"{name}-{language}"])


@pytest.mark.parametrize(("name", "language"), PAGES)
def test_coach_pages_have_no_axe_violations(page: Page, name: str, language: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the coach pages."""
    from .harness import AXE_JS

    response = page.goto(in_language(coach_pages()[name], language))
    assert response is not None and response.status == 200
    page.evaluate(f"() => {{ {AXE_JS.read_text(encoding='utf-8')}\n}}")
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("name", list(coach_pages()))
def test_coach_pages_fit_a_phone(phone_page: Page, name: str) -> None:
    """On a 360-px phone nothing scrolls sideways and every control is big enough to tap."""
    phone_page.goto(coach_pages()[name])
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone_page.evaluate(OVERFLOWING) == []
    assert phone_page.evaluate(TAP_TARGETS) == []


def test_plan_flow_without_javascript(nojs_page: Page) -> None:
    """Tick schemes in the coach view, open the plan, set a goal and who does a step, reorder: all by links."""
    page = nojs_page
    page.goto(coach_pages()["coach-results"])
    boxes = page.locator("form.coach-view input[type=checkbox][name=r]")
    chosen = boxes.evaluate_all("boxes => boxes.slice(0, 2).map(box => box.value)")
    for value in chosen:
        page.check(f"form.coach-view input[value='{value}']")
    page.click("form.coach-view button[type=submit]")
    assert parse_qs(urlsplit(page.url).query)["r"][: len(chosen)] == chosen
    expect(page.locator("button[data-print]")).to_be_hidden()
    expect(page.locator(".print-tools__how")).to_be_visible()

    page.fill("#doel", "Rust in mijn hoofd")
    page.locator("#aanpassen select").first.select_option("coach")
    page.locator("#aanpassen button[name=maak]").first.click()
    query = parse_qs(urlsplit(page.url).query)
    assert (
        query["doel"] == ["Rust in mijn hoofd"] and "coach" in [v for k, v in query.items() if k.startswith("wie.")][0]
    )
    expect(page.locator(".plan__goal-text")).to_have_text("Rust in mijn hoofd")

    page.locator("#aanpassen button[name=omlaag]").first.click()
    assert parse_qs(urlsplit(page.url).query)["r"][:2] == [chosen[1], chosen[0]]
    assert parse_qs(urlsplit(page.url).query)["doel"] == ["Rust in mijn hoofd"], "reordering keeps the rest"


def test_print_button_with_javascript(page: Page) -> None:
    """With JavaScript the Print button shows and opens the browser's print dialog."""
    # Counted instead of opened before any script runs: a real print dialog would block headless Chromium.
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    page.goto(coach_pages()["guide"])
    page.click("button[data-print]")
    assert page.evaluate("window.printed") == 1


def test_pdf_download_from_the_live_server(base_url: str) -> None:
    """The PDF link works under gunicorn too: a PDF whose QR code and links point at the live server."""
    try:
        with urllib.request.urlopen(
            base_url + coach_pages()["guide"].replace("/stappenplan", "/stappenplan.pdf"), timeout=60
        ) as response:
            assert response.headers["Content-Type"] == "application/pdf"
            assert response.read(5) == b"%PDF-"
    except urllib.error.HTTPError as error:
        pytest.fail(f"the PDF answered {error.code}")
