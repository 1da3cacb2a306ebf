"""Loading never lets one bad file take the site down."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from regelingen import load_catalog

VALIDATION = Path(__file__).parents[1] / "data" / "validation"
TODAY = date(2026, 11, 21)


def test_good_folder_loads_into_model_objects():
    """Dutch keys become typed, immutable objects."""
    catalog = load_catalog(VALIDATION / "good", today=TODAY)
    assert not catalog.problems
    scheme = catalog.schemes["oss/voorbeeld"]
    assert scheme.id == "oss/voorbeeld" and scheme.title == "Voorbeeldregeling"
    assert scheme.conditions.income_limit_percent == 120
    assert scheme.amounts[0].for_year(2026) == (2026, 150.0)
    assert scheme.amounts[0].for_year(2030) == (2026, 150.0)
    assert scheme.amounts[0].for_year(2020) == (2025, 140.0)
    assert scheme.checked_on == date(2026, 11, 1)
    assert catalog.municipalities["oss"].covers_postcode("5345")
    assert catalog.municipality_for_postcode("5351 AB").slug == "oss"
    assert catalog.municipality_for_postcode("1234") is None
    assert [s.id for s in catalog.schemes_for("meppel")] == []


def test_broken_file_is_skipped_and_everything_else_serves(tmp_path):
    """Every kind of broken file at once: all reported, the good scheme still loads."""
    data = tmp_path / "schemes"
    shutil.copytree(VALIDATION / "good", data)
    for broken in (VALIDATION / "broken" / "oss").glob("*.yaml"):
        shutil.copy(broken, data / "oss" / broken.name)
    catalog = load_catalog(data, today=TODAY)
    assert "oss/voorbeeld" in catalog.schemes
    broken_names = {problem.path.rsplit("/", 1)[-1] for problem in catalog.errors}
    assert {"yaml-syntax.yaml", "slechte-datum.yaml", "negatief-bedrag.yaml"} <= broken_names
    assert not any(scheme_id.endswith(("yaml-syntax", "slechte-datum")) for scheme_id in catalog.schemes)


def test_schemes_without_a_valid_municipality_file_are_not_published(tmp_path):
    """A folder whose _gemeente.yaml is broken cannot publish schemes without a contact to fall back on."""
    data = tmp_path / "schemes"
    shutil.copytree(VALIDATION / "good", data)
    (data / "oss" / "_gemeente.yaml").write_text("naam: [")
    catalog = load_catalog(data, today=TODAY)
    assert "oss/voorbeeld" not in catalog.schemes
    assert any("_gemeente.yaml" in problem.message for problem in catalog.errors)


def test_shipped_data_loads_without_errors():
    """The real scheme files all pass validation."""
    catalog = load_catalog(today=date.today())
    assert not catalog.errors, "\n".join(map(str, catalog.errors))
    assert set(catalog.municipalities) == {"meppel", "midden-groningen", "nieuwegein", "nijmegen", "oss", "landelijk"}


def test_a_new_municipality_is_a_folder_with_its_own_municipality_file(tmp_path):
    """No list in the code: a folder with a valid _gemeente.yaml is a municipality, its schemes load."""
    data = tmp_path / "schemes"
    shutil.copytree(VALIDATION / "good", data)
    shutil.copytree(data / "oss", data / "meppel")
    catalog = load_catalog(data, today=TODAY)
    assert "meppel" in catalog.municipalities and "meppel/voorbeeld" in catalog.schemes
    assert [s.id for s in catalog.schemes_for("meppel")] == ["meppel/voorbeeld"]


def test_a_folder_without_municipality_file_is_named_with_the_folders_that_exist(tmp_path):
    """A file in a folder that is no municipality is refused, and the message names the folders to choose from."""
    data = tmp_path / "schemes"
    shutil.copytree(VALIDATION / "good", data)
    (data / "os").mkdir()
    shutil.copy(data / "oss" / "voorbeeld.yaml", data / "os")
    catalog = load_catalog(data, today=TODAY)
    assert "os/voorbeeld" not in catalog.schemes
    messages = [problem.message for problem in catalog.errors if problem.path.endswith("os/voorbeeld.yaml")]
    assert messages == [
        "dit bestand staat in een onbekende map 'os'; kies uit: landelijk, oss. "
        "Is het een nieuwe gemeente? Zet dan eerst een _gemeente.yaml in de map."
    ]
