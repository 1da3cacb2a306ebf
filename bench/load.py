"""Load test: gunicorn on 127.0.0.1 with the real data, driven by wrk (`make bench-load`).

Runs, one after the other and each alone: a realistic mix (home, search pages with real questions,
scheme pages, guides, API), the search page, the search API, `/healthz`, and a trivial page (the
framework's floor). Then the mix and the searches again on a server with the recent pages and answers
switched off (`*_cold`): what every request costs when no question is ever asked twice.
Writes var/bench/load.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

from bench import wrk
from bench.floor import FLOOR_PATH
from bench.server import ROOT, Server, gunicorn
from views.pagecache import MAX_ENTRIES

QUESTIONS = sorted((ROOT / "bench" / "data").glob("*queries*.yaml"))
OUTPUT = ROOT / "var" / "bench" / "load.json"
# An index of its own, so that a rebuild by `make run` or a test elsewhere cannot move it mid-run.
INDEX_DIR = ROOT / "var" / "bench" / "index"
# The floor: the same server and middleware, a view that does nothing (added by bench/floor.py only).
FLOOR_APP = "bench.floor:create_app()"
# The same server without views/pagecache.py and without the search engine's recent answers.
COLD = {"REGELINGEN_PAGE_CACHE": "false", "REGELINGEN_SEARCH_RECENT_SIZE": "0"}
# Warm: questions asked before, as many as a worker's page cache holds with both their page and their API
# answer. With more distinct questions than that, asked in turn over and over, each would miss (LRU).
WARM_QUESTIONS = MAX_ENTRIES // 2
# Out of every 20 requests in the mix: what people on the letters day do most is search and read.
MIX = {"search": 7, "scheme": 5, "home": 3, "guide": 2, "api": 2, "municipality": 1}
# Scenarios compared with each other take turns in this many short runs (see `_taking_turns`).
ROUNDS = 5
# The paced run asks for this share of the search page's maximum rate.
PACED_SHARE = 0.7
# Targets from issue 7 (repeated questions) and issue 16 (every question new, by CPU per request).
TARGET_SEARCH_P95_MS = 50.0
TARGET_RATIO = 0.5
TARGET_COLD_API_RATIO = 0.5
TARGET_COLD_PAGE_RATIO = 0.33


def questions() -> list[tuple[str, str]]:
    """(question, municipality) pairs from every question file in bench/data."""
    pairs = []
    for path in QUESTIONS:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            pairs.append((str(item["q"]), str(item.get("municipality") or "")))
    return pairs or [("huurtoeslag", "")]


def search_paths(api: bool = False) -> list[str]:
    """The search page (or the API) once for every real question, in its municipality."""
    paths = []
    for text, municipality in questions():
        if api:
            paths.append(
                "/api/v1/search?" + urlencode({"q": text, **({"municipality": municipality} if municipality else {})})
            )
        else:
            paths.append("/zoeken?" + urlencode({"q": text, **({"gemeente": municipality} if municipality else {})}))
    return paths


def mix_paths(scheme_ids: list[str], has_guides: bool, size: int = 400, seed: int = 7) -> list[str]:
    """A shuffled list of `size` requests in the proportions of MIX (guides become scheme pages without coach mode)."""
    rng = random.Random(seed)
    kinds = [kind for kind, weight in MIX.items() for _ in range(weight)]
    searches, api = search_paths(), search_paths(api=True)
    paths = []
    for _ in range(size):
        kind = rng.choice(kinds)
        scheme_id = rng.choice(scheme_ids)
        if kind == "search":
            paths.append(rng.choice(searches))
        elif kind == "api":
            paths.append(rng.choice(api))
        elif kind == "home":
            paths.append("/")
        elif kind == "municipality":
            paths.append("/" + scheme_id.split("/")[0])
        elif kind == "guide" and has_guides:
            paths.append(f"/{scheme_id}/stappenplan")
        else:
            paths.append(f"/{scheme_id}")
    return paths


def site_paths() -> tuple[list[str], bool]:
    """The scheme ids to visit, and whether coach mode serves guides; publishes the index first, as a release does."""
    from app import create_app

    app = create_app({"INDEX_DIR": str(INDEX_DIR)})
    outcome = app.test_cli_runner().invoke(args=["regelingen", "index"])
    if outcome.exit_code != 0:
        raise RuntimeError(f"regelingen index failed: {outcome.output}")
    return sorted(app.extensions["catalog"].schemes), "coach.guide" in app.view_functions


def run_all(seconds: float, connections: int | None, short: bool = False) -> dict[str, Any]:
    """Every scenario against one gunicorn (with the trivial view added); `short` runs only the mix."""
    scheme_ids, has_guides = site_paths()
    searches = {"search_page": search_paths(), "search_api": search_paths(api=True)}
    warm = {name: paths[:WARM_QUESTIONS] for name, paths in searches.items()}
    mix = mix_paths(scheme_ids, has_guides)
    figures: dict[str, Any] = {}
    env = {"REGELINGEN_INDEX_DIR": str(INDEX_DIR)}
    with gunicorn(FLOOR_APP, env=env) as server:
        connections = connections or server.workers * 2
        _warm_up(server, mix, 1 if short else 3, connections)
        figures["mix"] = _measured(server, mix, seconds, connections)
        if not short:
            compared = {"floor": [FLOOR_PATH]} | warm | {"healthz": ["/healthz"]}
            figures |= _taking_turns(server, compared, seconds, connections)
            # Latency at a steady rate below the maximum, as on a busy day that the site keeps up with.
            steady = PACED_SHARE * figures["search_page"]["requests_per_second"]
            figures["search_page_paced"] = _measured(server, warm["search_page"], seconds, connections, steady)
        workers = server.workers
    if not short:
        with gunicorn(FLOOR_APP, env=env | COLD) as server:
            _warm_up(server, mix, 3, connections)
            figures["mix_cold"] = _measured(server, mix, seconds, connections)
            # The floor again on this server: issue 16 compares a new question with a trivial request here.
            cold = _taking_turns(server, {"floor": [FLOOR_PATH]} | searches, seconds, connections)
            figures |= {f"{name}_cold": run for name, run in cold.items()}
    result = {
        "workers": workers,
        "connections": connections,
        "seconds": seconds,
        "guides_in_mix": has_guides,
        "warm_questions": WARM_QUESTIONS,
        "scenarios": figures,
    }
    return result if short else result | _verdict(figures)


def _warm_up(server: Server, paths: list[str], seconds: float, connections: int) -> None:
    """Every worker loads the catalog and opens the index before anything is measured."""
    wrk.run(server.base_url, paths, seconds, connections)


def _taking_turns(server: Server, scenarios: dict[str, list[str]], seconds: float, connections: int) -> dict[str, Any]:
    """Each scenario for `seconds` in all, in ROUNDS short runs that take turns, combined per scenario.

    The figures that are compared with each other run this way, so that a slow spell of the shared
    machine slows them alike instead of one of them.
    """
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in scenarios}
    for _ in range(ROUNDS):
        for name, paths in scenarios.items():
            runs[name].append(_measured(server, paths, seconds / ROUNDS, connections))
    return {name: _combined(parts) for name, parts in runs.items()}


def _combined(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One figure from several runs: sums, CPU per request over all requests, and the worst round's latency."""
    requests = sum(part["requests"] for part in parts)
    seconds = sum(part["seconds"] for part in parts)
    cpu_ms = sum(part["cpu_ms_per_request"] * part["requests"] for part in parts) / max(requests, 1)
    latency = {key: max(part["latency_ms"][key] for part in parts) for key in ("p50", "p95", "p99", "max")}
    latency["mean"] = round(sum(part["latency_ms"]["mean"] * part["requests"] for part in parts) / max(requests, 1), 2)
    return parts[0] | {
        "requests": requests,
        "seconds": round(seconds, 2),
        "requests_per_second": round(requests / seconds, 1) if seconds else 0.0,
        "latency_ms": latency,
        "errors": {key: sum(part["errors"][key] for part in parts) for key in ("http", "socket", "total")},
        "cpu_ms_per_request": round(cpu_ms, 2),
        "requests_per_core_second": round(1000 / cpu_ms, 1) if cpu_ms else 0.0,
        "rounds": len(parts),
    }


