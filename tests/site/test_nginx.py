"""The shipped nginx set-up (deploy/nginx/) in front of gunicorn on a unix socket: slow clients do not starve it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.server import ROOT, free_port

PROXY_CONF = ROOT / "deploy" / "nginx" / "proxy.conf"
SLOW_CLIENTS = 16
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture
def site(tmp_path):
    """gunicorn on a unix socket and nginx with deploy/nginx/proxy.conf on a free 127.0.0.1 port."""
    if not Path(NGINX).exists():
        if _in_ci():
            pytest.fail("nginx is missing: run `make browser-tools`")
        pytest.skip("nginx is missing: run `make browser-tools`")
    sock, port = tmp_path / "gunicorn.sock", free_port()
    env = {
        **os.environ,
        "BIND": f"unix:{sock}",
        "WEB_CONCURRENCY": "1",
        "REGELINGEN_INDEX_DIR": str(tmp_path / "index"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"), "app:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / folder).mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"""
user root;
worker_processes 1;
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log crit;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy; fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
    upstream regelingenwijzer_gunicorn {{ server unix:{sock} fail_timeout=0; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        include {PROXY_CONF};
    }}
}}
""",
        encoding="utf-8",
    )
    proxy = subprocess.Popen([NGINX, "-c", str(conf), "-e", str(tmp_path / "nginx-error.log")], start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "nginx + gunicorn did not answer /healthz within 90 s"
            time.sleep(0.3)
        yield base, port
    finally:
        for process in (proxy, app):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _slow_client(port: int, stop: threading.Event) -> None:
    """Open a connection and send a request a byte at a time, a byte a second."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100:
                if stop.is_set():
                    return
                connection.sendall(bytes([byte]))
                time.sleep(1)
    except OSError:
        pass  # nginx cut the slow client off: as it should


def test_slow_clients_do_not_starve_healthz_behind_nginx(site):
    base, port = site
    stop = threading.Event()
    clients = [threading.Thread(target=_slow_client, args=(port, stop), daemon=True) for _ in range(SLOW_CLIENTS)]
    for client in clients:
        client.start()
    time.sleep(2)  # every slow client is connected and dribbling
    try:
        times = []
        for _ in range(10):
            started = time.perf_counter()
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                assert response.status == 200
            times.append(time.perf_counter() - started)
        assert max(times) < 1.0, times
    finally:
        stop.set()


def test_nginx_adds_hsts_and_refuses_an_oversized_request_line(site):
    base, port = site
    with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /zoeken?q=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        assert connection.recv(100).split(b" ")[1] == b"414"


def test_what_nginx_refuses_gets_our_own_page_with_our_headers(site):
    base, _port = site
    for url, headers, code, heading in (
        (f"{base}/plan?doel=" + "x" * 9000, {}, 414, "Deze link is te lang"),
        (f"{base}/zoeken?q=huur", {"X-Groot": "a" * 9000}, 431, "Dit is te veel"),
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)
        assert refused.value.code == code
        assert refused.value.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "Content-Security-Policy" in refused.value.headers, "the app's own headers"
        assert heading in refused.value.read().decode()
