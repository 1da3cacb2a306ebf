"""How long the check's result is on a phone: words and 360×740 screens, for a few households (issue 17).

Usage: .venv/bin/python bench/check_length.py [--shots docs/img/issue-17] [--tag after]
Serves the real app (gunicorn, shipped data) on a free localhost port, as the browser tests do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.harness import PHONE, RequestGuard, launch_chromium, live_server, missing_tools  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

# A mother in Nijmegen (the case), a single man in Oss, and someone who answered "weet ik niet" everywhere.
HOUSEHOLDS = {
    "nijmegen-moeder": "gemeente=nijmegen&partner=nee&kinderen=4-11&kinderen=12-17&leeftijd=27-aow&ontvangt=geen&inkomen=0-1400&jaren=3-&wonen=huur",
    "oss-alleen": "gemeente=oss&partner=nee&kinderen=geen&leeftijd=27-aow&ontvangt=bijstand&inkomen=0-1400&jaren=3-&wonen=huur",
    "weet-niet": "gemeente=onbekend",
}


def measure(page: Page, query: str) -> tuple[int, float, float]:
    """Words in the page's main text (what is shown, not what is folded away) and the height of the whole page
    and of its main part (without the site's header and footer) in 740-px phone screens."""
    page.goto(f"/check/uitslag?{query}")
    words = len(page.inner_text("main").split())
    height = page.evaluate("document.documentElement.scrollHeight")
    main = page.evaluate("document.querySelector('main').getBoundingClientRect().height")
    return words, height / PHONE["height"], main / PHONE["height"]


def main(argv: list[str] | None = None) -> int:
    """Print words and screens per household; with --shots, save a full-page PNG of the first household."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="folder for full-page PNGs")
    parser.add_argument("--tag", default="now", help="suffix of the PNG names (before, after)")
    args = parser.parse_args(argv)
    if missing := missing_tools():
        print(f"missing: {', '.join(missing)}; run `make browser-tools`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as workdir, live_server(Path(workdir)) as base, sync_playwright() as driver:
        browser = launch_chromium(driver)
        context = RequestGuard(base).attach(browser.new_context(base_url=base, viewport=PHONE, is_mobile=True))
        page = context.new_page()
        print(f"{'household':<18} {'words':>6} {'screens':>8} {'main part':>10}  (360×740)")
        for name, query in HOUSEHOLDS.items():
            words, screens, main = measure(page, query)
            print(f"{name:<18} {words:>6} {screens:>8.1f} {main:>10.1f}")
            if args.shots:
                args.shots.mkdir(parents=True, exist_ok=True)
                if name == "nijmegen-moeder":
                    page.screenshot(path=args.shots / f"check-{name}-{args.tag}.png", full_page=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
