"""Publishing refuses what would take the site down: a vanished municipality, an unreadable folder, huge files, links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from testapp import make_app

from publishing import load_published
from regelingen.files.limits import MAX_FILE_BYTES
from search.index import current_generation
from tests.staff.workspace.staffclient import logged_in

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def app(data, tmp_path):
    """The app on `data`, published once, without the background watcher (the commands publish here)."""
    app = make_app(tmp_path, data, WATCH_DATA=False)
    result = app.test_cli_runner().invoke(args=["regelingen", "index"])
    assert result.exit_code == 0, result.output
    return app


def _index(app, *args):
    return app.test_cli_runner().invoke(args=["regelingen", "index", *args])


def test_a_vanished_municipality_is_refused_and_the_last_good_version_keeps_serving(app, data):
    live = current_generation(Path(app.config["INDEX_DIR"]))
    shutil.rmtree(data / "oss")
    result = _index(app)
    assert result.exit_code == 1
    assert "Niet gepubliceerd" in result.output and "'oss' verdwijnt helemaal" in result.output
    assert "--allow-removal" in result.output
    assert current_generation(Path(app.config["INDEX_DIR"])) == live
    client = app.test_client()
    assert client.get("/api/v1/schemes/oss/meedoen").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_data(as_text=True).startswith("degraded")
    assert "De laatste publicatie is geweigerd" in logged_in(app).get("/beheer").get_data(as_text=True)


def test_confirmed_removal_goes_through_and_health_is_ok_again(app, data):
    shutil.rmtree(data / "oss")
    assert _index(app).exit_code == 1
    result = _index(app, "--allow-removal")
    assert result.exit_code == 0, result.output
    client = app.test_client()
    assert client.get("/api/v1/schemes/oss/meedoen").status_code == 404
    assert client.get("/healthz").get_data(as_text=True) == "ok"


def test_removing_more_than_a_fifth_of_a_municipalitys_schemes_is_refused(app, data):
    schemes = sorted(path for path in (data / "oss").glob("*.yaml") if not path.name.startswith("_"))
    schemes[0].unlink()  # one of three: a third
    result = _index(app)
    assert result.exit_code == 1 and "van 'oss' verdwijnen 1 van de 3 regelingen" in result.output


def test_an_unreadable_data_folder_gets_a_plain_message(app, data):
    shutil.rmtree(data)
    result = _index(app)
    assert result.exit_code == 1
    assert "kan niet gelezen worden" in result.output and ".staging" not in result.output


def test_a_huge_file_is_refused_before_it_is_read_and_its_last_good_version_kept(app, data):
    scheme = data / "oss" / "meedoen.yaml"
    good_title = app.test_client().get("/api/v1/schemes/oss/meedoen").get_json()["titel"]
    text = scheme.read_text(encoding="utf-8")
    scheme.write_text(text + "\n# " + "x" * (50 * 1024 * 1024) + "\n", encoding="utf-8")
    result = _index(app)
    assert result.exit_code == 0, result.output
    assert "oss/meedoen.yaml:1: dit bestand is te groot" in result.output
    assert f"hoogstens {MAX_FILE_BYTES // 1000} kB" in result.output
    catalog = load_published(current_generation(Path(app.config["INDEX_DIR"])), data)
    assert catalog.schemes["oss/meedoen"].title == good_title


def test_a_symlink_in_the_data_folder_is_not_published(app, data, tmp_path):
    outside = tmp_path / "elders.yaml"
    shutil.copy(data / "oss" / "meedoen.yaml", outside)
    (data / "oss" / "gelinkt.yaml").symlink_to(outside)
    result = _index(app)
    assert "oss/gelinkt.yaml:1: dit bestand is een snelkoppeling (symlink)" in result.output
    catalog = load_published(current_generation(Path(app.config["INDEX_DIR"])), data)
    assert "oss/gelinkt" not in catalog.schemes
