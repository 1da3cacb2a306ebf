"""Safe publishing: validated snapshots, the last good version of a broken file, live pick-up."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from testapp import make_app

import regelingen
from publishing import load_published, publish
from publishing.live import pause_after
from publishing.reuse import validation_sources
from regelingen.catalog import Catalog, load_catalog
from regelingen.files.schema import SCHEMA_DIR
from regelingen.files.validate import check_text
from search.index import current_generation
from views.catalog import current_catalog

FIXTURES = Path(__file__).parents[1] / "data" / "schemes"
SCHEME = Path("oss") / "bijzondere-bijstand.yaml"


@pytest.fixture
def data(tmp_path):
    """A writable copy of the fixture data."""
    shutil.copytree(FIXTURES, tmp_path / "data")
    return tmp_path / "data"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _title(generation: Path, data: Path) -> str:
    return load_published(generation, data).schemes["oss/bijzondere-bijstand"].title


def test_publish_snapshots_the_files_it_was_built_from(data, tmp_path):
    """A generation holds its own copy of the data, named after the live files."""
    generation = publish(data, tmp_path / "index")
    catalog = load_published(generation, data)
    assert (generation / "schemes" / SCHEME).is_file()
    assert catalog.files["oss/bijzondere-bijstand"].endswith("data/oss/bijzondere-bijstand.yaml")
    assert not catalog.errors


def test_a_broken_change_keeps_the_last_good_version_serving(data, tmp_path):
    """The broken file is reported, not published; candidates keep seeing the previous version."""
    index = tmp_path / "index"
    first = publish(data, index)
    good_title = _title(first, data)
    _edit(data / SCHEME, f"titel: {good_title}", "titel: KAPOTTE VERSIE\ngecontroleerd_op: 2026-13-01")
    second = publish(data, index)
    catalog = load_published(second, data)
    assert catalog.schemes["oss/bijzondere-bijstand"].title == good_title
    messages = [str(problem) for problem in catalog.problems if "bijzondere-bijstand" in problem.path]
    assert any("twee keer" in message or "datum" in message for message in messages)
    assert any("vorige goede versie" in message for message in messages)


def test_a_new_broken_file_is_not_published(data, tmp_path):
    """Without an earlier good version there is nothing to fall back on: the scheme stays away."""
    (data / "oss" / "nieuw.yaml").write_text("titel: [kapot", encoding="utf-8")
    catalog = load_published(publish(data, tmp_path / "index"), data)
    assert "oss/nieuw" not in catalog.schemes
    assert any(problem.path.endswith("oss/nieuw.yaml") and problem.is_error for problem in catalog.problems)


def test_publish_only_if_changed_reuses_the_live_generation(data, tmp_path):
    """Unchanged data is not rebuilt; a changed file is."""
    index = tmp_path / "index"
    first = publish(data, index)
    assert publish(data, index, only_if_changed=True) == first
    _edit(data / SCHEME, "titel: ", "titel: Nieuw: ")
    assert publish(data, index, only_if_changed=True) != first


def test_the_running_app_picks_up_a_change_without_restart(data, tmp_path):
    """The next request after a data change serves the new text, and search finds it."""
    # Look before every request: no minimum interval, and no spacing out of looks for their cost.
    config = {"RECHECK_SECONDS": 0, "WATCH_SHARE": 1}
    app = make_app(tmp_path, data, **config)
    client = app.test_client()
    before = client.get("/api/v1/schemes/oss/bijzondere-bijstand").get_json()["titel"]
    _edit(data / SCHEME, f"titel: {before}", "titel: Bijzondere bijstand vernieuwd")
    assert client.get("/api/v1/schemes/oss/bijzondere-bijstand").get_json()["titel"] == "Bijzondere bijstand vernieuwd"
    results = client.get("/api/v1/search?q=vernieuwd&municipality=oss").get_json()["results"]
    assert results and results[0]["id"] == "oss/bijzondere-bijstand"


def test_cli_index_publishes_and_reports(app, runner):
    """`regelingen index` builds a new generation and says how many schemes went live."""
    app.test_client().get("/healthz")
    before = current_generation(Path(app.config["INDEX_DIR"]))
    result = runner.invoke(args=["regelingen", "index"])
    assert result.exit_code == 0, result.output
    assert "Gepubliceerd:" in result.output
    assert current_generation(Path(app.config["INDEX_DIR"])) != before


def test_cli_index_failure_keeps_the_old_index(app, runner, monkeypatch):
    """A build that fails (disk full) leaves the live generation in place."""
    app.test_client().get("/healthz")
    before = current_generation(Path(app.config["INDEX_DIR"]))

    def fail(*args, **kwargs):
        raise OSError("no space left")

    monkeypatch.setattr("publishing.live.publish", fail)
    result = runner.invoke(args=["regelingen", "index"])
    assert result.exit_code == 1
    assert "oude index blijft in gebruik" in result.output
    assert current_generation(Path(app.config["INDEX_DIR"])) == before


def test_a_worker_serves_exactly_what_was_validated_without_validating_again(data, tmp_path):
    """The generation's stored catalog gives the same objects as loading the files; the YAML is not read again."""
    generation = publish(data, tmp_path / "index")
    shutil.rmtree(generation / "schemes")  # the snapshot is for staff and for last good versions, not for workers
    served = load_published(generation, data)
    loaded = load_catalog(data)
    assert dict(served.schemes) == dict(loaded.schemes) and list(served.schemes) == list(loaded.schemes)
    assert dict(served.municipalities) == dict(loaded.municipalities)
    assert dict(served.files) == dict(loaded.files)


