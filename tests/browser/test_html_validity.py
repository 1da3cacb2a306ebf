"""The Nu Html Checker (vnu.jar) on every page type in Dutch and English: zero errors."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .harness import VNU_JAR, require_tools
from .pages import all_pages, page_id

pytestmark = pytest.mark.browser


def fetch(url: str) -> tuple[int, bytes]:
    """The status and body the server sends for `url`, error pages included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def vnu_errors(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every page saved as served, checked in ONE run of the checker (the JVM is slow to start); errors by page."""
    require_tools(need_vnu=True)
    folder = tmp_path_factory.mktemp("vnu")
    files: dict[str, Path] = {}
    for kind, language in all_pages():
        status, body = fetch(base_url + kind.url(language))
        assert status == kind.status, f"{kind.url(language)} answered {status}"
        files[kind.key(language)] = folder / f"{kind.key(language)}.html"
        files[kind.key(language)].write_bytes(body)
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the Nu Html Checker did not report (exit {run.returncode}):\n{run.stderr[-2000:]}")
    errors: dict[str, list[str]] = {key: [] for key in files}
    for message in messages:
        key = Path(message.get("url", "")).stem if message.get("url") else "?"
        line = f"line {message.get('lastLine', '?')}: {message['message']}  «{message.get('extract', '').strip()}»"
        errors.setdefault(key, []).append(line)
    return errors


@pytest.mark.parametrize(("kind", "language"), all_pages(), ids=page_id)
def test_valid_html(vnu_errors: dict[str, list[str]], kind, language: str) -> None:
    """The page as served in `language` is valid HTML."""
    assert vnu_errors[kind.key(language)] == [], "\n".join(vnu_errors[kind.key(language)])


def test_checker_ran_on_every_page(vnu_errors: dict[str, list[str]]) -> None:
    """No message came from a file we did not give the checker (a crash or a wrong path would show here)."""
    assert set(vnu_errors) == {kind.key(language) for kind, language in all_pages()}
