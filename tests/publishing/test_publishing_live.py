"""A running gunicorn with several workers takes a valid change live and never a broken one."""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.request
from pathlib import Path

from bench.server import gunicorn
from regelingen.catalog import DATA_DIR

SCHEME = Path("oss") / "kwijtschelding-gemeentelijke-belastingen.yaml"
SEARCH = "/api/v1/search?q=kwijtschelding&municipality=oss&limit=5"
SCHEME_API = "/api/v1/schemes/oss/kwijtschelding-gemeentelijke-belastingen"
WORKERS = 3
VISIBLE_WITHIN = 5.0


class Client(threading.Thread):
    """Sends searches without pause and records failures, empty answers and the titles it sees."""

    def __init__(self, base_url: str):
        super().__init__(daemon=True)
        self.base_url = base_url
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.empty = 0
        self.requests = 0
        self.seen: list[tuple[float, str]] = []

    def run(self) -> None:
        while not self.stop.is_set():
            self.requests += 1
            try:
                results = _get(self.base_url + SEARCH)["results"]
            except Exception as error:
                self.failures.append(repr(error))
                continue
            if not results:
                self.empty += 1
            for result in results:
                if result["id"] == "oss/kwijtschelding-gemeentelijke-belastingen":
                    self.seen.append((time.monotonic(), result["title"]))


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return json.loads(response.read())


def _titles_from_every_worker(base_url: str, count: int = 3 * WORKERS * 4) -> set[str]:
    """The scheme's title as many requests see it: spread over the workers by the kernel."""
    return {_get(base_url + SCHEME_API)["titel"] for _ in range(count)}


def test_valid_change_goes_live_in_every_worker_and_a_broken_one_never(tmp_path):
    """Zero failed or empty requests; valid edit everywhere within 5 s; the broken edit never shown."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    env = {"REGELINGEN_DATA_DIR": str(data), "REGELINGEN_INDEX_DIR": str(tmp_path / "index")}
    with gunicorn(workers=WORKERS, env=env) as server:
        original = _get(server.base_url + SCHEME_API)["titel"]
        client = Client(server.base_url)
        client.start()
        try:
            path = data / SCHEME
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace(f"titel: {original}", "titel: Kwijtschelding (bijgewerkt)", 1), encoding="utf-8"
            )
            changed_at = time.monotonic()
            deadline = changed_at + VISIBLE_WITHIN
            while _titles_from_every_worker(server.base_url) != {"Kwijtschelding (bijgewerkt)"}:
                assert time.monotonic() < deadline, "the valid change did not reach every worker within 5 s"
                time.sleep(0.2)

            broken = text.replace(f"titel: {original}", "titel: KAPOT\ngecontroleerd_op: geen datum", 1)
            path.write_text(broken, encoding="utf-8")
            time.sleep(VISIBLE_WITHIN)
            assert _titles_from_every_worker(server.base_url) == {"Kwijtschelding (bijgewerkt)"}
        finally:
            client.stop.set()
            client.join(timeout=15)
    assert client.failures == []
    assert client.empty == 0
    assert client.requests > 50
    assert "KAPOT" not in {title for _, title in client.seen}
