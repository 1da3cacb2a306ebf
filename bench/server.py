"""Run the real site under gunicorn on a free 127.0.0.1 port, and stop it afterwards.

The one way this project starts gunicorn outside `make run`: the benchmarks, the live-publishing test
and the browser tests (tests/browser/harness.py) all use `gunicorn()`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The server only ever listens on this machine.
HOST = "127.0.0.1"
LOG_TAIL = 3000


@dataclass(frozen=True)
class Server:
    """A running gunicorn: where it listens, its master's process id and how many workers it has."""

    base_url: str
    pid: int
    workers: int

    def worker_pids(self) -> list[int]:
        """The process ids of the workers (the master's children)."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the master and its workers.

        Unlike requests per second, CPU per request does not change when other programs share the machine.
        """
        total = 0
        for pid in [self.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a worker that was just replaced
            total += int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
        return total / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def default_workers() -> int:
    """What gunicorn.conf.py chooses: one worker per core plus one."""
    return (os.cpu_count() or 1) + 1


@contextmanager
def gunicorn(
    app: str = "app:create_app()",
    workers: int | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 90,
    log: Path | None = None,
) -> Iterator[Server]:
    """Start gunicorn with gunicorn.conf.py, wait until /healthz answers 200 on every worker, then yield it.

    With `log`, gunicorn's output goes to that file (and its end into any start-up error); without, its
    error log goes to this terminal.
    """
    workers = workers or default_workers()
    port = free_port()
    environment = {**os.environ, "HOST": HOST, "PORT": str(port), "WEB_CONCURRENCY": str(workers), **(env or {})}
    with open(log, "wb") if log else nullcontext() as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"), app],
            cwd=ROOT,
            env=environment,
            stdout=output or subprocess.DEVNULL,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
        )
    server = Server(f"http://{HOST}:{port}", process.pid, workers)
    try:
        _wait_until_ready(server, process, timeout, log)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(server: Server, process: subprocess.Popen, timeout: float, log: Path | None) -> None:
    """Poll /healthz until every worker is up and the site answers; fail with a clear message otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with exit code {process.returncode}: {_log_end(log)}")
        if len(server.worker_pids()) >= server.workers and _healthy(server.base_url):
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz within {timeout:.0f} s: {_log_end(log)}")


def _log_end(log: Path | None) -> str:
    """The end of gunicorn's output, or where to find it."""
    if log is None:
        return "see the error log above"
    return "\n" + log.read_text(errors="replace")[-LOG_TAIL:]


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False
