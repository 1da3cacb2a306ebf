"""Print PDFs without letting them take the site down: few at a time, on reused browsers, off the page threads.

A PDF costs a Chromium render (a second or more of CPU and a few hundred MB). So:

- at most `PDF_RENDERS` renders run at once on the whole machine (default 2), counted with one lock
  file per slot in `PDF_DIR`, shared by every gunicorn worker; a request that finds no free slot is
  told at once to come back later (`PrinterBusy`), it never waits in line on a page thread;
- each worker renders on its own render thread with one Chromium that is started on first use and
  reused (a fresh browser context per PDF, so nothing of one PDF is seen by the next): at most one
  browser per worker, however many PDFs are asked for;
- a page thread only waits for its own PDF, at most `TIMEOUT_SECONDS`.
"""

from __future__ import annotations

import fcntl
import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DEFAULT_RENDERS = 2
TIMEOUT_SECONDS = 30.0

Job = Callable[[Any], bytes]  # given the thread's browser, returns the PDF


class PrinterBusy(Exception):
    """Raised when every render slot of the machine is taken: the visitor should try again soon."""


class RenderSlots:
    """At most `count` holders at once across every process on this machine (one `flock` per slot file)."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder, self.count = Path(folder), count

    @contextmanager
    def hold(self) -> Iterator[int]:
        """Hold a free slot for the `with` block; raise `PrinterBusy` when there is none."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for number in range(self.count):
            descriptor = os.open(self.folder / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            try:
                yield number
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
                os.close(descriptor)
            return
        raise PrinterBusy(f"all {self.count} PDF slots are busy")


class Printer:
    """Render threads of one worker, each owning one reused Chromium; jobs come from one queue."""

    def __init__(self, launch: Callable[[], tuple[Any, Any]], threads: int) -> None:
        self._launch, self._threads = launch, threads
        self._jobs: queue.Queue[tuple[Job, Future[bytes]] | None] = queue.Queue()
        self._started: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.launches = 0  # browsers started so far: one per render thread while they stay connected

    def render(self, job: Job, timeout: float = TIMEOUT_SECONDS) -> bytes:
        """Run `job` with a browser on a render thread and return its PDF (its exception is raised here)."""
        self._start()
        future: Future[bytes] = Future()
        self._jobs.put((job, future))
        return future.result(timeout)

    def close(self) -> None:
        """Stop the render threads and their browsers (a job already queued is finished first)."""
        with self._lock:
            started, self._started = self._started, []
        for _ in started:
            self._jobs.put(None)
        for thread in started:
            thread.join(TIMEOUT_SECONDS)

    def _start(self) -> None:
        with self._lock:
            while len(self._started) < self._threads:
                thread = threading.Thread(target=self._serve, name="pdf-render", daemon=True)
                thread.start()
                self._started.append(thread)

    def _serve(self) -> None:
        """One render thread: start a browser when the first job comes, reuse it, close it at the end."""
        playwright: Any = None
        browser: Any = None
        try:
            while (item := self._jobs.get()) is not None:
                job, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    if browser is None or not browser.is_connected():
                        if playwright is not None:
                            playwright.stop()  # its browser is gone: start afresh
                        playwright = browser = None
                        playwright, browser = self._launch()
                        self.launches += 1
                    future.set_result(job(browser))
                except BaseException as error:  # handed to the waiting page thread
                    future.set_exception(error)
        finally:
            if browser is not None:
                browser.close()
            if playwright is not None:
                playwright.stop()
