"""Every kind of broken file gets a message that names the file, the line and the field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from regelingen import load_catalog

VALIDATION = Path(__file__).parents[1] / "data" / "validation"
BROKEN = VALIDATION / "broken"
GOOD = VALIDATION / "good"
TODAY = date(2026, 11, 21)

# file, line, field named in the message, a fragment of the expected Dutch text
ERRORS = [
    ("oss/yaml-syntax.yaml", 4, "", "aanhalingsteken wordt niet gesloten"),
    ("oss/ontbrekend-veld.yaml", 1, "voor_wie", "ontbreekt; dit veld is verplicht"),
    ("oss/onbekend-veld.yaml", 4, "voor_wei", "Bedoelde u 'voor_wie'?"),
    ("oss/verkeerd-type.yaml", 14, "voorwaarden.leeftijd_min", "moet een heel getal zijn"),
    ("oss/slechte-datum.yaml", 31, "gecontroleerd_op", "moet een datum zijn, zoals 2026-11-01"),
    ("oss/slechte-url.yaml", 27, "contact.url", "moet een webadres zijn"),
    ("oss/slecht-telefoonnummer.yaml", 26, "contact.telefoon", "geen geldig telefoonnummer"),
    ("oss/negatief-bedrag.yaml", 10, "wat_krijgt_u.bedragen[1].waarden.2026", "mag niet negatief zijn"),
    ("oss/bedrag-zonder-jaar.yaml", 10, "wat_krijgt_u.bedragen[1].waarden", "hoort bij een jaar"),
    ("oss/onbekende-categorie.yaml", 3, "categorieen[2]", "moet een van deze waarden zijn"),
    ("oss/dubbel-veld.yaml", 34, "titel", "staat twee keer"),
    ("oss/Slechte_Naam.yaml", 1, "", "mag alleen kleine letters"),
    ("onbekend/verkeerde-map.yaml", 1, "", "onbekende map 'onbekend'"),
]

WARNINGS = [
    ("oss/oude-controle.yaml", 31, "gecontroleerd_op", "meer dan 12 maanden geleden"),
    ("oss/verlopen.yaml", 34, "geldig_tot", "is voorbij"),
]


def _problems(relative: str):
    return load_catalog(BROKEN, today=TODAY, paths=[BROKEN / relative]).problems


@pytest.mark.parametrize(("relative", "line", "field", "fragment"), ERRORS)
def test_each_kind_of_error_names_file_line_and_field(relative, line, field, fragment):
    """The message says which file, which line, which field, and what is expected."""
    errors = [problem for problem in _problems(relative) if problem.is_error]
    matching = [problem for problem in errors if fragment in problem.message]
    assert matching, [str(problem) for problem in errors]
    problem = matching[0]
    assert problem.path.endswith(relative)
    assert problem.line == line
    assert problem.field == field
    if field:
        assert f"'{field}'" in problem.message
    assert str(problem).startswith(f"{problem.path}:{line}: ")


@pytest.mark.parametrize(("relative", "line", "field", "fragment"), WARNINGS)
def test_stale_facts_are_warnings_not_errors(relative, line, field, fragment):
    """Old checks and a passed end date warn, but the scheme still publishes."""
    catalog = load_catalog(BROKEN, today=TODAY, paths=[BROKEN / relative])
    assert not catalog.errors
    warning = next(problem for problem in catalog.problems if fragment in problem.message)
    assert (warning.line, warning.field, warning.severity) == (line, field, "waarschuwing")
    assert "waarschuwing: " in str(warning)
    assert len(catalog.schemes) == 1


def test_missing_amount_for_current_year_warns():
    """A file whose amounts stop at an earlier year warns that the site shows an old figure."""
    catalog = load_catalog(GOOD, today=date(2027, 1, 2))
    warning = next(problem for problem in catalog.problems if "geen bedrag voor 2027" in problem.message)
    assert "uit 2026" in warning.message and not warning.is_error


def test_duplicate_id_is_reported(tmp_path):
    """Two files with the same municipality and slug: the second is refused with a pointer to the first."""
    for name in ("a", "b"):
        shutil.copytree(GOOD, tmp_path / name)
    paths = [tmp_path / "a" / "oss" / "voorbeeld.yaml", tmp_path / "b" / "oss" / "voorbeeld.yaml"]
    catalog = load_catalog(tmp_path / "a", today=TODAY, paths=paths)
    assert list(catalog.schemes) == ["oss/voorbeeld"]
    assert any("het id 'oss/voorbeeld' bestaat al" in problem.message for problem in catalog.errors)


def test_unreadable_bytes_are_reported_not_raised(tmp_path):
    """A file that is not UTF-8 text is a message, not a crash."""
    shutil.copytree(GOOD, tmp_path / "data")
    (tmp_path / "data" / "oss" / "kapot.yaml").write_bytes(b"titel: \xff\xfe kapot")
    catalog = load_catalog(tmp_path / "data", today=TODAY)
    assert any("UTF-8" in problem.message for problem in catalog.errors)
    assert "oss/voorbeeld" in catalog.schemes


def test_a_file_nested_too_deep_is_in_the_wrong_folder(tmp_path):
    """Files must sit directly in data/schemes/<gemeente>/."""
    shutil.copytree(GOOD, tmp_path / "data")
    (tmp_path / "data" / "oss" / "extra").mkdir()
    shutil.copy(GOOD / "oss" / "voorbeeld.yaml", tmp_path / "data" / "oss" / "extra" / "diep.yaml")
    catalog = load_catalog(tmp_path / "data", today=TODAY)
    assert any("verkeerde map" in problem.message for problem in catalog.errors)


def test_age_range_must_be_ordered(tmp_path):
    """A minimum age above the maximum is an error on the minimum's line."""
    shutil.copytree(GOOD, tmp_path / "data")
    path = tmp_path / "data" / "oss" / "voorbeeld.yaml"
    path.write_text(path.read_text().replace("leeftijd_min: 18", "leeftijd_min: 30\n  leeftijd_max: 20"))
    problem = next(p for p in load_catalog(tmp_path / "data", today=TODAY).errors if "hoger dan" in p.message)
    assert problem.field == "voorwaarden.leeftijd_min" and problem.line == 14
