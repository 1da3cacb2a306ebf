"""What a benchmark ran on: cores, CPU model, memory, Python and the system, for the report."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _first(path: str, key: str) -> str:
    """The value of the first `key: value` line in a /proc file, or '' when it is not there."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def machine() -> dict[str, str | int]:
    """nproc, CPU model, RAM, Python version and operating system of this machine."""
    memory_kb = _first("/proc/meminfo", "MemTotal").split()
    release = Path("/etc/debian_version")
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "ram_gib": round(int(memory_kb[0]) / 1024 / 1024, 1) if memory_kb else 0,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}"
        + (f", Debian {release.read_text().strip()}" if release.exists() else ""),
        "load_average": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }
