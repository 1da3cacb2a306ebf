"""The link check, against a local test server only: 200, 404, 500, redirect chains, HEAD refused, timeouts."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from testapp import make_app

from staff.linkcheck import USER_AGENT, HostThrottle, _reason_text, check_all, check_url
from tests.staff.workspace.staffclient import logged_in

LINKS = Path(__file__).parents[1] / "data" / "links"
# Long enough for a local answer on a busy machine; /traag answers only after three times this.
SHORT_TIMEOUT = 1.0


class _Handler(BaseHTTPRequestHandler):
    """Answers by path; records every request so tests can see methods, headers and concurrency."""

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        server = self.server
        with server.lock:
            server.seen.append((self.command, self.path, self.headers.get("User-Agent")))
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        self._counted = True
        try:
            self._route(body)
        finally:
            self._leave()

    def _leave(self) -> None:
        """No longer in flight; called before the answer is written, so a client's next request never overlaps it."""
        if self._counted:
            self._counted = False
            with self.server.lock:
                self.server.in_flight -= 1

    def _route(self, body: bool) -> None:
        path = self.path
        if path == "/traag":
            time.sleep(SHORT_TIMEOUT * 3)
        if path.startswith("/langzaam"):
            time.sleep(0.15)
        if path.startswith("/kring"):
            step = int(path.rsplit("/", 1)[-1]) if path.count("/") > 1 else 0
            return self._redirect(f"/kring/{step + 1}")
        if path == "/omweg":
            return self._redirect("/omweg/2", 301)
        if path == "/omweg/2":
            return self._redirect("/ok", 302)
        if path == "/geen-head" and self.command == "HEAD":
            return self._send(405)
        status = {"/weg": 404, "/fout": 500}.get(path, 200)
        self._send(status, b"ok" if body else b"")

    def _redirect(self, location: str, status: int = 302) -> None:
        self._leave()
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes = b"") -> None:
        self._leave()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.seen: list[tuple[str, str, str | None]] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (time-out) makes writing fail; that is expected here."""


@pytest.fixture
def server() -> Iterator[_Server]:
    """A local HTTP server on a free port of 127.0.0.1, in a thread."""
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to 127.0.0.1 must go straight to the test server, whatever proxy the machine has."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def _base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_each_kind_of_answer_is_classified(server):
    """Working pages (also after a redirect chain, also when HEAD is refused) pass; the rest say what is wrong."""
    base = _base(server)
    paths = ["/ok", "/weg", "/fout", "/kring", "/traag", "/omweg", "/geen-head"]
    results = check_all([base + path for path in paths], timeout=SHORT_TIMEOUT, workers=4, interval=0)
    by_path = {url.removeprefix(base): result for url, result in results.items()}
    assert {path for path, result in by_path.items() if result.ok} == {"/ok", "/omweg", "/geen-head"}
    assert (by_path["/weg"].status, by_path["/weg"].error) == (404, "HTTP 404 (niet gevonden)")
    assert (by_path["/fout"].status, by_path["/fout"].error) == (500, "HTTP 500 (fout bij de website)")
    assert "te veel doorverwijzingen" in by_path["/kring"].error
    assert by_path["/traag"].status is None and "time-out" in by_path["/traag"].error


def test_head_first_then_get_only_when_head_fails_with_a_status(server):
    """A polite check: HEAD for every page, GET only to retry an HTTP error; a time-out is not retried."""
    base = _base(server)
    check_url(base + "/ok", timeout=SHORT_TIMEOUT)
    check_url(base + "/geen-head", timeout=SHORT_TIMEOUT)
    check_url(base + "/omweg", timeout=SHORT_TIMEOUT)
    check_url(base + "/traag", timeout=SHORT_TIMEOUT)
    requests = [(method, path) for method, path, _ in server.seen]
    assert requests == [
        ("HEAD", "/ok"),
        ("HEAD", "/geen-head"),
        ("GET", "/geen-head"),
        ("HEAD", "/omweg"),
        ("HEAD", "/omweg/2"),
        ("HEAD", "/ok"),
        ("HEAD", "/traag"),
    ]
    assert {agent for _, _, agent in server.seen} == {USER_AGENT}


def test_concurrency_is_limited_to_the_number_of_workers(server):
    """Ten slow pages with three workers: several at once, never more than three."""
    urls = [f"{_base(server)}/langzaam/{number}" for number in range(10)]
    results = check_all(urls, timeout=2, workers=3, interval=0)
    assert all(result.ok for result in results.values())
    assert 2 <= server.max_in_flight <= 3


def test_each_address_is_visited_once():
    """The same address in many files costs one visit."""
    with _Server() as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        url = _base(httpd) + "/ok"
        results = check_all([url, url, url], timeout=1, workers=3, interval=0)
        httpd.shutdown()
        thread.join()
    assert list(results) == [url] and len(httpd.seen) == 1


def test_throttle_spaces_requests_to_one_host_but_not_across_hosts():
    """Three requests to one host take at least two intervals; another host does not wait for it."""
    throttle = HostThrottle(0.5)
    start = time.monotonic()
    for _ in range(3):
        throttle.wait("https://www.oss.nl/a")
    assert time.monotonic() - start >= 0.99
    other = time.monotonic()
    throttle.wait("https://www.meppel.nl/a")
    assert time.monotonic() - other < 0.25


def test_refused_connection_and_unknown_names_are_named_plainly():
    """No server on the port, and a DNS failure (simulated: tests never look up real names)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = check_url(f"http://127.0.0.1:{port}/", timeout=1)
    assert not refused.ok and refused.error == "de website weigert de verbinding"
    dns = socket.gaierror(-2, "Name or service not known")
    assert _reason_text(dns, 10) == "de naam van de website bestaat niet (DNS)"


