"""/beheer: due files first, broken files listed, the CSV equals the page, and search engines kept out."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from testapp import make_app

from staff.linkreport import report_path
from staff.overview import COLUMNS
from tests.staff.workspace.staffclient import logged_in

BEHEER = Path(__file__).parents[1] / "data" / "beheer"
TODAY = date(2026, 11, 21)


class _Tables(HTMLParser):
    """Collect each overview table as rows of cell texts; the items of a list in a cell become lines."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.meta: dict[str, str] = {}
        self.links: list[str] = []
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._items: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.meta[values["name"]] = values.get("content") or ""
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "table" and values.get("data-gemeente"):
            self._table = values["data-gemeente"]
            self.tables[self._table] = []
        elif self._table and tag == "tr":
            self.tables[self._table].append([])
        elif self._table and tag in ("td", "th"):
            self._cell, self._items = [], []
        elif self._cell is not None and tag == "li":
            self._items.append("")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            if self._items:
                self._items[-1] += data
            else:
                self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._table and tag in ("td", "th") and self._cell is not None:
            text = "\n".join(item.strip() for item in self._items) if self._items else "".join(self._cell).strip()
            self.tables[self._table][-1].append(text)
            self._cell = None
        elif tag == "table":
            self._table = None


def _app(data: Path, tmp_path: Path):
    return make_app(tmp_path, data, TODAY=TODAY)


@pytest.fixture(scope="module")
def beheer_app(tmp_path_factory):
    """One app on the /beheer fixtures for this module (building the search index takes a moment), today fixed."""
    return _app(BEHEER, tmp_path_factory.mktemp("beheer"))


@pytest.fixture
def client(beheer_app):
    """A platform administrator, logged in, on the /beheer fixtures app (sees every municipality)."""
    return logged_in(beheer_app)


def _page(client) -> _Tables:
    response = client.get("/beheer")
    assert response.status_code == 200
    parser = _Tables()
    parser.feed(response.get_data(as_text=True))
    return parser


def _csv_rows(client, municipality: str) -> list[list[str]]:
    response = client.get(f"/beheer/{municipality}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert f'filename="regelingen-{municipality}-2026-11-21.csv"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_overview_lists_broken_files_first_then_due_schemes_then_the_rest(client):
    """Errors on top, then checked > 12 months ago and valid-until within 60 days; an ended scheme is not due."""
    table = _page(client).tables["oss"]
    assert table[0] == list(COLUMNS)
    titles = [row[0] for row in table[1:]]
    assert titles == [
        "kapot.yaml",
        "Lang niet gecontroleerd",
        "Loopt bijna af",
        "Actuele regeling",
        "Gestopte regeling",
    ]
    rows = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in table[1:]}
    assert "regel 31: 'gecontroleerd_op' moet een datum zijn" in rows["kapot.yaml"]["Fouten"]
    assert rows["kapot.yaml"]["Actie nodig"] == "fout: deze versie van het bestand wordt niet gepubliceerd"
    assert rows["Lang niet gecontroleerd"]["Actie nodig"] == "meer dan 12 maanden niet gecontroleerd"
    assert "meer dan 12 maanden geleden" in rows["Lang niet gecontroleerd"]["Waarschuwingen"]
    assert rows["Loopt bijna af"]["Actie nodig"] == "geldig_tot is binnen 60 dagen"
    assert rows["Loopt bijna af"]["Geldig tot"] == "2026-12-15"
    assert rows["Gestopte regeling"]["Actie nodig"] == "" and rows["Gestopte regeling"]["Status"] == "beëindigd"
    assert rows["Actuele regeling"]["Gecontroleerd op"] == "2026-11-01" and rows["Actuele regeling"]["Bronnen"] == "1"
    assert rows["Actuele regeling"]["Bestand"].endswith("tests/data/beheer/oss/actueel.yaml")


