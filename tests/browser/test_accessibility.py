"""axe-core in Chromium on every page type in Dutch and English: zero WCAG 2.1 A/AA violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .harness import AXE_JS
from .pages import all_pages, page_id

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' '))
  }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's code, injected through the DevTools protocol, which the site's strict CSP does not block."""
    return AXE_JS.read_text(encoding="utf-8")


def describe(violations: list[dict]) -> str:
    """Each violation's id, impact, help text and the nodes it was found on."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize(("kind", "language"), all_pages(), ids=page_id)
def test_no_axe_violations(page: Page, axe_source: str, kind, language: str) -> None:
    """The page in `language` has no WCAG 2.1 A/AA violation that axe-core can find."""
    response = page.goto(kind.url(language))
    assert response is not None and response.status == kind.status
    # Evaluated as a function body so the script runs as-is; axe sets window.axe itself.
    page.evaluate(f"() => {{ {axe_source}\n}}")
    assert page.evaluate("typeof window.axe") == "object", "axe-core did not load"
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)
    assert violations == [], f"{kind.url(language)}:\n{describe(violations)}"