def test_a_broken_municipality_file_keeps_the_municipality_and_its_schemes(data, tmp_path):
    """A broken _gemeente.yaml falls back on its last good version, and so do the schemes that need it."""
    index = tmp_path / "index"
    publish(data, index)
    (data / "oss" / "_gemeente.yaml").write_text("naam: [", encoding="utf-8")
    catalog = load_published(publish(data, index), data)
    assert "oss" in catalog.municipalities and "oss/bijzondere-bijstand" in catalog.schemes
    kept = {Path(problem.path).name for problem in catalog.problems if "vorige goede versie" in problem.message}
    assert {"_gemeente.yaml", "bijzondere-bijstand.yaml"} <= kept
    assert any(problem.is_error and problem.path.endswith("oss/_gemeente.yaml") for problem in catalog.problems)


def test_creating_the_app_reads_no_data_and_the_first_request_publishes(data, tmp_path):
    """A worker starts without loading the data folder; its first request publishes and serves the catalog."""
    index = tmp_path / "index"
    app = make_app(tmp_path, data, INDEX_DIR=str(index))
    assert "catalog" not in app.extensions and current_generation(index) is None
    assert app.test_client().get("/api/v1/schemes/oss/bijzondere-bijstand").status_code == 200
    assert current_generation(index) is not None


def test_a_node_that_does_not_watch_the_data_only_follows_new_publications(data, tmp_path):
    """With WATCH_DATA off a worker never publishes; a publication made elsewhere still reaches it."""
    index = tmp_path / "index"
    first = publish(data, index)
    client = make_app(tmp_path, data, INDEX_DIR=str(index), WATCH_DATA=False, RECHECK_SECONDS=0).test_client()
    title = client.get("/api/v1/schemes/oss/bijzondere-bijstand").get_json()["titel"]
    _edit(data / SCHEME, f"titel: {title}", "titel: Nieuwe titel")
    assert client.get("/api/v1/schemes/oss/bijzondere-bijstand").get_json()["titel"] == title
    assert current_generation(index) == first
    publish(data, index)  # the release publishes
    assert client.get("/api/v1/schemes/oss/bijzondere-bijstand").get_json()["titel"] == "Nieuwe titel"


def test_commands_see_the_data_folder_before_anything_is_published(app):
    """Outside a request, with no publication yet, the catalog is read from the data folder (nothing is built)."""
    with app.app_context():
        assert "oss/bijzondere-bijstand" in current_catalog().schemes
    assert current_generation(Path(app.config["INDEX_DIR"])) is None


@pytest.mark.parametrize(
    ("cost", "minimum", "share", "pause"),
    [(0.36, 1.0, 0.01, 35.64), (0.002, 1.0, 0.01, 1.0), (0.5, 0.0, 1.0, 0.0), (0.1, 0.0, 0.5, 0.1)],
)
def test_looks_at_a_large_data_folder_are_spaced_out(cost, minimum, share, pause):
    """A look that costs more waits longer, so that looking takes at most `share` of a worker's time."""
    assert pause_after(cost, minimum, share) == pytest.approx(pause)


