"""The one-minute check in a real Chromium on the shipped data: axe-core and the Nu Html Checker on its pages,
a walk through every question without JavaScript on a phone, and large enough targets."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from .harness import AXE_JS, VNU_JAR, require_tools
from .pages import LANGUAGES, sample_municipality
from .test_accessibility import RUN_AXE, WCAG_21_AA, describe
from .test_flows import OVERFLOWING, TAP_TARGETS
from .test_html_validity import fetch

pytestmark = pytest.mark.browser


def check_pages() -> list[tuple[str, str, int]]:
    """(name, url, status) of each kind of check page: first question, household, a form message, the result."""
    place = sample_municipality().slug
    answers = [
        ("gemeente", place),
        ("partner", "nee"),
        ("kinderen", "geen"),
        ("leeftijd", "onbekend"),
        ("ontvangt", "onbekend"),
    ]
    return [
        ("first", "/check", 200),
        ("household", "/check?" + urlencode([("gemeente", place)]), 200),
        ("message", "/check?" + urlencode([("gemeente", place), ("stap", "huishouden")]), 400),
        ("result", "/check/uitslag?" + urlencode(answers), 200),
        ("result-national", "/check/uitslag?gemeente=", 200),
    ]


def in_language(url: str, language: str) -> str:
    """`url` in `language` (Dutch is the default and needs no parameter)."""
    return url if language == "nl" else url + ("&" if "?" in url else "?") + "taal=" + language


PAGES = [(name, in_language(url, language), status) for name, url, status in check_pages() for language in LANGUAGES]


@pytest.mark.parametrize(
    ("name", "url", "status"),
    PAGES,
    ids=[f"{name}-{url.rsplit('taal=', 1)[-1] if 'taal=' in url else 'nl'}" for name, url, _ in PAGES],
)
def test_no_axe_violations(page: Page, name: str, url: str, status: int) -> None:
    """Each check page, in both languages, has no WCAG 2.1 A/AA violation that axe-core can find."""
    response = page.goto(url)
    assert response is not None and response.status == status
    page.evaluate(f"() => {{ {AXE_JS.read_text(encoding='utf-8')}\n}}")
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)
    assert violations == [], f"{url}:\n{describe(violations)}"


def test_valid_html(base_url: str, tmp_path) -> None:
    """Every check page as served is valid HTML (one run of the Nu Html Checker)."""
    require_tools(need_vnu=True)
    files = []
    for index, (_, url, status) in enumerate(PAGES):
        answered, body = fetch(base_url + url)
        assert answered == status, url
        files.append(tmp_path / f"{index}.html")
        files[-1].write_bytes(body)
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr)["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}: line {m.get('lastLine')}: {m['message']}" for m in messages)


@pytest.fixture
def nojs_phone(browser, guard):
    """A 360-px phone with JavaScript off."""
    context = guard.attach(
        browser.new_context(
            base_url=guard.base, viewport={"width": 360, "height": 740}, is_mobile=True, java_script_enabled=False
        )
    )
    page = context.new_page()
    yield page
    context.close()


def test_walk_through_the_check_on_a_phone_without_javascript(nojs_phone: Page) -> None:
    """From the home page, one question per screen, first answer each time, to the result in at most 7 screens."""
    page = nojs_phone
    page.goto("/")
    page.locator("main a[href^='/check']").first.click()
    page.wait_for_load_state()  # measure the first question only once its stylesheet is in
    screens = 0
    while page.url.split("?")[0].endswith("/check"):
        screens += 1
        assert screens <= 7, page.url
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.evaluate(TAP_TARGETS) == [], page.url
        assert page.evaluate(OVERFLOWING) == [], page.url
        for fieldset in page.locator("main fieldset").all():
            fieldset.locator("input[type=radio], input[type=checkbox]").first.check()
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
    assert "/check/uitslag" in page.url
    assert page.locator("h1").count() == 1
    assert page.locator("main a[href^='/plan?r=']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
