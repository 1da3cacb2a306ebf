"""Check one data file: YAML syntax, the JSON Schema, and the rules a schema cannot express."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from regelingen.codes import is_slug
from regelingen.files.messages import describe, field_name
from regelingen.files.placeholders import placeholder_problems
from regelingen.files.problems import ERROR, WARNING, Problem
from regelingen.files.schema import MUNICIPALITY_SCHEMA, SCHEME_SCHEMA, validator
from regelingen.files.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml, yaml_problem_in_dutch
from regelingen.model import NATIONAL

MUNICIPALITY_FILE = "_gemeente.yaml"
STALE_AFTER = timedelta(days=365)


def check_text(text: str, shown_path: str, folder: str, filename: str, today: date) -> tuple[Any, list[Problem]]:
    """Validate one file's text; return its data (None when unusable) and every problem found."""
    problems = _name_problems(shown_path, filename)
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as error:
        message = f"de YAML klopt niet: {yaml_problem_in_dutch(str(error))}"
        return None, problems + [Problem(shown_path, error.line, message)]
    if not isinstance(document.data, dict):
        return None, problems + [Problem(shown_path, 1, "het bestand moet velden bevatten, zoals 'titel: ...'")]
    data = _as_json(document.data)
    schema = MUNICIPALITY_SCHEMA if filename == MUNICIPALITY_FILE else SCHEME_SCHEMA
    problems += _duplicate_key_problems(shown_path, document)
    problems += _schema_problems(shown_path, document, data, schema)
    if schema == SCHEME_SCHEMA:
        problems += _scheme_rules(shown_path, document, data, today)
        problems += placeholder_problems(shown_path, document, data)
    else:
        problems += _municipality_rules(shown_path, document, data, folder)
    return data, problems


def folder_problems(shown_path: str, folder: str, known: Collection[str]) -> list[Problem]:
    """A file must sit in a municipality's folder: one of `known`, the folders with a `_gemeente.yaml`."""
    if folder in known:
        return []
    message = (
        f"dit bestand staat in een onbekende map '{folder}'; kies uit: {', '.join(known) or '(nog geen)'}. "
        f"Is het een nieuwe gemeente? Zet dan eerst een {MUNICIPALITY_FILE} in de map."
    )
    return [Problem(shown_path, 1, message)]


def _name_problems(shown_path: str, filename: str) -> list[Problem]:
    """A file must be named `<slug>.yaml`."""
    problems = []
    stem, suffix = Path(filename).stem, Path(filename).suffix
    if suffix != ".yaml":
        problems.append(Problem(shown_path, 1, f"de bestandsnaam moet eindigen op .yaml (nu: '{suffix}')"))
    elif filename != MUNICIPALITY_FILE and not is_slug(stem):
        problems.append(
            Problem(shown_path, 1, f"de bestandsnaam '{stem}' mag alleen kleine letters, cijfers en '-' bevatten")
        )
    return problems


def _as_json(value: Any) -> Any:
    """Make YAML data JSON-shaped: keys as text, so year keys like 2026 validate."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _duplicate_key_problems(shown_path: str, document: YamlDocument) -> list[Problem]:
    return [
        Problem(
            shown_path,
            line,
            f"'{field_name(path)}' staat twee keer in het bestand; laat er één staan",
            field_name(path),
        )
        for path, line in document.duplicate_keys
    ]


def _schema_problems(shown_path: str, document: YamlDocument, data: dict, schema: str) -> list[Problem]:
    problems = []
    for error in sorted(validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path, message = describe(error)
        problems.append(Problem(shown_path, document.line_of(path), message, field_name(path)))
    return problems


def _scheme_rules(shown_path: str, document: YamlDocument, data: dict, today: date) -> list[Problem]:
    """Rules across fields, and the warnings about facts that may be out of date."""
    problems: list[Problem] = []

    def add(path: tuple, message: str, severity: str = ERROR) -> None:
        problems.append(Problem(shown_path, document.line_of(path), message, field_name(path), severity))

    found = data.get("voorwaarden")
    conditions: dict[str, Any] = found if isinstance(found, dict) else {}
    for low, high in (("leeftijd_min", "leeftijd_max"), ("kind_leeftijd_min", "kind_leeftijd_max")):
        if _is_int(conditions.get(low)) and _is_int(conditions.get(high)) and conditions[low] > conditions[high]:
            add(("voorwaarden", low), f"'voorwaarden.{low}' is hoger dan 'voorwaarden.{high}'")
    if conditions.get("tot_aow_leeftijd") and conditions.get("vanaf_aow_leeftijd"):
        add(
            ("voorwaarden", "vanaf_aow_leeftijd"),
            "een regeling kan niet 'tot_aow_leeftijd' én 'vanaf_aow_leeftijd' zijn",
        )

    checked = _date(data.get("gecontroleerd_op"))
    if checked and checked > today:
        add(
            ("gecontroleerd_op",),
            f"'gecontroleerd_op' ligt in de toekomst ({checked}); vul de datum van de controle in",
        )
    elif checked and today - checked > STALE_AFTER:
        add(
            ("gecontroleerd_op",),
            f"de feiten zijn voor het laatst gecontroleerd op {checked}: meer dan 12 maanden geleden; controleer ze opnieuw",
            WARNING,
        )

    valid_from, valid_until = _date(data.get("geldig_vanaf")), _date(data.get("geldig_tot"))
    if valid_from and valid_until and valid_from > valid_until:
        add(("geldig_tot",), "'geldig_tot' ligt vóór 'geldig_vanaf'")
    if valid_until and valid_until < today and data.get("status") == "actief":
        add(
            ("geldig_tot",),
            f"'geldig_tot' ({valid_until}) is voorbij; zet de status op 'beëindigd' of pas de datum aan",
            WARNING,
        )

    amounts = (data.get("wat_krijgt_u") or {}).get("bedragen") if isinstance(data.get("wat_krijgt_u"), dict) else None
    for index, amount in enumerate(amounts if isinstance(amounts, list) else []):
        years = amount.get("waarden") if isinstance(amount, dict) else None
        known_years = [year for year in years if year.isdigit()] if isinstance(years, dict) else []
        if known_years and str(today.year) not in known_years:
            latest = max(known_years)
            add(
                ("wat_krijgt_u", "bedragen", index, "waarden"),
                f"er staat geen bedrag voor {today.year}; de site toont nu het bedrag uit {latest} met de melding dat het oud kan zijn",
                WARNING,
            )
    return problems


def _municipality_rules(shown_path: str, document: YamlDocument, data: dict, folder: str) -> list[Problem]:
    if folder == NATIONAL:
        return []
    return [
        Problem(shown_path, 1, f"'{key}' ontbreekt; dit veld is verplicht voor een gemeente", key)
        for key in ("cbs_code", "postcodes")
        if key not in data
    ]


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