def _measured(
    server: Server, paths: list[str], seconds: float, connections: int, rate: float | None = None
) -> dict[str, Any]:
    """One wrk run, plus the server's CPU milliseconds per request and what one core can answer per second."""
    cpu = server.cpu_seconds()
    run = wrk.run(server.base_url, paths, seconds, connections, rate=rate)
    cpu_ms = 1000 * (server.cpu_seconds() - cpu) / max(run["requests"], 1)
    return run | {
        "cpu_ms_per_request": round(cpu_ms, 2),
        "requests_per_core_second": round(1000 / cpu_ms, 1) if cpu_ms else 0.0,
    }


def _verdict(figures: dict[str, Any]) -> dict[str, Any]:
    """The ratios and whether each target of issues 7 and 16 is met."""
    floor = figures["floor"]["requests_per_second"] or 1.0
    floor_cpu = figures["floor"]["cpu_ms_per_request"]
    healthz = figures["healthz"]["requests_per_second"] or 1.0
    page = figures["search_page"]
    cold_floor = figures["floor_cold"]
    cold = {name: figures[f"{name}_cold"] for name in ("search_page", "search_api")}
    cold_cpu = {name: cold_floor["cpu_ms_per_request"] / run["cpu_ms_per_request"] for name, run in cold.items()}
    return {
        "ratio_search_page_to_floor": round(page["requests_per_second"] / floor, 3),
        "ratio_search_api_to_floor": round(figures["search_api"]["requests_per_second"] / floor, 3),
        "ratio_search_page_to_healthz": round(page["requests_per_second"] / healthz, 3),
        # The same ratios from CPU per request, which other programs on the machine do not disturb.
        "ratio_search_page_to_floor_cpu": round(floor_cpu / page["cpu_ms_per_request"], 3),
        "ratio_search_api_to_floor_cpu": round(floor_cpu / figures["search_api"]["cpu_ms_per_request"], 3),
        # Nothing from memory: every question new, against the floor on the same (cold) server.
        "ratio_search_page_cold_to_floor_cpu": round(cold_cpu["search_page"], 3),
        "ratio_search_api_cold_to_floor_cpu": round(cold_cpu["search_api"], 3),
        "ratio_search_page_cold_to_floor": round(
            cold["search_page"]["requests_per_second"] / (cold_floor["requests_per_second"] or 1.0), 3
        ),
        "ratio_search_api_cold_to_floor": round(
            cold["search_api"]["requests_per_second"] / (cold_floor["requests_per_second"] or 1.0), 3
        ),
        "targets": {
            "zero_errors": all(run["errors"]["total"] == 0 for run in figures.values()),
            "search_p95_under_50ms": page["latency_ms"]["p95"] < TARGET_SEARCH_P95_MS,
            "search_p95_under_50ms_paced": figures["search_page_paced"]["latency_ms"]["p95"] < TARGET_SEARCH_P95_MS,
            "search_at_least_half_of_floor": page["requests_per_second"] >= TARGET_RATIO * floor,
            "search_api_at_least_half_of_floor": figures["search_api"]["requests_per_second"] >= TARGET_RATIO * floor,
            "cold_search_api_at_least_half_of_floor_cpu": cold_cpu["search_api"] >= TARGET_COLD_API_RATIO,
            "cold_search_page_at_least_third_of_floor_cpu": cold_cpu["search_page"] >= TARGET_COLD_PAGE_RATIO,
        },
    }


