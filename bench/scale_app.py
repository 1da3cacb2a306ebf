"""National scale of one worker (`make bench-app-scale`): today's data next to the generated ≈ 14,000 schemes.

Per corpus, each step in a fresh process: publish (validate every YAML file once, keep a snapshot and
the validated catalog, build the full index: the release step, `flask regelingen index`); then start a
worker the way gunicorn does (import, create_app, first request on the published index), warm it up, and
measure its memory, its look for changed data, search latency and the CPU time of each kind of page;
then publish once more after one changed file (only that file is validated again, the index is rebuilt).
Writes var/bench/app_scale.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.national_data import write_corpus
from regelingen.catalog import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "var" / "bench" / "app_scale.json"
# Each kind of page is timed up to this often (the median counts), or for about PAGE_SECONDS when slower:
# at national size one page costs seconds.
PAGE_REPEAT = 9
PAGE_SECONDS = 2.0
QUESTIONS = [
    "huurtoeslag",
    "geen geld voor de tandarts",
    "wasmachine kapot",
    "schulden",
    "zwemles voor mijn dochter",
    "kwijtschelding gemeentelijke belastingen",
    "energierekening niet betalen",
    "laptop voor school",
]


def build(data_dir: str, index_dir: str) -> dict[str, float]:
    """The release step: publish (validate every file, keep a snapshot, build the full index) into `index_dir`."""
    generation, seconds, cpu_seconds = _timed_publish(Path(data_dir), Path(index_dir))
    return {
        "publish_s": seconds,
        "publish_cpu_s": cpu_seconds,
        "index_mb": round(sum(path.stat().st_size for path in generation.rglob("*") if path.is_file()) / 2**20, 1),
    }


def republish(data_dir: str, index_dir: str) -> dict[str, float]:
    """Publish a copy of `data_dir` with one scheme file changed, over the publication of `data_dir` itself."""
    with tempfile.TemporaryDirectory(prefix="bench-changed-", dir=OUTPUT.parent) as folder:
        copy = Path(folder) / "schemes"
        shutil.copytree(data_dir, copy)  # never edit the real data folder; a copy validates the same
        changed = next(path for path in sorted(copy.glob("*/*.yaml")) if not path.name.startswith("_"))
        changed.write_text(changed.read_text(encoding="utf-8") + "# gewijzigd\n", encoding="utf-8")
        _, seconds, cpu_seconds = _timed_publish(copy, Path(index_dir))
        return {"publish_one_change_s": seconds, "publish_one_change_cpu_s": cpu_seconds}


def _timed_publish(data_dir: Path, index_dir: Path) -> tuple[Path, float, float]:
    """The call `flask regelingen index` makes (publishing/live.py), without loading the app around it first."""
    from publishing import publish
    from search.index import INDEX_VERSION
    from search.lexicon import LEXICON_FILE, load_lexicon

    lexicon = load_lexicon()
    stamp = [f"index {INDEX_VERSION}", LEXICON_FILE.read_text(encoding="utf-8")]
    started, cpu = time.perf_counter(), time.process_time()
    generation = publish(data_dir, index_dir, lexicon.words, stamp)
    return generation, round(time.perf_counter() - started, 2), round(time.process_time() - cpu, 2)


def worker(data_dir: str, index_dir: str, names: list[str], repeat: int) -> dict[str, Any]:
    """Start like a gunicorn worker on the published index, warm up, then measure memory, latency and page CPU."""
    started, cpu = time.perf_counter(), time.process_time()
    from app import create_app
    from search.index import current_generation

    imported = time.perf_counter()
    published = current_generation(Path(index_dir))
    # The work itself: no finished pages or answers from memory (bench/load.py measures those too).
    app = create_app({"DATA_DIR": data_dir, "INDEX_DIR": index_dir, "PAGE_CACHE": False, "SEARCH_RECENT_SIZE": 0})
    created = time.perf_counter()
    client = app.test_client()
    assert client.get("/api/v1/search?q=huurtoeslag").status_code == 200
    first, first_cpu = time.perf_counter(), time.process_time()
    # A worker must serve the release's index, not build its own (that would make start-up look far worse).
    assert current_generation(Path(index_dir)) == published, "the worker published again"
    places = [name for name in names if name != "landelijk"]
    for index in range(100):  # warm-up: caches, lazy imports, the searcher of this thread
        client.get(f"/zoeken?q={QUESTIONS[index % len(QUESTIONS)]}&gemeente={places[index % len(places)]}")
    latency = _search_latency(app, places, repeat)
    watch = _watch(app)
    pages = _page_cpu(client, app, places, PAGE_REPEAT)
    catalog = app.extensions["catalog"]
    return {
        "schemes": len(catalog.schemes),
        "municipalities": len(catalog.municipalities),
        "startup_s": round(first - started, 2),
        "startup_cpu_s": round(first_cpu - cpu, 2),
        "import_s": round(imported - started, 2),
        "create_app_s": round(created - imported, 2),
        "first_search_s": round(first - created, 3),
        **watch,
        "rss_mb": round(_rss_kb() / 1024, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        **latency,
        "pages_cpu_ms": pages,
        "search_page_cpu_ms": pages["search page"],
        "searches_per_core_s": round(1000 / pages["search page"], 1),
    }


def _watch(app) -> dict[str, float]:
    """One look for changed data as a worker makes it (the data unchanged), and how far apart the looks are."""
    live = app.extensions["publication"]
    looks = []
    for _ in range(3):  # the first look may find file metadata outside the OS cache; a live node has it cached
        live.next_look = 0.0
        began = time.perf_counter()
        with app.test_request_context():  # a look happens before a request, which it pins the catalog for
            live.refresh()
        looks.append((time.perf_counter() - began, live.next_look - time.monotonic()))
    cost, interval = min(looks)
    return {
        "stamp_check_ms": round(cost * 1000, 1),
        "watch_interval_s": round(interval, 1),
        "watch_share_percent": round(100 * cost / (cost + interval), 2),
    }


def _search_latency(app, places: list[str], repeat: int) -> dict[str, float]:
    """Wall-clock latency of `search.search` (query analysis, index, fallback) over the questions and places."""
    import search

    timings = []
    with app.app_context():
        for index in range(repeat):
            began = time.perf_counter()
            search.search(QUESTIONS[index % len(QUESTIONS)], places[(index * 7) % len(places)])
            timings.append((time.perf_counter() - began) * 1000)
    return {
        "search_p50_ms": round(statistics.median(timings), 2),
        "search_p95_ms": round(statistics.quantiles(timings, n=20)[18], 2),
    }


def _page_cpu(client, app, places: list[str], repeat: int) -> dict[str, float]:
    """Median CPU milliseconds per request for each kind of page (compressed, as a phone asks for it)."""
    scheme_id = next(key for key in sorted(app.extensions["catalog"].schemes) if key.startswith(places[0] + "/"))
    paths = {
        "home": "/",
        "search page": f"/zoeken?q=wasmachine+kapot&gemeente={places[1 % len(places)]}",
        "search page, no match": f"/zoeken?q=xqzwv&gemeente={places[0]}",
        "search page, no municipality": "/zoeken?q=schulden",
        "search API": f"/api/v1/search?q=schulden&municipality={places[0]}",
        "scheme page": f"/{scheme_id}",
        "municipality page": f"/{places[0]}",
        "category page, no municipality": "/categorie/zorg",
        "municipalities API": "/api/v1/municipalities",
    }
    figures = {}
    for label, path in paths.items():
        costs: list[float] = []
        while len(costs) < repeat and (len(costs) < 3 or sum(costs) < PAGE_SECONDS * 1000):
            began = time.process_time()
            client.get(path, headers={"Accept-Encoding": "gzip"})
            costs.append((time.process_time() - began) * 1000)
        figures[label] = round(statistics.median(costs), 2)
    return figures


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _fresh(function, *args):
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def measure(name: str, data_dir: Path, names: list[str], repeat: int) -> dict[str, Any]:
    """Build, start a worker, then publish after one change, for one corpus."""
    index_dir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-", dir=ROOT / "var" / "bench"))
    try:
        built = _fresh(build, str(data_dir), str(index_dir))
        served = _fresh(worker, str(data_dir), str(index_dir), names, repeat)
        return built | served | _fresh(republish, str(data_dir), str(index_dir))
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    """Measure today's data and the national corpus; print and write var/bench/app_scale.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=350)
    parser.add_argument("--per-municipality", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=300, help="searches timed per corpus (default 300)")
    args = parser.parse_args(argv)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    today = sorted(path.name for path in DATA_DIR.iterdir() if path.is_dir())
    corpora = {"today": measure("today", DATA_DIR, today, args.repeat)}
    with tempfile.TemporaryDirectory(prefix="bench-national-", dir=OUTPUT.parent) as folder:
        started = time.perf_counter()
        names = write_corpus(Path(folder), args.municipalities, args.per_municipality)
        print(
            f"generated {args.municipalities} × {args.per_municipality} schemes in {time.perf_counter() - started:.0f} s"
        )
        corpora["national"] = measure("national", Path(folder), names, args.repeat)
    OUTPUT.write_text(json.dumps({"corpora": corpora}, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(corpora, indent=2))


if __name__ == "__main__":
    main()
