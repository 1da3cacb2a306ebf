"""Markdown tables for the figures that benchmarks write as JSON into var/bench/."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCENARIOS = {
    "mix": "Realistic mix (home, search pages, scheme pages, guides, API)",
    "search_page": "Search page `/zoeken` alone (real questions asked before)",
    "search_page_paced": "Search page, paced at 70 % of its maximum rate",
    "search_api": "Search API `/api/v1/search` alone",
    "healthz": "`/healthz` alone (it runs a one-result search)",
    "floor": "Trivial view alone (same app and middleware, no work): the floor",
    "mix_cold": "Realistic mix, nothing from memory (page cache and recent answers off)",
    "search_page_cold": "Search page alone, nothing from memory (every real question, new)",
    "search_api_cold": "Search API alone, nothing from memory",
    "floor_cold": "Trivial view on the server with nothing from memory: the floor for the cold figures",
}


def _mark(met: bool) -> str:
    return "met" if met else "**not met**"


def load_table(data: dict[str, Any]) -> list[str]:
    """Requests per second, latency percentiles and errors per scenario, then the ratios and targets."""
    lines = [
        f"gunicorn as set in gunicorn.conf.py, {data['workers']} workers (cores + 1); wrk with {data['connections']} connections, "
        f"{data['seconds']:g} s per scenario; pages asked with `Accept-Encoding: gzip`. The floor, the searches and "
        "`/healthz` take turns in 5 short runs each (so that a slow spell of the shared machine hits them alike); "
        "their latency is that of the worst run.",
        "",
        "| Scenario | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Requests | Server CPU ms per request | Requests per core-second |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, run in data["scenarios"].items():
        latency = run["latency_ms"]
        lines.append(
            f"| {SCENARIOS.get(name, name)} | {run['requests_per_second']:.0f} | {latency['p50']:.1f} | {latency['p95']:.1f} "
            f"| {latency['p99']:.1f} | {run['errors']['total']} | {run['requests']} | {run['cpu_ms_per_request']:.2f} "
            f"| {run['requests_per_core_second']:.0f} |"
        )
    lines += [
        "",
        "Requests per second and latency depend on what else runs on the machine; CPU per request (all gunicorn "
        "processes, from /proc) does not, so *requests per core-second* is the figure to plan capacity with.",
    ]
    if "targets" in data:
        targets = data["targets"]
        lines += [
            "",
            f"- Search page throughput / floor: **{data['ratio_search_page_to_floor']:.2f}**; "
            f"search API / floor: **{data['ratio_search_api_to_floor']:.2f}**; search page / `/healthz`: "
            f"{data['ratio_search_page_to_healthz']:.2f}. From CPU per request: search page / floor "
            f"**{data['ratio_search_page_to_floor_cpu']:.2f}**, search API / floor **{data['ratio_search_api_to_floor_cpu']:.2f}**.",
            "- **Cold** (nothing from memory, every question new; the floor on the same server), from CPU per request "
            f"(the main figure): search page / floor **{data['ratio_search_page_cold_to_floor_cpu']:.2f}** "
            f"(target 0.33: {_mark(targets.get('cold_search_page_at_least_third_of_floor_cpu', False))}), search API / "
            f"floor **{data['ratio_search_api_cold_to_floor_cpu']:.2f}** (target 0.5: "
            f"{_mark(targets.get('cold_search_api_at_least_half_of_floor_cpu', False))}). From requests per second "
            f"(noisy on this shared machine): page {data.get('ratio_search_page_cold_to_floor', 0):.2f}, "
            f"API {data.get('ratio_search_api_cold_to_floor', 0):.2f}. The figures above the cold ones are **warm**: "
            f"the first {data['warm_questions']} questions, asked before and served from the page "
            "cache (it holds that many questions' pages and API answers per worker).",
            f"- Target zero errors: {_mark(targets['zero_errors'])}. Target search p95 under 50 ms: "
            f"{_mark(targets['search_p95_under_50ms'])} at the maximum rate, "
            f"{_mark(targets.get('search_p95_under_50ms_paced', False))} at 70 % of it. "
            f"Target search at least half the floor: {_mark(targets['search_at_least_half_of_floor'])} for the search page, "
            f"{_mark(targets.get('search_api_at_least_half_of_floor', False))} for the search API.",
        ]
    return lines


def cost_table(data: dict[str, Any]) -> list[str]:
    """Cold and warm CPU per request side by side, their ratios to the trivial view, and the engine part."""
    cold, warm = data["cold"], data["warm"]
    lines = [
        f"The Flask test client on the shipped data, {data['questions']} real questions, median of {data['rounds']} "
        "rounds; no server and no network, so this is the app's own work (gunicorn and HTTP add to every request, "
        "somewhat more to the larger ones: see the load test). **Cold**: page cache and recent answers off, every "
        "question searched and its page rendered; what is the same for every question stays kept, as on a running "
        "site (a word's postings and reading, the scheme cards and the page frame per language and municipality). "
        f"**Warm**: the first {data['warm_questions']} questions, each asked before, served from "
        "the page cache (it holds that many questions' pages and API answers per worker).",
        "",
        "| CPU ms per request | cold | warm |",
        "| --- | ---: | ---: |",
        f"| Trivial view (floor) | {cold['floor_ms']:.3f} | {warm['floor_ms']:.3f} |",
        f"| Search API | {cold['api_ms']:.3f} | {warm['api_ms']:.3f} |",
        f"| Results page | {cold['page_ms']:.3f} | {warm['page_ms']:.3f} |",
        f"| Search API throughput / floor | {cold['api_ratio']:.2f} | {warm['api_ratio']:.2f} |",
        f"| Results page throughput / floor | {cold['page_ratio']:.2f} | {warm['page_ratio']:.2f} |",
        "",
        "The cold figures above are measured after a first round, so each question's words have been read once "
        "(their reading and postings are kept per worker). For words this worker has never read (warmed on one half "
        "of the questions, timed once on the other half): search API "
        f"**{cold['api_first_ms']:.3f} ms**, results page **{cold['page_first_ms']:.3f} ms** "
        f"(page / floor {cold['floor_ms'] / cold['page_first_ms']:.2f}; at least this, as word stems stay known "
        "within the process). The load test's cold server, whose workers meet each question's words a first "
        "time during the test, sits between the two.",
        "",
        f"The engine part alone (analysis and scoring, no Flask), per cold question: **{data['engine_ms']:.3f} ms**; "
        f"a plain BM25 on SQLite FTS5 over the same scheme texts and weights (`bench/fts5.py`, typed words only): "
        f"**{data['fts5_ms']:.3f} ms** — the speed floor for a full-text engine.",
    ]
    return lines


APP_SCALE_ROWS = (
    ("schemes", "Schemes"),
    ("municipalities", "Municipalities (folders, with `landelijk`)"),
    ("publish_s", "Publish (the release step): validate, snapshot, full index build (s)"),
    ("publish_cpu_s", "… of which CPU (s)"),
    ("index_mb", "Publication on disk: index and snapshot (MB)"),
    ("publish_one_change_s", "Publish after one changed file: validate that file, full index build (s)"),
    ("publish_one_change_cpu_s", "… of which CPU (s)"),
    ("startup_s", "Worker start-up: import + create_app + first search (s)"),
    ("startup_cpu_s", "… of which CPU (s)"),
    ("create_app_s", "… of which create_app (reads no data) (s)"),
    ("first_search_s", "… of which the first request: load the published, validated catalog (s)"),
    ("stamp_check_ms", "One look for changed data by a worker (ms)"),
    ("watch_interval_s", "… seconds between two looks (at least 1, more when a look is expensive)"),
    ("watch_share_percent", "… share of one worker's time spent looking (%)"),
    ("rss_mb", "Memory per worker after warm-up, RSS (MB)"),
    ("search_p50_ms", "Search latency p50 (ms)"),
    ("search_p95_ms", "Search latency p95 (ms)"),
    ("searches_per_core_s", "Search pages per core per second (1000 / CPU ms)"),
)


def app_scale_table(data: dict[str, Any]) -> list[str]:
    """One worker on today's data and on the national corpus: build, start-up, memory, latency, CPU per page."""
    corpora = data["corpora"]
    names = list(corpora)
    lines = ["| Figure | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for key, label in APP_SCALE_ROWS:
        values = [corpora[name].get(key) for name in names]
        lines.append(f"| {label} | " + " | ".join("–" if value is None else f"{value:g}" for value in values) + " |")
    pages = list(corpora[names[0]].get("pages_cpu_ms", {}))
    if pages:
        lines += ["", "CPU milliseconds per request, in-process (median; gzip asked for, as a phone does):", ""]
        lines += ["| Page | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
        for page in pages:
            values = [corpora[name]["pages_cpu_ms"].get(page) for name in names]
            lines.append(f"| {page} | " + " | ".join("–" if value is None else f"{value:g}" for value in values) + " |")
    return lines


def pdf_table(data: dict[str, Any]) -> list[str]:
    """The PDF flood: what became of the PDFs, and how fast /healthz and the searches stayed meanwhile."""
    lines = [
        f"{data['pdf_requests']} PDF requests at once: {data['pdf_made']} made, {data['pdf_busy_503']} told "
        f'"busy, try again" (503 + Retry-After), {data["pdf_other"]} other; slowest {data["pdf_slowest_s"]} s; '
        f"at most {data['most_browsers']} Chromium browser(s) running.",
        "",
        "| Asked meanwhile | Requests | p50 (ms) | p95 (ms) | max (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for path, figures in data["probes"].items():
        lines.append(
            f"| `{path}` | {figures['count']} | {figures['p50_ms']:g} | {figures['p95_ms']:g} | {figures['max_ms']:g} |"
        )
    lines += [
        "",
        f"All of them: p95 {data['probe_p95_ms']:g} ms, {data['probe_errors']} errors "
        f"(target p95 < {data['target_p95_ms']:g} ms, 0 errors) {_mark(data['met'])}",
    ]
    return lines


RENDERERS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "load": load_table,
    "app_scale": app_scale_table,
    "cost": cost_table,
    "pdf": pdf_table,
}
