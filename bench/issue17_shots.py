"""Pictures for issue 17: a plan after "Zet in mijn stappenplan", and the PDFs (guide, plan) as PNG pages.

Usage: .venv/bin/python bench/issue17_shots.py OUT_DIR TAG
Writes OUT_DIR/plan-add-TAG.png (360 px phone), OUT_DIR/<pdf>-TAG-<page>.png (pdftoppm, 60 dpi) and prints
per PDF its page count and what zbarimg reads from its QR code at 150 dpi.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.harness import PHONE, RequestGuard, launch_chromium, live_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PLAN = "r=nijmegen/individuele-inkomenstoeslag&r=landelijk/zorgtoeslag&doel=Rust+in+mijn+hoofd&door.landelijk/zorgtoeslag.1=mijn+zus+Fatma"
PDFS = {
    "guide": "/nijmegen/bijzondere-bijstand/stappenplan.pdf?heb=niets",
    "plan": f"/plan.pdf?{PLAN}&r=nijmegen/stichting-leergeld&heb=niets",
}


def main(out: Path, tag: str) -> int:
    """Take the pictures; print page counts and QR contents."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, live_server(Path(workdir)) as base, sync_playwright() as driver:
        browser = launch_chromium(driver)
        context = RequestGuard(base).attach(browser.new_context(base_url=base, viewport=PHONE, is_mobile=True))
        page = context.new_page()
        # A coach has a two-scheme plan with notes, opens a third scheme from the plan and adds it.
        page.goto(f"/nijmegen/stichting-leergeld?{PLAN}")
        page.get_by_role("link", name="Zet in mijn stappenplan").click()
        page.wait_for_load_state()
        print("after adding:", page.url.removeprefix(base))
        # From the top of the page to the end of the list of schemes: what the coach sees of the plan after adding.
        bottom = page.evaluate(
            "document.querySelector('.plan__overview, .plan__empty').getBoundingClientRect().bottom + scrollY"
        )
        page.screenshot(
            path=out / f"plan-add-{tag}.png",
            full_page=True,
            clip={"x": 0, "y": 0, "width": PHONE["width"], "height": bottom + 16},
        )
        for name, url in PDFS.items():
            response = page.request.get(base + url, timeout=120_000)
            pdf = Path(workdir) / f"{name}.pdf"
            pdf.write_bytes(response.body())
            for old in out.glob(f"{name}-{tag}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / f"{name}-{tag}")], check=True)
            pages = len(list(out.glob(f"{name}-{tag}-*.png")))
            subprocess.run(
                ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(Path(workdir) / name)], check=True
            )
            first = sorted(Path(workdir).glob(f"{name}-*.png"))[0]
            scanned = subprocess.run(["zbarimg", "-q", "--raw", str(first)], capture_output=True, text=True)
            print(f"{name}: {pages} page(s); QR at 150 dpi: {scanned.stdout.strip() or 'not readable'}")
            if name == "plan":
                shutil.copy(first, out / f"plan-{tag}-150dpi-p1.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
