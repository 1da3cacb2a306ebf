"""Example text from `regelingen new` left in a file is an error at its line, so it never reaches a resident."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from testapp import make_app

from regelingen import load_catalog
from regelingen.files.placeholders import placeholder_problems
from regelingen.files.yamlfile import parse_yaml
from staff.newfile import scheme_text

GOOD = Path(__file__).parents[1] / "data" / "validation" / "good"
TODAY = date(2026, 11, 21)
# A commented-out example field, as in test_newfile.py: removing '# ' turns it into a working field.
EXAMPLE_FIELD = re.compile(r"^(\s*)# (\s*(?:[a-z_]+:|- ))", re.M)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A writable data folder with Oss and landelijk."""
    shutil.copytree(GOOD, tmp_path / "schemes")
    return tmp_path / "schemes"


def write_starting_file(data_dir: Path, text_of=lambda text: text) -> tuple[Path, list[str]]:
    """Write the starting file for oss/energietoeslag (changed by `text_of`); return its path and lines."""
    catalog = load_catalog(data_dir, today=TODAY)
    text = text_of(scheme_text(catalog.municipalities["oss"], "energietoeslag", TODAY))
    path = data_dir / "oss" / "energietoeslag.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines()


def test_each_placeholder_is_an_error_at_its_own_line(data_dir):
    """The four texts staff must write are named with their field and line, in Dutch, as errors."""
    path, lines = write_starting_file(data_dir)
    problems = load_catalog(data_dir, today=TODAY, paths=[path]).problems
    expected = [
        ("samenvatting", "samenvatting: >-"),
        ("wat_krijgt_u.tekst", "tekst: Schrijf hier wat iemand krijgt"),
        ("voorwaarden.tekst[2]", "- Schrijf hier de andere voorwaarden"),
        ("bronnen[1].titel", "titel: Vervang dit door de pagina"),
    ]
    assert [problem.field for problem in problems] == [field for field, _ in expected]
    for problem, (_, line_text) in zip(problems, expected):
        assert problem.is_error and problem.path == str(path)
        assert line_text in lines[problem.line - 1], (problem.line, lines[problem.line - 1])
        assert f"'{problem.field}' bevat nog de voorbeeldtekst: \"" in problem.message
        assert problem.message.endswith("Vervang die door de echte tekst.")


def test_a_file_with_placeholders_stays_off_the_site(data_dir):
    """The loader leaves the scheme out, so no resident sees "Schrijf hier ..."."""
    path, _ = write_starting_file(data_dir)
    catalog = load_catalog(data_dir, today=TODAY)
    assert "oss/energietoeslag" not in catalog.schemes
    assert {problem.path for problem in catalog.errors} == {str(path)}


def test_check_after_new_lists_what_to_fill_in(data_dir, tmp_path):
    """`new` then `check`: every placeholder as file:line: message, and a failing exit code."""
    app = make_app(tmp_path, data_dir)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["regelingen", "new", "oss", "energietoeslag"]).exit_code == 0
    path = data_dir / "oss" / "energietoeslag.yaml"
    result = runner.invoke(args=["regelingen", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:11: 'samenvatting' bevat nog de voorbeeldtekst: \"Schrijf hier in één" in result.output
    assert "4 fout(en), 0 waarschuwing(en)" in result.output


def test_example_addresses_and_numbers_of_optional_fields_are_placeholders_too(data_dir):
    """Uncommenting an example without changing it (a voorbeeld.nl address, a 0000 number) is caught."""
    path, _ = write_starting_file(data_dir, lambda text: EXAMPLE_FIELD.sub(r"\1\2", text))
    problems = load_catalog(data_dir, today=TODAY, paths=[path]).problems
    fields = {problem.field: problem.message for problem in problems}
    assert {
        "samenvatting_vertaald.en",
        "aanvragen.online_url",
        "aanvragen.formulier_url",
        "hulp_bij_aanvragen[1].telefoon",
        "hulp_bij_aanvragen[1].url",
        "contact.email",
        "contact.adres",
    } <= set(fields)
    assert (
        "is nog het voorbeeld 'https://www.voorbeeld.nl/aanvragen'. Vul het echte adres in"
        in fields["aanvragen.online_url"]
    )
    assert "voorbeeldnummer '0800-0000000'. Vul het echte telefoonnummer in" in fields["hulp_bij_aanvragen[1].telefoon"]
    assert all(problem.is_error and "voorbeeld" in problem.message for problem in problems)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("samenvatting: Schrijf hier wat de regeling is.", True),
        ("samenvatting: '  Vervang dit door de echte tekst'", True),
        ("samenvatting: Schrijf hiervoor een brief aan de gemeente.", False),
        ("samenvatting: U krijgt een nieuwe pas. Vervang dit jaar uw oude pas.", False),
        ("contact: {url: 'https://www.voorbeeld.nl/aanvragen'}", True),
        ("contact: {email: INFO@VOORBEELD.NL}", True),
        ("contact: {url: 'https://www.mijnvoorbeeld.nl/hulp'}", False),
        ("contact: {telefoon: 14 0000}", True),
        ("contact: {telefoon: 14 0412}", False),
        ("zoektermen: [voorbeeld, schrijf hier]", False),
    ],
)
def test_only_the_starting_file_s_own_examples_count(text, flagged):
    """Real text that merely looks alike is left alone."""
    document = parse_yaml(text)
    assert bool(placeholder_problems("x.yaml", document, document.data)) == flagged
