"""The bijstandsnormen (net per month, per household type, per half year), read from their own data file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from regelingen.catalog import shown_path
from regelingen.files.messages import describe, field_name
from regelingen.files.problems import WARNING, Problem
from regelingen.files.schema import validator
from regelingen.files.yamlfile import YamlSyntaxError, parse_yaml, yaml_problem_in_dutch

NORMS_FILE = Path(__file__).resolve().parents[2] / "data" / "normen" / "bijstandsnormen.yaml"
NORMS_SCHEMA = "normen.schema.json"
HOUSEHOLDS = ("alleenstaand", "alleenstaande_ouder", "samenwonend", "alleenstaand_aow", "samenwonend_aow")


@dataclass(frozen=True)
class Period:
    """The norms that apply from `start` until the next period starts."""

    start: date
    amounts: Mapping[str, float]


@dataclass(frozen=True)
class Norms:
    """Every period of bijstandsnormen in the file, oldest first, with where they come from."""

    periods: tuple[Period, ...]
    source_url: str
    checked_on: date
    checked_by: str

    def period_for(self, on_date: date) -> Period | None:
        """The period in force on `on_date`: the latest one that started on or before it."""
        started = [period for period in self.periods if period.start <= on_date]
        return started[-1] if started else None

    def norm_for(self, household: str, on_date: date) -> float | None:
        """The net monthly norm for `household` (one of HOUSEHOLDS) on `on_date`, if the file has one."""
        period = self.period_for(on_date)
        return period.amounts.get(household) if period else None

    def is_current(self, on_date: date) -> bool:
        """True when the file has figures for the half year that `on_date` lies in."""
        period = self.period_for(on_date)
        return period is not None and period.start >= half_year_start(on_date)


def half_year_start(day: date) -> date:
    """1 January or 1 July: the day the norms last changed (they change twice a year)."""
    return date(day.year, 1 if day.month < 7 else 7, 1)


def load_norms(path: Path = NORMS_FILE) -> tuple[Norms | None, tuple[Problem, ...]]:
    """Read and validate the norms file; return the norms (None when unusable) and the problems found."""
    shown = shown_path(path)
    try:
        document = parse_yaml(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return None, (Problem(shown, 1, "het bestand met bijstandsnormen ontbreekt of kan niet gelezen worden"),)
    except UnicodeDecodeError as error:
        return None, (Problem(shown, 1, f"het bestand kan niet gelezen worden als UTF-8-tekst: {error}"),)
    except YamlSyntaxError as error:
        return None, (Problem(shown, error.line, f"de YAML klopt niet: {yaml_problem_in_dutch(str(error))}"),)
    data = document.data
    problems = []
    for issue in sorted(validator(NORMS_SCHEMA).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where, message = describe(issue)
        problems.append(Problem(shown, document.line_of(where), message, field_name(where)))
    if problems:
        return None, tuple(problems)
    seen: set[str] = set()
    for index, item in enumerate(data["perioden"]):
        if item["vanaf"] in seen:
            where = ("perioden", index, "vanaf")
            message = f"de periode vanaf {item['vanaf']} staat twee keer in het bestand; laat er één staan"
            return None, (Problem(shown, document.line_of(where), message, field_name(where)),)
        seen.add(item["vanaf"])
    periods = sorted(
        (
            Period(date.fromisoformat(item["vanaf"]), MappingProxyType(dict(item["bedragen_per_maand"])))
            for item in data["perioden"]
        ),
        key=lambda period: period.start,
    )
    norms = Norms(
        tuple(periods), data["bron"]["url"], date.fromisoformat(data["gecontroleerd_op"]), data["gecontroleerd_door"]
    )
    return norms, ()


def currency_problems(norms: Norms | None, today: date, path: Path = NORMS_FILE) -> tuple[Problem, ...]:
    """A warning for staff when the current half year has no figures yet (the check then uses older ones)."""
    if norms is None or norms.is_current(today):
        return ()
    due = half_year_start(today)
    period = norms.period_for(today)
    fallback = (
        f"de check gebruikt nu de bedragen vanaf {period.start}"
        if period
        else "de check kan inkomens nu niet vergelijken"
    )
    message = f"er staan geen bijstandsnormen voor de periode vanaf {due}; {fallback}. Zet de nieuwe bedragen erbij"
    return (Problem(shown_path(path), 1, message, "perioden", WARNING),)


def norms_problems(path: Path, today: date) -> tuple[Problem, ...]:
    """Every problem with the norms file, the warning about a missing half year included."""
    norms, problems = load_norms(path)
    return problems + currency_problems(norms, today, path)
