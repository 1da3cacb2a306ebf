"""Coach PDFs printed by headless Chromium: page count, every step and paper in the text, nothing left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from coachapp import CARE, COACH_DATA, EXTRA, TAX

from regelingen.catalog import load_catalog
from regelingen.coach.guides import build_guide
from regelingen.coach.plan import Plan

pytestmark = pytest.mark.browser


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module", autouse=True)
def tools():
    """Chromium and pdftotext must be there: in CI a missing one fails the run, elsewhere the tests skip."""
    found = {"/usr/bin/chromium": Path("/usr/bin/chromium").exists(), "pdftotext": shutil.which("pdftotext")}
    missing = [name for name, there in found.items() if not there]
    if missing:
        message = f"missing {', '.join(missing)}: run `make browser-tools`"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)


def pdf_pages(data: bytes, folder: Path) -> list[str]:
    """The text of each page of a PDF, whitespace-normalised (pdftotext separates pages with a form feed)."""
    file = folder / "out.pdf"
    file.write_bytes(data)
    command = ["pdftotext", "-enc", "UTF-8", str(file), "-"]
    text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def expected_texts(*scheme_ids: str, plan: Plan | None = None) -> list[str]:
    """Every step still to do and every paper to bring of the schemes, as the sheet prints them."""
    schemes = load_catalog(COACH_DATA).schemes
    plan = plan or Plan.from_query([("r", scheme_id) for scheme_id in scheme_ids])
    found = []
    for scheme_id in scheme_ids:
        guide = build_guide(schemes[scheme_id], plan)
        found += [step.what for step in guide.steps] + [item.text for item in guide.checklist]
    return found


def test_single_guide_prints_on_one_page_with_every_step_and_paper(client, tmp_path):
    response = client.get(f"/{TAX}/stappenplan.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="stappenplan-kwijtschelding.pdf"'
    pages = pdf_pages(response.data, tmp_path)
    assert len(pages) == 1
    dates_and_page = ["Gecontroleerd op 1 november 2026.", "Gedrukt op 21 november 2026", "Pagina 1 van 1"]
    for text in expected_texts(TAX) + dates_and_page:
        assert text in pages[0], text
    assert "Pas het stappenplan aan" not in pages[0] and "Download als PDF" not in pages[0], "no buttons on paper"


def test_three_scheme_plan_prints_a_cover_with_the_first_scheme_and_a_new_page_per_later_scheme(client, tmp_path):
    """The first scheme follows the cover on page 1 (issue 17: not a mostly empty page); each later one starts a page."""
    url = f"/plan.pdf?r={TAX}&r={EXTRA}&r={CARE}&doel=Rust+in+mijn+hoofd&heb=bankapp&klaar={EXTRA}.1"
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pages = pdf_pages(response.data, tmp_path)
    assert "Rust in mijn hoofd" in pages[0] and "Deze papieren gebruikt u voor meer regelingen" in pages[0]
    assert "1. Zo vraagt u het aan" in pages[0]
    for number in (2, 3):
        assert sum(page.startswith(f"{number}. Zo vraagt u het aan") for page in pages) == 1, (
            f"scheme {number} starts a page"
        )
    plan = Plan.from_query([("r", TAX), ("r", EXTRA), ("r", CARE), ("heb", "bankapp"), ("klaar", f"{EXTRA}.1")])
    whole = " ".join(pages)
    for scheme_id in (TAX, EXTRA, CARE):
        for text in expected_texts(scheme_id, plan=plan):
            assert text in whole, text
    total = len(pages)
    assert all(f"Pagina {number} van {total}" in page for number, page in enumerate(pages, start=1))
    assert "Bel de gemeente en vertel welke kosten u heeft." not in whole, "a step marked done is left out"


def test_the_page_shows_the_pdf_link_when_chromium_is_there(client):
    assert f"/{TAX}/stappenplan.pdf".encode() in client.get(f"/{TAX}/stappenplan").data


def test_english_pdf_has_both_languages_in_the_footer(client, tmp_path):
    pages = pdf_pages(client.get(f"/{TAX}/stappenplan.pdf?taal=en").data, tmp_path)
    total = len(pages)
    assert f"Page 1 of {total} · Pagina 1 van {total}" in pages[0]
    assert "How to apply · Zo vraagt u het aan" in pages[0]


def test_printing_leaves_no_files_behind(client, monkeypatch):
    # A short path: Chromium puts a socket in its profile folder, and socket paths may not be long.
    scratch = Path(tempfile.mkdtemp(prefix="rw-"))
    try:
        monkeypatch.setenv("TMPDIR", str(scratch))
        monkeypatch.setattr(tempfile, "tempdir", None)
        assert client.get(f"/plan.pdf?r={TAX}&doel=Geheim").status_code == 200
        assert list(scratch.iterdir()) == []
    finally:
        shutil.rmtree(scratch)
