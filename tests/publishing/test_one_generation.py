"""One request sees one generation from start to end: the catalog and the search index of the same publication."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import search
from app import create_app
from publishing import publish
from views.catalog import current_catalog

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"
SCHEME = Path("oss") / "bijzondere-bijstand.yaml"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    return tmp_path / "data"


def _retitle(data: Path, title: str) -> None:
    path = data / SCHEME
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f"titel: {title}\n" if line.startswith("titel:") else line for line in lines))


def test_one_request_searches_the_generation_its_catalog_comes_from(data, tmp_path):
    index = tmp_path / "index"
    publish(data, index)
    config = {"TESTING": True, "DATA_DIR": str(data), "INDEX_DIR": str(index), "WATCH_DATA": False}
    app = create_app(config)
    with app.test_request_context("/zoeken?q=zilvervos"):
        app.preprocess_request()  # the request starts: publishing pins what it serves
        before = current_catalog().schemes["oss/bijzondere-bijstand"].title
        _retitle(data, "Bijzondere bijstand zilvervos")
        publish(data, index)  # a publication goes live while the request runs
        time.sleep(1.1)  # longer than the search engine waits before it looks at `current` again
        assert current_catalog().schemes["oss/bijzondere-bijstand"].title == before
        assert search.search("zilvervos", "oss").hits == ()  # the new word is not in this request's index
    with app.test_request_context("/zoeken?q=zilvervos"):
        app.preprocess_request()  # the next request sees the new publication, for both
        assert current_catalog().schemes["oss/bijzondere-bijstand"].title == "Bijzondere bijstand zilvervos"
        assert [hit.scheme_id for hit in search.search("zilvervos", "oss").hits][:1] == ["oss/bijzondere-bijstand"]
