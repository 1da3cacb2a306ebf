"""PDF flood (`make bench-pdf`): 20 PDF requests at once while /healthz and searches must stay fast.

Starts gunicorn on 127.0.0.1 with the real data, sends 20 concurrent plan and guide PDF requests (every
plan different, so none comes from a cache), and meanwhile asks /healthz and the search page one after the
other. Prints and writes var/bench/pdf.json: the PDFs' statuses (200 made, 503 busy), the most Chromium
browsers running at once, and p50/p95/max and errors of /healthz and the searches. Target: p95 < 100 ms
and 0 errors for /healthz and the searches.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from bench.server import ROOT, Server, gunicorn

OUTPUT = ROOT / "var" / "bench" / "pdf.json"
INDEX_DIR = ROOT / "var" / "bench" / "index-pdf"
PDF_REQUESTS = 20
TARGET_P95_MS = 100.0
PLAN = "/plan.pdf?r=nijmegen/bijzondere-bijstand&r=landelijk/zorgtoeslag&doel=Plan+{n}"
GUIDE = "/nijmegen/bijzondere-bijstand/stappenplan.pdf"
PROBES = ("/healthz", "/zoeken?q=hulp+bij+schulden&gemeente=nijmegen", "/zoeken?q=huurtoeslag")


def fetch(url: str, timeout: float = 60) -> tuple[int, float]:
    """The status of GET `url` and the seconds it took (status 0 when the connection failed)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def browsers(server: Server) -> int:
    """Chromium browser processes below the server (renderer and GPU helpers not counted)."""
    parents, main = {}, set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            args = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        if args[0].endswith(b"chromium") and not any(arg.startswith(b"--type=") for arg in args):
            main.add(pid)

    def below_server(pid: int) -> bool:
        while pid > 1:
            if pid == server.pid:
                return True
            pid = parents.get(pid, 0)
        return False

    return sum(below_server(pid) for pid in main)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def flood(server: Server) -> dict[str, Any]:
    """The 20 PDF requests with the probes running alongside; the figures."""
    pdf_results: list[tuple[int, float]] = []
    probe_times: dict[str, list[float]] = {path: [] for path in PROBES}
    probe_errors = 0
    most_browsers = 0
    urls = [server.base_url + (GUIDE if n % 4 == 0 else PLAN.format(n=n)) for n in range(PDF_REQUESTS)]
    threads = [threading.Thread(target=lambda url=url: pdf_results.append(fetch(url))) for url in urls]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        for path in PROBES:
            status, seconds = fetch(server.base_url + path, timeout=10)
            probe_times[path].append(seconds * 1000)
            probe_errors += status != 200
        most_browsers = max(most_browsers, browsers(server))
    statuses = [status for status, _ in pdf_results]
    every_probe = [ms for times in probe_times.values() for ms in times]
    return {
        "pdf_requests": PDF_REQUESTS,
        "pdf_made": statuses.count(200),
        "pdf_busy_503": statuses.count(503),
        "pdf_other": len(statuses) - statuses.count(200) - statuses.count(503),
        "pdf_slowest_s": round(max(seconds for _, seconds in pdf_results), 2),
        "most_browsers": most_browsers,
        "probes": {
            path: {
                "count": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1),
            }
            for path, times in probe_times.items()
            if times
        },
        "probe_errors": probe_errors,
        "probe_p95_ms": round(percentile(every_probe, 0.95), 1) if every_probe else None,
        "target_p95_ms": TARGET_P95_MS,
    }


def main() -> None:
    """Run the flood against a fresh gunicorn and print the figures."""
    INDEX_DIR.mkdir(parents=True, exist_ok=True)
    env = {"REGELINGEN_INDEX_DIR": str(INDEX_DIR), "REGELINGEN_PDF_DIR": str(INDEX_DIR.parent / "pdf")}
    with gunicorn(env=env) as server:
        fetch(server.base_url + PROBES[1])  # the first search of each worker warms it; not part of the figures
        data = flood(server)
    data["met"] = data["probe_errors"] == 0 and (data["probe_p95_ms"] or 0) < TARGET_P95_MS
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
