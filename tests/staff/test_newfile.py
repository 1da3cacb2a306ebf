"""`flask regelingen new` makes a commented starting file that passes `check` once filled in, and refuses what it should."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from testapp import make_app

from regelingen import load_catalog
from regelingen.files.schema import SCHEME_SCHEMA
from staff import fieldref
from staff.newfile import scheme_text

GOOD = Path(__file__).parents[1] / "data" / "validation" / "good"
TODAY = date(2026, 11, 21)
# A commented-out example field: '# ' followed by 'veld:' or '- ' (explanations start with a capital letter).
EXAMPLE_FIELD = re.compile(r"^(\s*)# (\s*(?:[a-z_]+:|- ))", re.M)
# The instructions the starting file leaves in its fields (test_placeholders.py: each one is an error).
INSTRUCTION = re.compile(r"\b(Schrijf hier|Vervang dit)\b[^\n]*")


def filled_in(text: str) -> str:
    """The starting file as staff leave it: every instruction replaced by real text."""
    return INSTRUCTION.sub("Tekst die de gemeente zelf schreef, in gewone woorden.", text)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A writable data folder with Oss and landelijk."""
    shutil.copytree(GOOD, tmp_path / "schemes")
    return tmp_path / "schemes"


@pytest.fixture
def runner(data_dir, tmp_path):
    """A CLI runner for an app on the writable data folder."""
    app = make_app(tmp_path, data_dir)
    return app.test_cli_runner()


def test_new_creates_a_file_that_passes_check_once_filled_in(runner, data_dir):
    """Only its instructions are errors; filled in, `check` finds no errors and no warnings, and it loads."""
    result = runner.invoke(args=["regelingen", "new", "oss", "energietoeslag"])
    assert result.exit_code == 0, result.output
    path = data_dir / "oss" / "energietoeslag.yaml"
    assert str(path) in result.output
    checked = runner.invoke(args=["regelingen", "validate", str(path)])
    assert checked.exit_code == 1 and "4 fout(en), 0 waarschuwing(en)" in checked.output, checked.output
    path.write_text(filled_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    checked = runner.invoke(args=["regelingen", "validate", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "0 fout(en), 0 waarschuwing(en)" in checked.output
    scheme = load_catalog(data_dir).schemes["oss/energietoeslag"]
    assert scheme.title == "Energietoeslag"
    assert scheme.status == "actief"
    assert scheme.checked_on == date.today()
    assert scheme.contact.phone == "14 0412"


def test_new_file_explains_every_field_and_points_editors_at_the_schema(runner, data_dir):
    """The first line gives VS Code the schema; every field that is filled in has a Dutch comment right above it."""
    runner.invoke(args=["regelingen", "new", "oss", "energietoeslag"])
    lines = (data_dir / "oss" / "energietoeslag.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schema/regeling.schema.json"
    fields = [index for index, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line)]
    assert len(fields) > 20
    for index in fields:
        assert lines[index - 1].lstrip().startswith("# "), f"geen uitleg boven: {lines[index]}"


def test_every_schema_field_is_in_the_starting_file():
    """Removing '# ' from the example fields gives a valid file with every field of the schema (no drift)."""
    catalog = load_catalog(GOOD, today=TODAY)
    text = EXAMPLE_FIELD.sub(r"\1\2", scheme_text(catalog.municipalities["oss"], "alles", TODAY))
    data = yaml.safe_load(text)
    for path in fieldref.field_paths(SCHEME_SCHEMA):
        node = data
        for key in path.replace("[]", ".0").split("."):
            assert (int(key) if key.isdigit() else key) in (range(len(node)) if isinstance(node, list) else node), path
            node = node[int(key) if key.isdigit() else key]


def test_starting_file_with_all_examples_filled_in_is_valid(tmp_path):
    """The examples are valid values: uncommenting one only asks to replace its example address or text."""
    catalog = load_catalog(GOOD, today=TODAY)
    shutil.copytree(GOOD / "oss", tmp_path / "oss")
    path = tmp_path / "oss" / "alles.yaml"
    text = filled_in(EXAMPLE_FIELD.sub(r"\1\2", scheme_text(catalog.municipalities["oss"], "alles", TODAY)))
    path.write_text(text, encoding="utf-8")
    problems = load_catalog(tmp_path, today=TODAY, paths=[path]).problems
    assert all("voorbeeld" in problem.message for problem in problems), [str(problem) for problem in problems]


@pytest.mark.parametrize("slug", ["2026", "ab", "ja"])
def test_odd_slugs_still_give_a_valid_title(tmp_path, slug):
    """A slug YAML would read as a number or a boolean stays text; a very short one gets a longer title."""
    catalog = load_catalog(GOOD, today=TODAY)
    shutil.copytree(GOOD / "landelijk", tmp_path / "landelijk")
    path = tmp_path / "landelijk" / f"{slug}.yaml"
    path.write_text(filled_in(scheme_text(catalog.municipalities["landelijk"], slug, TODAY)), encoding="utf-8")
    loaded = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert not loaded.problems, [str(problem) for problem in loaded.problems]
    assert "Nederland" in loaded.schemes[f"landelijk/{slug}"].for_whom


def test_new_never_overwrites_an_existing_file(runner, data_dir):
    """An existing scheme is left exactly as it was, with a clear message and a non-zero exit."""
    path = data_dir / "oss" / "voorbeeld.yaml"
    before = path.read_bytes()
    result = runner.invoke(args=["regelingen", "new", "oss", "voorbeeld"])
    assert result.exit_code == 1
    assert "bestaat al" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("municipality", "slug", "message"),
    [
        ("amsterdam", "energietoeslag", "onbekende gemeente 'amsterdam'; kies uit: landelijk, oss"),
        ("oss", "Energie_Toeslag", "mag alleen kleine letters, cijfers en '-' bevatten"),
        ("oss", "../../buiten", "mag alleen kleine letters"),
        ("oss", "energie toeslag", "mag alleen kleine letters"),
    ],
)
def test_new_refuses_unknown_municipality_and_bad_names(runner, data_dir, municipality, slug, message):
    """Bad input gets a specific Dutch message and a non-zero exit, and no file is written anywhere."""
    before = sorted(data_dir.rglob("*"))
    result = runner.invoke(args=["regelingen", "new", municipality, slug])
    assert result.exit_code == 1
    assert message in result.output
    assert sorted(data_dir.rglob("*")) == before


def test_new_works_for_a_municipality_that_only_has_its_folder(runner, data_dir):
    """A new municipality needs no code change: its folder with a valid _gemeente.yaml is enough."""
    shutil.copytree(data_dir / "oss", data_dir / "meppel", ignore=shutil.ignore_patterns("voorbeeld.yaml"))
    result = runner.invoke(args=["regelingen", "new", "meppel", "energietoeslag"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "meppel" / "energietoeslag.yaml").is_file()


def test_new_refuses_a_folder_whose_municipality_file_is_broken(runner, data_dir):
    """A broken _gemeente.yaml has no contact to fill in: fix that first, says the message."""
    (data_dir / "meppel").mkdir()
    (data_dir / "meppel" / "_gemeente.yaml").write_text("naam: [", encoding="utf-8")
    result = runner.invoke(args=["regelingen", "new", "meppel", "energietoeslag"])
    assert result.exit_code == 1
    assert "de map 'meppel' heeft geen geldig _gemeente.yaml" in result.output
    assert not (data_dir / "meppel" / "energietoeslag.yaml").exists()
