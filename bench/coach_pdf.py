"""Coach PDFs on the shipped data: time to print, page count, and PNGs of every page to look at.

Usage: .venv/bin/python bench/coach_pdf.py
Prints, per PDF (a single guide, a three-scheme plan in Dutch and in English, and the longest guide in the
data): seconds to make it (Chromium start included) and its pages; writes var/screenshots/<name>.pdf and
<name>-<page>.png (pdftoppm -png -r 60).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from views.catalog import current_catalog  # noqa: E402

OUT = ROOT / "var" / "screenshots"
PLAN = "r=nijmegen/individuele-inkomenstoeslag&r=nijmegen/bijzondere-bijstand&r=landelijk/zorgtoeslag"
NOTES = (
    "doel=Rust+in+mijn+hoofd+over+geld&heb=bankapp&wie.landelijk/zorgtoeslag.1=coach&door.landelijk/zorgtoeslag.1=Sanne"
)


def longest_guide(app) -> str:
    """The guide URL of the scheme with the most steps and papers: the hardest to fit on one page."""
    with app.app_context():
        schemes = current_catalog().schemes.values()
    scheme = max(schemes, key=lambda s: (len(s.steps), len(s.bring), s.id))
    return f"/{scheme.id}/stappenplan.pdf"


def main() -> None:
    """Make each PDF through the app, as a visitor would download it, and render its pages to PNG."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_app({"INDEX_DIR": tempfile.mkdtemp(prefix="rw-bench-")})
    client = app.test_client()
    pdfs = {
        "guide": "/nijmegen/individuele-inkomenstoeslag/stappenplan.pdf",
        "plan": f"/plan.pdf?{PLAN}&{NOTES}&klaar=nijmegen/bijzondere-bijstand.1",
        "plan-en": f"/plan.pdf?{PLAN}&{NOTES}&taal=en",
        "longest": longest_guide(app),
    }
    for name, url in pdfs.items():
        start = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - start
        if response.mimetype != "application/pdf":
            print(f"{name:<8} {response.status_code} no PDF: {url}")
            continue
        target = OUT / f"{name}.pdf"
        target.write_bytes(response.data)
        for old in OUT.glob(f"{name}-[0-9]*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(target), str(OUT / name)], check=True)
        pages = len(list(OUT.glob(f"{name}-[0-9]*.png")))
        print(f"{name:<8} {seconds:5.2f} s  {pages} page(s)  {len(response.data) / 1024:6.1f} KiB  {url}")


if __name__ == "__main__":
    main()
