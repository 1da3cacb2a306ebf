"""Pictures for issue 17, items 1 and 3: the first phone screen of home, a search without a municipality, a crisis.

Usage: .venv/bin/python bench/issue17_search_shots.py OUT_DIR TAG
Writes OUT_DIR/<name>-TAG.png: the first 360 x 740 screen of each page, as a candidate sees it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.harness import PHONE, launch_chromium, live_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = {
    "item1-home": "/",
    "item1-search-without-municipality": "/zoeken?q=wasmachine+kapot+geen+geld",
    "item1-kwijtschelding-without-municipality": "/zoeken?q=kwijtschelding",
    "item3-violence": "/zoeken?q=mijn+man+slaat+mij&gemeente=nijmegen",
}


def main(out: Path, tag: str) -> int:
    """Take one first-screen picture per page."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, live_server(Path(workdir)) as base, sync_playwright() as driver:
        browser = launch_chromium(driver)
        context = browser.new_context(base_url=base, viewport=PHONE, is_mobile=True)
        page = context.new_page()
        for name, url in PAGES.items():
            page.goto(url)
            page.screenshot(path=str(out / f"{name}-{tag}.png"))
            print(name, url)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