TODAY = date(2026, 11, 21)


@pytest.fixture
def validated(monkeypatch):
    """The files that publishing validates (not reuses), as `<folder>/<file>`."""
    seen: list[str] = []

    def counting(text, shown_path, *args):
        seen.append(Path(shown_path).relative_to(Path(shown_path).parents[1]).as_posix())
        return check_text(text, shown_path, *args)

    monkeypatch.setattr("publishing.reuse.check_text", counting)
    return seen


def _publish(data: Path, index: Path, validated: list[str], today: date = TODAY, stamp=()) -> tuple[Catalog, list[str]]:
    """Publish; the catalog workers serve and the files validated for it."""
    validated.clear()
    catalog = load_published(publish(data, index, extra_stamp=stamp, today=today), data)
    return catalog, sorted(validated)


def _all_files(data: Path) -> list[str]:
    return sorted(path.relative_to(data).as_posix() for path in data.rglob("*.yaml"))


def test_an_unchanged_file_is_not_validated_again_and_a_changed_one_is(data, tmp_path, validated):
    """The second publish validates only the edited file, even when every file was touched (hash, not mtime)."""
    index = tmp_path / "index"
    assert _publish(data, index, validated)[1] == _all_files(data)
    for path in data.rglob("*.yaml"):
        os.utime(path, (0, 0))  # as after a copy to another machine: other change times, the same bytes
    _edit(data / SCHEME, "titel: Bijzondere bijstand", "titel: Bijzondere bijstand 2027")
    catalog, checked = _publish(data, index, validated)
    assert checked == ["oss/bijzondere-bijstand.yaml"]
    assert catalog.schemes["oss/bijzondere-bijstand"].title == "Bijzondere bijstand 2027"
    assert _publish(data, index, validated)[1] == []


def _stale(path: Path) -> None:
    _edit(path, "gecontroleerd_op: 2026-11-01", "gecontroleerd_op: 2025-06-01")


def _amounts_for_2026(path: Path) -> None:
    _edit(
        path,
        "  tekst: ",
        "  bedragen:\n    - omschrijving: Bijdrage\n      per: jaar\n      waarden: {2025: 48.5, 2026: 50}\n  tekst: ",
    )


ROUNDS = {
    "a good change": lambda data: _edit(data / SCHEME, "titel: ", "titel: Nieuwe "),
    "a broken change and a new broken file": lambda data: (
        _edit(data / "nijmegen" / "schuldhulp.yaml", "status: actief", "status: misschien"),
        (data / "oss" / "nieuw.yaml").write_text("titel: [kapot", encoding="utf-8"),
    ),
    "a new file with warnings": lambda data: (
        shutil.copy(data / SCHEME, data / "oss" / "extra.yaml"),
        _stale(data / "oss" / "extra.yaml"),
    ),
    "the broken file repaired": lambda data: _edit(
        data / "nijmegen" / "schuldhulp.yaml", "status: misschien", "status: actief"
    ),
    "a municipality file broken": lambda data: (data / "oss" / "_gemeente.yaml").write_text(
        "naam: [", encoding="utf-8"
    ),
    "a change under the broken municipality file": lambda data: _edit(
        data / "oss" / "meedoen.yaml", "titel: ", "titel: Anders "
    ),
    "the municipality file repaired": lambda data: shutil.copy(FIXTURES / "oss" / "_gemeente.yaml", data / "oss"),
    "a municipality folder removed": lambda data: shutil.rmtree(data / "nijmegen"),
    "a file in a folder without _gemeente.yaml": lambda data: (
        (data / "elders").mkdir(),
        shutil.copy(data / "landelijk" / "zorgtoeslag.yaml", data / "elders" / "zorgtoeslag.yaml"),
    ),
}


def test_reusing_validation_gives_what_a_full_validation_gives(data, tmp_path, validated):
    """Round after round of edits, the reusing publish serves the same catalog and problems as validating all."""
    _stale(data / "landelijk" / "zorgtoeslag.yaml")  # warnings that unchanged files must keep
    _amounts_for_2026(data / "oss" / "meedoen.yaml")
    reusing, full = tmp_path / "reusing", tmp_path / "full"
    _publish(data, reusing, validated)
    _publish(data, full, validated)
    for number, (name, change) in enumerate(ROUNDS.items()):
        change(data)
        expected, everything = _publish(data, full, validated, stamp=[f"round {number}"])  # other rules: all again
        assert everything == _all_files(data), name
        served, checked = _publish(data, reusing, validated)
        assert len(checked) < len(everything), name
        assert list(served.schemes.items()) == list(expected.schemes.items()), name
        assert list(served.municipalities.items()) == list(expected.municipalities.items()), name
        assert served.problems == expected.problems, name
    stale = [problem for problem in served.problems if "meer dan 12 maanden" in problem.message]
    assert str(data / "landelijk" / "zorgtoeslag.yaml") in [problem.path for problem in stale]  # reused, still there


def test_warnings_that_depend_on_the_date_follow_the_date(data, tmp_path, validated):
    """On a later day unchanged files are validated again, so old facts and a missing year's amount are reported."""
    _amounts_for_2026(data / "oss" / "meedoen.yaml")
    index = tmp_path / "index"
    before, _ = _publish(data, index, validated, today=date(2026, 11, 21))
    assert not [problem for problem in before.problems if problem.path.endswith("meedoen.yaml")]
    after, checked = _publish(data, index, validated, today=date(2027, 11, 2))
    assert checked == _all_files(data)
    messages = [problem.message for problem in after.problems if problem.path.endswith("meedoen.yaml")]
    assert any("geen bedrag voor 2027" in message for message in messages)
    assert any("meer dan 12 maanden" in message for message in messages)


def test_other_rules_validate_everything_again(data, tmp_path, validated, monkeypatch):
    """Another lexicon or index version (the extra stamp) or publication format means a full validation."""
    index = tmp_path / "index"
    _publish(data, index, validated, stamp=["index 6", "lexicon a"])
    assert _publish(data, index, validated, stamp=["index 6", "lexicon a"])[1] == []
    assert _publish(data, index, validated, stamp=["index 6", "lexicon b"])[1] == _all_files(data)
    assert _publish(data, index, validated, stamp=["index 7", "lexicon b"])[1] == _all_files(data)
    monkeypatch.setattr("publishing.generations.PUBLICATION_FORMAT", "volgende")
    assert _publish(data, index, validated, stamp=["index 7", "lexicon b"])[1] == _all_files(data)


def test_a_changed_schema_validates_everything_again(data, tmp_path, validated, monkeypatch):
    """The schemas are part of the rules: after a change to one, every file is validated again."""
    schemas = shutil.copytree(SCHEMA_DIR, tmp_path / "schema")
    monkeypatch.setattr("publishing.reuse.SCHEMA_DIR", schemas)
    index = tmp_path / "index"
    _publish(data, index, validated)
    assert _publish(data, index, validated)[1] == []
    with (schemas / "regeling.schema.json").open("a", encoding="utf-8") as schema:
        schema.write("\n")
    assert _publish(data, index, validated)[1] == _all_files(data)


def test_a_copied_data_folder_reuses_the_checks_under_its_own_name(data, tmp_path, validated):
    """Checks go by the file's place in the data folder and its text, so a copy elsewhere needs no validation."""
    _stale(data / SCHEME)
    index = tmp_path / "index"
    _publish(data, index, validated)
    copy = shutil.copytree(data, tmp_path / "elsewhere")
    catalog, checked = _publish(copy, index, validated)
    assert checked == []
    stale = [problem.path for problem in catalog.problems if "meer dan 12 maanden" in problem.message]
    assert stale == [str(copy / SCHEME)]


def test_the_rules_follow_every_module_that_validation_runs():
    """The fingerprint follows imports into subpackages (files/, codes.py, model.py, the __init__s), not the check or coach."""
    root = Path(regelingen.__file__).parent.parent
    names = {path.relative_to(root).as_posix() for path in validation_sources()}
    assert {
        "regelingen/__init__.py",
        "regelingen/catalog.py",
        "regelingen/codes.py",
        "regelingen/model.py",
        "regelingen/files/__init__.py",
        "regelingen/files/validate.py",
        "regelingen/files/yamlfile.py",
        "regelingen/files/messages.py",
        "regelingen/files/placeholders.py",
        "regelingen/files/schema.py",
        "regelingen/files/build.py",
    } <= names
    assert not [name for name in names if name.startswith(("regelingen/check/", "regelingen/coach/"))]
