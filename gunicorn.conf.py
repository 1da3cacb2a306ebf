"""gunicorn settings for Regelingenwijzer; HOST, PORT and WEB_CONCURRENCY override the defaults."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
# Threads, so that idle keep-alive or pre-opened browser connections cannot block a whole worker.
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
timeout = 30
graceful_timeout = 10
# No access log: search queries in URLs must not be written anywhere.
accesslog = None
errorlog = "-"
loglevel = "warning"
# Each worker loads the published catalog itself (a few seconds at national scale; create_app reads no
# data), so preloading would share little more than the imported code, and every worker must open its
# own index files after the fork anyway.
preload_app = False


def when_ready(server) -> None:
    """Say where the site is once it listens (the log level hides gunicorn's own start-up lines)."""
    where = ", ".join(str(listener) for listener in server.LISTENERS)
    print(f"Regelingenwijzer draait op {where} (stoppen: Ctrl+C)", flush=True)
