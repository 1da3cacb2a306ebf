"""Server time and page weight of the one-minute check, in-process, on the shipped data.

Usage: .venv/bin/python bench/check.py [--repeat 50]
Prints, per page (a question screen early and late in the check, and the result page in both languages):
the gzipped bytes of the HTML, and the median and worst server time; then the time of one `run_check`
(assessing every scheme in scope and finding the next question) for each municipality.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from regelingen.catalog import load_catalog  # noqa: E402
from regelingen.check.answers import parse_answers  # noqa: E402
from regelingen.check.normen import load_norms  # noqa: E402
from regelingen.check.run import run_check  # noqa: E402

ANSWERS = (
    "gemeente=nijmegen&partner=nee&kinderen=4-17&leeftijd=21-aow&ontvangt=geen&inkomen=1430-1690&jaren=3-&wonen=huur"
)
PAGES = [
    ("first question", "/check"),
    ("income question", "/check?gemeente=nijmegen&partner=nee&kinderen=4-17&leeftijd=21-aow&ontvangt=geen"),
    ("result nl", "/check/uitslag?" + ANSWERS),
    ("result en", "/check/uitslag?" + ANSWERS + "&taal=en"),
    (
        "result all unknown",
        "/check/uitslag?gemeente=oss&partner=onbekend&kinderen=onbekend&leeftijd=onbekend&inkomen=onbekend",
    ),
]


def timed(action, repeat: int) -> tuple[float, float]:
    """Median and worst time of `action` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; return 1 when a page does not answer 200."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="requests per page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as index:
        client = create_app({"INDEX_DIR": index}).test_client()
        print(f"{'page':<22}{'status':>7}{'gzip B':>9}{'p50 ms':>9}{'max ms':>9}")
        for name, url in PAGES:
            response = client.get(url)
            if response.status_code != 200:
                print(f"{name:<22}{response.status_code:>7}")
                return 1
            size = len(gzip.compress(response.get_data()))
            p50, worst = timed(lambda url=url: client.get(url), args.repeat)
            print(f"{name:<22}{response.status_code:>7}{size:>9}{p50:>9.1f}{worst:>9.1f}")
    catalog, (norms, _) = load_catalog(), load_norms()
    print(f"\n{'run_check':<22}{'schemes':>9}{'p50 ms':>9}{'max ms':>9}")
    for slug in sorted(catalog.municipalities):
        answers = parse_answers([("gemeente", slug if slug != "landelijk" else "")])
        count = len(run_check(catalog, answers, norms, date.today()).assessments)
        p50, worst = timed(lambda answers=answers: run_check(catalog, answers, norms, date.today()), args.repeat)
        print(f"{slug:<22}{count:>9}{p50:>9.2f}{worst:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