def test_a_passed_end_date_is_due_after_the_checked_date_is_fine(tmp_path):
    """An active scheme whose valid-until date has passed is due, even when it was checked recently."""
    data = tmp_path / "schemes"
    shutil.copytree(BEHEER, data)
    (data / "oss" / "kapot.yaml").unlink()
    path = data / "oss" / "actueel.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "geldig_tot: 2026-10-31\n", encoding="utf-8")
    table = _page(logged_in(_app(data, tmp_path))).tables["oss"]
    first = dict(zip(COLUMNS, table[1], strict=True))
    assert (first["Regeling"], first["Actie nodig"]) == ("Actuele regeling", "geldig_tot is voorbij")


def test_an_amount_without_a_figure_for_this_year_needs_action(tmp_path):
    """Amounts whose newest figure is from an earlier year are counted as needing work (issue 17)."""
    data = tmp_path / "schemes"
    shutil.copytree(BEHEER, data)
    (data / "oss" / "kapot.yaml").unlink()
    path = data / "oss" / "actueel.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{2025: 140, 2026: 150}", "{2023: 140, 2024: 150}"), encoding="utf-8"
    )
    table = _page(logged_in(_app(data, tmp_path))).tables["oss"]
    rows = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in table[1:]}
    assert rows["Actuele regeling"]["Actie nodig"] == "bedragen zonder cijfer voor 2026 (nieuwste uit 2024)"
    assert rows["Gestopte regeling"]["Actie nodig"] == ""


@pytest.mark.parametrize("municipality", ["oss", "landelijk"])
def test_csv_has_the_same_rows_and_columns_as_the_page(client, municipality):
    """Parse both: the CSV of a municipality is cell for cell the table on the page."""
    assert _csv_rows(client, municipality) == _page(client).tables[municipality]


def test_every_municipality_has_a_section_and_a_csv_link(client):
    """Each municipality with data gets a table and a download link."""
    page = _page(client)
    assert set(page.tables) == {"oss", "landelijk"}
    assert {"/beheer/oss.csv", "/beheer/landelijk.csv"} <= set(page.links)


def test_unknown_municipality_csv_is_404(client):
    """A municipality we do not have is a plain 404, not an empty file or an error."""
    assert client.get("/beheer/amsterdam.csv").status_code == 404
    assert client.get("/beheer/..%2Fapp.csv").status_code == 404


def test_beheer_is_noindex_and_not_linked_from_public_pages(client):
    """Robots meta tag and header on page and CSV; the home and about pages do not link to it."""
    response = client.get("/beheer")
    assert response.headers["X-Robots-Tag"].startswith("noindex")
    assert _page(client).meta["robots"].startswith("noindex")
    assert client.get("/beheer/oss.csv").headers["X-Robots-Tag"].startswith("noindex")
    for public in ("/", "/over", "/oss"):
        page = client.get(public)
        assert page.status_code == 200
        assert "/beheer" not in page.get_data(as_text=True)


def test_without_a_link_check_the_page_says_how_to_run_one(beheer_app, client):
    """No result file, or an unreadable one: the page still works and says what to do."""
    assert "Er is nog geen linkcontrole gedaan" in client.get("/beheer").get_data(as_text=True)
    saved = report_path(beheer_app.config)
    saved.write_text("{kapot", encoding="utf-8")
    try:
        response = client.get("/beheer")
    finally:
        saved.unlink()
    assert response.status_code == 200
    assert "Er is nog geen linkcontrole gedaan" in response.get_data(as_text=True)


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path):
    """A title that starts with '=' is written as text, so Excel does not run it."""
    data = tmp_path / "schemes"
    shutil.copytree(BEHEER, data)
    path = data / "oss" / "actueel.yaml"
    text = path.read_text(encoding="utf-8").replace("titel: Actuele regeling", 'titel: "=HYPERLINK(1)"')
    path.write_text(text, encoding="utf-8")
    rows = _csv_rows(logged_in(_app(data, tmp_path)), "oss")
    assert [row[0] for row in rows if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]
