"""`flask regelingen preview`: the site's own scheme page, for a file anywhere, as one self-contained HTML file."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from testapp import make_app

from staff.preview import SPRITE_USE

GOOD = Path(__file__).parents[1] / "data" / "validation" / "good"
BROKEN = Path(__file__).parents[1] / "data" / "validation" / "broken" / "oss"


@pytest.fixture
def app(tmp_path):
    """An app on the small Oss data set; today fixed in 2026."""
    return _app(tmp_path / "var" / "index", date(2026, 11, 21))


def _app(index: Path, today: date):
    return make_app(index.parent, GOOD, INDEX_DIR=str(index), TODAY=today)


def _preview(app, *args: object):
    return app.test_cli_runner().invoke(args=["regelingen", "preview", *map(str, args)])


@pytest.fixture
def downloads(tmp_path) -> Path:
    """A folder outside the data folder, like a staff member's Downloads."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    return folder


def _main(html: str) -> str:
    return re.search(r"<main.*</main>", html, re.S).group(0)


def test_preview_renders_a_file_outside_the_data_folder(app, downloads):
    """A new file in Downloads becomes a page in the site's layout, CSS inside it, nothing fetched from a server."""
    source = downloads / "energietoeslag.yaml"
    text = (GOOD / "oss" / "voorbeeld.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("titel: Voorbeeldregeling", "titel: Energietoeslag Oss"), encoding="utf-8")
    out = downloads / "voorbeeld.html"
    result = _preview(app, source, "--gemeente", "oss", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.as_uri() in result.output
    html = out.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Energietoeslag Oss</h1>", html)
    assert re.search(r"€\s150", html)
    assert "<style>" in html and 'rel="stylesheet"' not in html
    assert "/static/" not in html and "<script src" not in html
    assert '<use href="#' in html and "<symbol" in html
    assert "oss/energietoeslag" not in app.extensions["catalog"].schemes, "the preview must not publish anything"


def test_preview_shows_the_page_exactly_as_the_site_does(app, downloads):
    """The main content of the preview of a published file equals the live page (icons point into the page)."""
    shutil.copy(GOOD / "oss" / "voorbeeld.yaml", downloads / "voorbeeld.yaml")
    out = downloads / "voorbeeld.html"
    result = _preview(app, downloads / "voorbeeld.yaml", "--gemeente", "oss", "--out", out)
    assert result.exit_code == 0, result.output
    live = app.test_client().get("/oss/voorbeeld").get_data(as_text=True)
    assert _main(out.read_text(encoding="utf-8")) == _main(SPRITE_USE.sub('href="#', live))


def test_preview_uses_the_folder_name_when_the_file_is_in_a_municipality_folder(app, tmp_path):
    """In data/schemes/<gemeente>/ no --gemeente is needed; without --out the page goes to var/voorbeeld/."""
    result = _preview(app, GOOD / "oss" / "voorbeeld.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "var" / "voorbeeld" / "oss-voorbeeld.html").is_file()


def test_preview_shows_the_latest_amount_with_its_year_when_this_year_has_none(tmp_path, downloads):
    """In 2027 a file with amounts up to 2026 warns, and the page says the amount is from 2026."""
    app = _app(tmp_path / "index", date(2027, 1, 2))
    shutil.copy(GOOD / "oss" / "voorbeeld.yaml", downloads / "voorbeeld.yaml")
    out = downloads / "oud.html"
    result = _preview(app, downloads / "voorbeeld.yaml", "--gemeente", "oss", "--out", out)
    assert result.exit_code == 0, result.output
    assert "waarschuwing: er staat geen bedrag voor 2027" in result.output
    assert "bedrag uit 2026 — vraag het actuele bedrag na" in out.read_text(encoding="utf-8")


def test_preview_of_a_broken_file_prints_the_errors_and_writes_nothing(app, downloads):
    """Errors as file:line: message, a non-zero exit, and no page."""
    shutil.copy(BROKEN / "slechte-datum.yaml", downloads / "slechte-datum.yaml")
    out = downloads / "kapot.html"
    result = _preview(app, downloads / "slechte-datum.yaml", "--gemeente", "oss", "--out", out)
    assert result.exit_code == 1
    assert f"{downloads / 'slechte-datum.yaml'}:31: 'gecontroleerd_op' moet een datum zijn" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [([], "staat niet in een gemeentemap"), (["--gemeente", "utrecht"], "onbekende gemeente 'utrecht'")],
)
def test_preview_needs_a_known_municipality_outside_the_data_folder(app, downloads, extra, message):
    """Outside a municipality folder the command asks which municipality the file is for."""
    shutil.copy(GOOD / "oss" / "voorbeeld.yaml", downloads / "voorbeeld.yaml")
    result = _preview(app, downloads / "voorbeeld.yaml", *extra)
    assert result.exit_code == 1
    assert message in result.output and "--gemeente" in result.output
