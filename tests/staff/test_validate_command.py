"""`flask regelingen validate`, and its old name `check` that scripts may still use."""

from __future__ import annotations

from pathlib import Path

from testapp import make_app

BROKEN = Path(__file__).parents[1] / "data" / "validation" / "broken" / "oss"


def _runner(tmp_path):
    data = Path(__file__).parents[1] / "data" / "validation" / "good"
    app = make_app(tmp_path, data)
    return app.test_cli_runner()


def test_validate_lists_problems_and_fails_on_an_error(tmp_path):
    """A broken file: each problem as file:line: message, a summary, and exit code 1."""
    broken = sorted(BROKEN.glob("*.yaml"))[0]
    result = _runner(tmp_path).invoke(args=["regelingen", "validate", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:" in result.output or broken.name in result.output
    assert "1 bestand(en) gecontroleerd:" in result.output and "0 fout(en)" not in result.output


def test_the_old_name_check_still_works_and_says_it_is_renamed(tmp_path):
    """`regelingen check` gives the same answer as `validate`, with a notice of the new name."""
    runner = _runner(tmp_path)
    broken = sorted(BROKEN.glob("*.yaml"))[0]
    new = runner.invoke(args=["regelingen", "validate", str(broken)])
    old = runner.invoke(args=["regelingen", "check", str(broken)])
    assert old.exit_code == new.exit_code == 1
    assert "heet nu 'regelingen validate'" in old.stderr
    assert old.stdout == new.stdout