def print_summary(result: dict[str, Any]) -> None:
    """One line per scenario, then the ratios and targets."""
    print(
        f"gunicorn: {result['workers']} workers; wrk: {result['connections']} connections, {result['seconds']:g} s per run"
    )
    print(
        f"{'scenario':<18}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>7}{'requests':>9}{'CPU ms':>8}{'/core/s':>8}"
    )
    for name, run in result["scenarios"].items():
        latency = run["latency_ms"]
        print(
            f"{name:<18}{run['requests_per_second']:>8.1f}{latency['p50']:>8.1f}{latency['p95']:>8.1f}{latency['p99']:>8.1f}"
            f"{run['errors']['total']:>7}{run['requests']:>9}{run['cpu_ms_per_request']:>8.2f}{run['requests_per_core_second']:>8.0f}"
        )
    for key, value in result.items():
        if key.startswith("ratio_"):
            print(f"{key}: {value}")
    for target, met in result.get("targets", {}).items():
        print(f"target {target}: {'met' if met else 'NOT MET'}")


def main(argv: list[str] | None = None) -> None:
    """Run the load test and write var/bench/load.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="length of each wrk run (default 10)")
    parser.add_argument("--connections", type=int, help="open connections (default: 2 per worker)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    result = run_all(args.seconds, args.connections)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_summary(result)


if __name__ == "__main__":
    main()
