"""CPU per request in one process, every question new (cold) and repeated (warm), next to a trivial view.

Usage: .venv/bin/python -m bench.cost [--rounds 5] [--profile page|api]
No server and no network: the Flask test client on the real data, so the figure is the app's own work
(the load test, `bench/load.py`, adds gunicorn and HTTP); asked with gzip, as browsers do. Cold: the page cache and the search engine's
recent answers are off, so each request searches and renders. Warm: both on, each question asked before.
The engine part is timed alone too (analysis + scoring, no Flask), next to a plain BM25 on SQLite FTS5
over the same documents (`bench/fts5.py`): the speed floor for a full-text engine.
Writes var/bench/cost.json and prints a table; `--profile` prints where a cold request's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import fts5
from bench.floor import FLOOR_PATH, with_floor
from bench.load import ROOT, WARM_QUESTIONS, search_paths
from bench.load import questions as all_questions

OUTPUT = ROOT / "var" / "bench" / "cost.json"
# As browsers and the load test ask: the pages are compressed, which is part of their cost.
HEADERS = {"Accept-Encoding": "gzip"}
COLD = {"PAGE_CACHE": False, "SEARCH_RECENT_SIZE": 0}
WARM = {"PAGE_CACHE": True}


def make_app(config: dict[str, Any], index_dir: Path) -> Any:
    """The real app with the trivial view, on its own index, its catalog loaded and its index open."""
    from app import create_app

    app = with_floor(create_app({"INDEX_DIR": str(index_dir), **config}))
    outcome = app.test_cli_runner().invoke(args=["regelingen", "index"])
    if outcome.exit_code != 0:
        raise RuntimeError(f"regelingen index failed: {outcome.output}")
    return app


def cpu_ms_per_request(client: Any, paths: list[str], rounds: int) -> float:
    """The median over `rounds` of the process CPU time per GET of every path, in milliseconds."""
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for path in paths:
            response = client.get(path, headers=HEADERS)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
        samples.append(1000 * (time.process_time() - start) / len(paths))
    return round(statistics.median(samples), 3)


def engine_ms_per_query(search: Callable[[str, str | None], object], rounds: int) -> float:
    """The median over `rounds` of the CPU time per search of every real question, in milliseconds."""
    pairs = all_questions()
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for text, municipality in pairs:
            search(text, municipality or None)
        samples.append(1000 * (time.process_time() - start) / len(pairs))
    return round(statistics.median(samples), 3)


def measure(rounds: int) -> dict[str, Any]:
    """Trivial view, search API and results page, cold and warm; the engine alone and the FTS5 floor."""
    all_pages, all_api = search_paths(), search_paths(api=True)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, config in (("cold", COLD), ("warm", WARM)):
            app = make_app(config, Path(scratch) / name)
            client = app.test_client()
            size = WARM_QUESTIONS if name == "warm" else len(all_pages)
            pages, api = all_pages[:size], all_api[:size]
            for path in [FLOOR_PATH, *pages, *api]:
                client.get(path, headers=HEADERS)  # warm-up: templates compiled, catalog loaded, answers kept when warm
            floor = cpu_ms_per_request(client, [FLOOR_PATH] * 200, rounds)
            figures[name] = {
                "floor_ms": floor,
                "api_ms": cpu_ms_per_request(client, api, rounds),
                "page_ms": cpu_ms_per_request(client, pages, rounds),
            }
            figures[name]["api_ratio"] = round(floor / figures[name]["api_ms"], 3)
            figures[name]["page_ratio"] = round(floor / figures[name]["page_ms"], 3)
            if name == "cold":
                figures["engine_ms"] = engine_ms_per_query(app.extensions["search"].search, rounds)
                with app.app_context():
                    floor_index = fts5.Fts5Index.over(app.extensions["catalog"].schemes.values())
                figures["fts5_ms"] = engine_ms_per_query(floor_index.search, rounds)
        figures["cold"] |= first_sight(all_pages, all_api, Path(scratch))
    return {"questions": len(all_pages), "warm_questions": WARM_QUESTIONS, "rounds": rounds, **figures}


def first_sight(pages: list[str], api: list[str], scratch: Path) -> dict[str, float]:
    """Cold requests whose words a new app has not read before: warmed on one half of the questions, timed
    once on the other half (a new app for the pages and one for the API, so neither warms the other). A lower
    bound: the stems of words, kept per process, were read by the apps measured before."""
    half = len(pages) // 2
    figures = {}
    for key, paths in (("page_first_ms", pages), ("api_first_ms", api)):
        client = make_app(COLD, scratch / key).test_client()
        for path in [FLOOR_PATH, *paths[:half]]:
            client.get(path, headers=HEADERS)
        figures[key] = cpu_ms_per_request(client, paths[half:], 1)
    return figures


def profile(kind: str, top: int = 30) -> None:
    """cProfile of cold requests of one kind (`page` or `api`), by cumulative and by own time."""
    with tempfile.TemporaryDirectory() as scratch:
        app = make_app(COLD, Path(scratch))
        client = app.test_client()
        paths = search_paths(api=kind == "api")
        for path in paths:
            client.get(path, headers=HEADERS)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            for path in paths:
                client.get(path, headers=HEADERS)
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def print_table(result: dict[str, Any]) -> None:
    """Cold and warm side by side."""
    print(f"{result['questions']} real questions, median of {result['rounds']} rounds, CPU ms per request in-process")
    print(f"{'':<22}{'cold':>10}{'warm':>10}")
    for key, label in (("floor_ms", "trivial view"), ("api_ms", "search API"), ("page_ms", "results page")):
        print(f"{label:<22}{result['cold'][key]:>10.3f}{result['warm'][key]:>10.3f}")
    for key, label in (("api_ratio", "API / trivial"), ("page_ratio", "page / trivial")):
        print(f"{label + ' (throughput)':<22}{result['cold'][key]:>10.2f}{result['warm'][key]:>10.2f}")
    cold = result["cold"]
    print(f"words never read before: search API {cold['api_first_ms']:.3f}, results page {cold['page_first_ms']:.3f}")
    print(
        f"engine alone, per question (cold): {result['engine_ms']:.3f} ms; SQLite FTS5 BM25: {result['fts5_ms']:.3f} ms"
    )


def main(argv: list[str] | None = None) -> None:
    """Measure and write var/bench/cost.json, or profile one kind of cold request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", choices=("page", "api"))
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return
    result = measure(args.rounds)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)


if __name__ == "__main__":
    main()
