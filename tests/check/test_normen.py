"""The bijstandsnormen file (regelingen/check/normen.py): loading, validation in Dutch, the norm per date, the staff warning."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from checkhelp import NORMS, OLD_NORMS, SCHEMES, TODAY, make_app, norms
from sitepage import make_app as make_page_app

from regelingen.check.normen import NORMS_FILE, currency_problems, half_year_start, load_norms, norms_problems
from views.catalog import current_norms


def test_norm_for_picks_the_period_in_force():
    """Each date gets the figures of the latest period that started on or before it."""
    loaded = norms()
    assert loaded.norm_for("alleenstaand", date(2026, 6, 30)) == 1300
    assert loaded.norm_for("alleenstaand", date(2026, 7, 1)) == 1400
    assert loaded.norm_for("samenwonend_aow", TODAY) == 2100
    assert loaded.norm_for("alleenstaand", date(2025, 12, 31)) is None, "before the first period there is no norm"
    assert loaded.source_url == "https://www.example.org/bijstandsnormen"


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2026, 1, 1), date(2026, 1, 1)),
        (date(2026, 6, 30), date(2026, 1, 1)),
        (date(2026, 7, 1), date(2026, 7, 1)),
        (date(2026, 12, 31), date(2026, 7, 1)),
    ],
)
def test_half_year_start(day, start):
    """The norms change on 1 January and 1 July."""
    assert half_year_start(day) == start


def test_current_period_gives_no_warning():
    """With figures for this half year, staff are not warned."""
    assert norms().is_current(TODAY)
    assert currency_problems(norms(), TODAY, NORMS) == ()


def test_missing_half_year_warns_staff_and_the_check_uses_the_older_figures():
    """Without figures from 1 July, the warning names the missing period and the figures still in use."""
    old = norms(OLD_NORMS)
    assert not old.is_current(TODAY)
    assert old.norm_for("alleenstaand", TODAY) == 1300
    (problem,) = currency_problems(old, TODAY, OLD_NORMS)
    assert not problem.is_error
    assert "2026-07-01" in problem.message and "2026-01-01" in problem.message


def test_the_real_norms_file_is_valid():
    """The norms file the site uses passes its own schema (its currency may lag: that is a warning only)."""
    loaded, problems = load_norms(NORMS_FILE)
    assert loaded is not None and problems == ()
    assert all(not problem.is_error for problem in norms_problems(NORMS_FILE, date.today()))


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "bron: {url: https://example.org/x}\ngecontroleerd_op: 2026-11-01\ngecontroleerd_door: Team\n",
            1,
            "'perioden' ontbreekt",
        ),
        (
            "bron: {url: https://example.org/x}\ngecontroleerd_op: 2026-11-01\ngecontroleerd_door: Team\nperioden:\n"
            "  - vanaf: 2026-07-01\n    bedragen_per_maand: {alleenstaand: 1400, alleenstaande_ouder: 1400, samenwonend: 2000, alleenstaand_aow: 1500}\n",
            6,
            "'perioden[1].bedragen_per_maand.samenwonend_aow' ontbreekt",
        ),
        (
            "bron: {url: https://example.org/x}\ngecontroleerd_op: 2026-11-01\ngecontroleerd_door: Team\nperioden:\n"
            "  - vanaf: 1 juli\n    bedragen_per_maand: {alleenstaand: 1400, alleenstaande_ouder: 1400, samenwonend: 2000, alleenstaand_aow: 1500, samenwonend_aow: -3}\n",
            5,
            "moet een datum zijn",
        ),
        ("perioden: [\n", 2, "de YAML klopt niet"),
    ],
)
def test_broken_files_get_a_dutch_message_with_the_line(tmp_path, text, line, words):
    """A broken norms file is reported, never loaded half, with the line to look at."""
    path = tmp_path / "bijstandsnormen.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_norms(path)
    assert loaded is None
    assert any(words in problem.message and problem.line == line for problem in problems), problems


def test_negative_amount_and_duplicate_period_are_errors(tmp_path):
    """An amount below 1 euro and a period listed twice are errors."""
    amounts = "{alleenstaand: 1400, alleenstaande_ouder: 1400, samenwonend: 2000, alleenstaand_aow: 1500, samenwonend_aow: %s}"
    head = "bron: {url: https://example.org/x}\ngecontroleerd_op: 2026-11-01\ngecontroleerd_door: Team\nperioden:\n"
    negative = tmp_path / "negatief.yaml"
    negative.write_text(head + f"  - vanaf: 2026-07-01\n    bedragen_per_maand: {amounts % -3}\n", encoding="utf-8")
    assert any("minstens 1" in problem.message for problem in load_norms(negative)[1])
    twice = tmp_path / "dubbel.yaml"
    period = f"  - vanaf: 2026-07-01\n    bedragen_per_maand: {amounts % 2100}\n"
    twice.write_text(head + period + period, encoding="utf-8")
    loaded, problems = load_norms(twice)
    assert loaded is None and "twee keer" in problems[0].message and problems[0].line == 7


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    """Without a norms file the check still works; staff see an error."""
    loaded, problems = load_norms(tmp_path / "weg.yaml")
    assert loaded is None and problems[0].is_error and "ontbreekt" in problems[0].message


def test_check_command_warns_about_a_missing_half_year(tmp_path):
    """`flask regelingen validate` lists the norms warning with the other problems; it is not an error."""
    runner = make_app(tmp_path, OLD_NORMS).test_cli_runner()
    result = runner.invoke(args=["regelingen", "validate"])
    assert result.exit_code == 0, result.output
    assert (
        "normen-oud.yaml:1: waarschuwing: er staan geen bijstandsnormen voor de periode vanaf 2026-07-01"
        in result.output
    )
    current = make_app(tmp_path).test_cli_runner().invoke(args=["regelingen", "validate"])
    assert "bijstandsnormen" not in current.output and "0 fout(en), 0 waarschuwing(en)" in current.output


def test_check_command_fails_on_a_broken_norms_file(tmp_path):
    """A broken norms file makes the check command fail, like a broken scheme file."""
    broken = tmp_path / "normen.yaml"
    broken.write_text("perioden: []\n", encoding="utf-8")
    result = make_app(tmp_path, broken).test_cli_runner().invoke(args=["regelingen", "validate"])
    assert result.exit_code == 1
    assert "normen.yaml" in result.output


def test_new_norms_are_served_with_the_next_publication(tmp_path):
    """Norms for a new half year go live like a changed scheme file: published again, without a restart.

    RECHECK_SECONDS=0 and WATCH_SHARE=1.0: every request looks for a change (no pause after a slow look)."""
    norms_file = tmp_path / "normen.yaml"
    shutil.copy(OLD_NORMS, norms_file)
    app = make_page_app(tmp_path, SCHEMES, NORMEN_FILE=str(norms_file), RECHECK_SECONDS=0, WATCH_SHARE=1.0)
    client = app.test_client()
    assert client.get("/check").status_code == 200
    with app.test_request_context():
        assert current_norms().norm_for("alleenstaand", date(2026, 7, 1)) == 1300
    shutil.copy(NORMS, norms_file)
    assert client.get("/check").status_code == 200
    with app.test_request_context():
        assert current_norms().norm_for("alleenstaand", date(2026, 7, 1)) == 1400
