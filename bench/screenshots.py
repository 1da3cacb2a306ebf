"""Save PNGs of every page type at 360 px and 1280 px into var/screenshots/, to look at.

Usage: .venv/bin/python bench/screenshots.py [--lang nl en] [--fold] [--out var/screenshots]
Serves the real app (gunicorn, shipped data) on a free localhost port, as the browser tests do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.harness import DESKTOP, PHONE, RequestGuard, launch_chromium, live_server, missing_tools  # noqa: E402
from browser.pages import page_types  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

WIDTHS = {360: PHONE, 1280: DESKTOP}


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots; print each file; return 1 when a tool is missing or a page asked another host."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", nargs="+", default=["nl"], choices=["nl", "en"], help="languages (default nl)")
    parser.add_argument("--fold", action="store_true", help="only what fits on the first screen, not the whole page")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots", help="folder for the PNGs")
    args = parser.parse_args(argv)
    if missing := missing_tools():
        print(f"missing: {', '.join(missing)}; run `make browser-tools`", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, live_server(Path(workdir)) as base, sync_playwright() as driver:
        browser = launch_chromium(driver)
        guard = RequestGuard(base)
        for width, viewport in WIDTHS.items():
            context = guard.attach(browser.new_context(base_url=base, viewport=viewport, is_mobile=width < 600))
            page = context.new_page()
            for kind in page_types():
                for language in args.lang:
                    page.goto(kind.url(language))
                    shot = args.out / f"{kind.key(language)}-{width}.png"
                    page.screenshot(path=shot, full_page=not args.fold)
                    print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
            # The first Tab on the home page shows the skip link with its focus ring.
            page.goto("/")
            page.keyboard.press("Tab")
            shot = args.out / f"home-focus-{width}.png"
            page.screenshot(path=shot)
            print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
            context.close()
        browser.close()
    if guard.foreign:
        print(f"requests to another host (blocked): {guard.foreign}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
