"""Drive a local server with wrk: cycle through a list of paths, bounded in time and requests, report JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Each wrk thread walks the paths from its own offset and stops itself after its share of the budget.
# done() prints one JSON line that run() reads: totals, errors and latency percentiles in microseconds.
LUA = """
local paths = {%(paths)s}
local budget = %(budget)d
pause_ms = %(pause_ms).3f
local threads = {}
local next_offset = 0

function setup(thread)
  thread:set("offset", next_offset)
  next_offset = next_offset + %(stride)d
  table.insert(threads, thread)
end

function init(args)
  position = offset or 0
  answered = 0
end

function delay()
  -- Paced runs: each connection waits a random time with the mean that gives the asked rate.
  if pause_ms > 0 then return math.random() * 2 * pause_ms end
  return 0
end

function request()
  position = position + 1
  return wrk.format("GET", paths[(position %% #paths) + 1], {["Accept-Encoding"] = "%(encoding)s"})
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= budget then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "max": %%d, "mean": %%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
"""


class WrkMissing(RuntimeError):
    """wrk is not installed: `make bench-tools` installs Debian's package."""


def lua_script(paths: list[str], budget_per_thread: int, pause_ms: float = 0.0, encoding: str = "gzip") -> str:
    """The Lua script that cycles through `paths`; each thread stops after `budget_per_thread` answers."""
    quoted = ", ".join(json.dumps(path) for path in paths)
    return LUA % {
        "paths": quoted,
        "budget": budget_per_thread,
        "pause_ms": pause_ms,
        "stride": max(1, len(paths) // 7),
        "encoding": encoding,
    }


def run(
    base_url: str,
    paths: list[str],
    seconds: float,
    connections: int,
    threads: int = 1,
    max_requests: int = 200_000,
    rate: float | None = None,
) -> dict[str, Any]:
    """Run wrk against `base_url` (localhost only): as fast as it answers, or paced at about `rate` requests/s.

    Returns requests/s, latency percentiles in ms and the errors (HTTP 4xx/5xx and socket errors).
    One wrk thread drives thousands of requests a second and leaves the other core to the server.
    """
    if urlsplit(base_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"benchmarks only run against this machine, not {base_url}")
    if shutil.which("wrk") is None:
        raise WrkMissing("wrk is not installed; run `make bench-tools` (apt-get install wrk)")
    threads = max(1, min(threads, connections))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        # Each connection waits this long on average before each request; the answer's own time comes on
        # top, so the achieved rate (which is what is reported) is a little below `rate`.
        pause_ms = 1000 * connections / rate if rate else 0.0
        script.write(lua_script(paths, max(1, max_requests // threads), pause_ms))
    try:
        command = [
            "wrk",
            "--latency",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            base_url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    finally:
        Path(script.name).unlink()
    raw = json.loads(next(line for line in output.splitlines() if line.startswith("WRKJSON "))[len("WRKJSON ") :])
    seconds_run = raw["duration_us"] / 1e6
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds_run, 2),
        "requests_per_second": round(raw["requests"] / seconds_run, 1) if seconds_run else 0.0,
        "latency_ms": {key: round(raw[key] / 1000, 2) for key in ("p50", "p95", "p99", "max", "mean")},
        "errors": {"http": raw["status"], "socket": socket_errors, "total": raw["status"] + socket_errors},
        "connections": connections,
        "threads": threads,
        "paced_at": rate,
        "paths": len(paths),
    }