def _data_with_port(tmp_path: Path, port: int) -> Path:
    data = tmp_path / "schemes"
    shutil.copytree(LINKS, data)
    for path in data.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("PORT", str(port)), encoding="utf-8")
    return data


def test_links_command_lists_broken_links_per_municipality_and_saves_them(server, tmp_path):
    """The command prints file, field, address and problem; exits 1; /beheer shows the same saved result."""
    data = _data_with_port(tmp_path, server.server_address[1])
    app = make_app(tmp_path, data, INDEX_DIR=str(tmp_path / "var" / "index"))
    result = app.test_cli_runner().invoke(
        args=["regelingen", "links", "--timeout", str(SHORT_TIMEOUT), "--interval", "0", "--workers", "4"]
    )
    assert result.exit_code == 1, result.output
    base = _base(server)
    assert "oss: 5 kapotte link(s)" in result.output
    assert f"(bronnen[2].url): {base}/weg — HTTP 404 (niet gevonden)" in result.output
    assert f"(aanvragen.online_url): {base}/weg — HTTP 404" in result.output
    saved = json.loads((tmp_path / "var" / "linkcheck.json").read_text(encoding="utf-8"))
    assert saved["total"] == 11
    assert {(item["field"], item["status"]) for item in saved["broken"]} == {
        ("bronnen[2].url", 404),
        ("aanvragen.online_url", 404),
        ("bronnen[3].url", 500),
        ("bronnen[4].url", 302),
        ("bronnen[5].url", None),
    }
    assert {(item["municipality"], Path(item["file"]).name) for item in saved["broken"]} == {
        ("oss", "regeling-met-links.yaml")
    }
    page = logged_in(app).get("/beheer").get_data(as_text=True)
    assert f"{base}/weg" in page and "HTTP 500 (fout bij de website)" in page


def test_links_command_exits_zero_when_every_link_works(server, tmp_path):
    """Only working addresses: exit 0 and an empty list of broken links."""
    data = _data_with_port(tmp_path, server.server_address[1])
    scheme = data / "oss" / "regeling-met-links.yaml"
    text = scheme.read_text(encoding="utf-8")
    for broken in ("/weg", "/fout", "/kring", "/traag"):
        text = text.replace(broken + "\n", "/ok\n")
    scheme.write_text(text, encoding="utf-8")
    app = make_app(tmp_path, data, INDEX_DIR=str(tmp_path / "var" / "index"))
    result = app.test_cli_runner().invoke(args=["regelingen", "links", "--timeout", "1", "--interval", "0"])
    assert result.exit_code == 0, result.output
    assert "0 kapot" in result.output
