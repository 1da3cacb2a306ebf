"""No query text reaches any log: not the app's, not gunicorn's error log for bad or failing requests."""

from __future__ import annotations

import logging
import socket
import urllib.request
from urllib.parse import urlsplit

from bench.server import gunicorn
from views.logfilter import NoQueryInLog

WORD = "zeldzaamwoordxq"


def _raw(base_url: str, request: bytes) -> bytes:
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(request)
        return connection.recv(65536)


def test_gunicorn_logs_no_query_of_a_bad_or_too_long_request(tmp_path):
    log = tmp_path / "gunicorn.log"
    env = {"REGELINGEN_INDEX_DIR": str(tmp_path / "index")}
    with gunicorn(workers=1, env=env, log=log) as server:
        with urllib.request.urlopen(f"{server.base_url}/zoeken?q={WORD}") as response:
            assert response.status == 200
        assert _raw(server.base_url, f"GET /zoeken?q={WORD} HTTP/1.1 extra\r\n\r\n".encode()).startswith(
            b"HTTP/1.1 400"
        )
        long_line = f"GET /zoeken?q={WORD}{'a' * 9000} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        assert _raw(server.base_url, long_line).startswith(b"HTTP/1.1 414")
        bad_header = f"GET /zoeken?q={WORD} HTTP/1.1\r\nHost: x\r\nBad Header: {WORD}\r\n\r\n".encode()
        assert _raw(server.base_url, bad_header).startswith(b"HTTP/1.1 400")
    text = log.read_text(errors="replace")
    assert "Invalid request" in text  # the bad requests were logged, just without their query
    assert WORD not in text
    assert "ip=127.0.0.1" not in text and "/healthz" not in text  # no client address, no access log


def test_the_filter_cuts_queries_and_addresses_from_any_message():
    record = logging.LogRecord(
        "gunicorn.error", logging.ERROR, "", 0, "Error handling request %s %s", ("GET", "/x?q=geheim"), None
    )
    NoQueryInLog().filter(record)
    assert record.getMessage() == "Error handling request GET /x?…"
