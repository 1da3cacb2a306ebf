"""Page weight and server time of every page type of the site, in-process, on the shipped data.

Usage: .venv/bin/python bench/site_pages.py [--repeat 20]
For each page type (the browser tests' set) and language: the gzipped bytes of the HTML, of everything it loads
(CSS, JS, icon sprite, favicon), their sum against the 100 KB budget, and the median and worst server time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.pages import LANGUAGES, page_types  # noqa: E402

from app import create_app  # noqa: E402

BUDGET = 100_000
GZIP = {"Accept-Encoding": "gzip"}


class Resources(HTMLParser):
    """Collects what a browser would load for a page: stylesheets, icons, scripts, the SVG sprite."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("stylesheet", "icon"):
            self.found.add(values["href"] or "")
        elif tag == "script" and values.get("src"):
            self.found.add(values["src"] or "")
        elif tag == "use" and values.get("href"):
            self.found.add((values["href"] or "").split("#")[0])


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 1 when a page is over budget or answers with an unexpected status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="requests per page for the server time")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as index:
        app = create_app({"INDEX_DIR": index})
        client = app.test_client()
        print(f"{'page':<22}{'status':>7}{'html':>9}{'loads':>9}{'total':>9}{'p50 ms':>9}{'max ms':>9}")
        for kind in page_types():
            for language in LANGUAGES:
                url = kind.url(language)
                times = []
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    response = client.get(url, headers=GZIP)
                    times.append((time.perf_counter() - start) * 1000)
                html = len(response.data)
                parser_ = Resources()
                parser_.feed(client.get(url).get_data(as_text=True))
                loads = 0
                for resource in sorted(parser_.found):
                    with client.get(resource, headers=GZIP) as loaded:
                        loads += len(loaded.data)
                total = html + loads
                failed |= total > BUDGET or response.status_code != kind.status
                print(
                    f"{kind.key(language):<22}{response.status_code:>7}{html:>9}{loads:>9}{total:>9}"
                    f"{statistics.median(times):>9.1f}{max(times):>9.1f}"
                )
    print(f"budget {BUDGET} bytes per page with everything it loads (gzip, headers not counted)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
