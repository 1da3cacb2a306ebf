"""Hostile edits to real scheme files never crash the loader, and never take other files down."""

from __future__ import annotations

import shutil
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelingen import load_catalog
from regelingen.files import yamlfile

ROOT = Path(__file__).resolve().parents[2] / "data" / "schemes"
REAL_FILES = sorted(path for path in ROOT.glob("*/*.yaml") if path.name != "_gemeente.yaml")
TODAY = date(2026, 11, 21)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that YAML gives meaning to, plus anything Unicode can encode (surrogates cannot be written as UTF-8).
YAML_SYNTAX = st.sampled_from(
    [
        ":",
        ": ",
        "- ",
        "\t",
        "'",
        '"',
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object/apply:os.system ['true']",
        "!!binary ",
        "!!int x ",
        "!!bool x ",
        "!!float . ",
        "! ",
        "? ",
        "|",
        ">-",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "#",
        "\\",
        "\ufeff",
        "\x00",
        "\x85",
        "\u2028",
    ]
)
UNICODE = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
SCALARS = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none().map(lambda _: "~"),
    st.sampled_from(["2026-13-45", "2026-02-30", "yes", "no", "-.inf", "0x1F", "1e999", "[]", "{}", "''", "null"]),
    UNICODE.map(repr),
)


def _municipality_folder(folder: Path) -> None:
    """Make `folder` a municipality's folder, as in the real data: it has that municipality's `_gemeente.yaml`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / folder.name / "_gemeente.yaml", folder)


def _line_edit(text: str, index: int, edit) -> str:
    lines = text.splitlines(keepends=True) or [""]
    index %= len(lines)
    return "".join(lines[:index] + edit(lines, index) + lines[index + 1 :])


def _replace_value(line: str, value: str) -> list[str]:
    key, colon, _ = line.partition(":")
    return [f"{key}: {value}\n" if colon else f"{value}\n"]


def _mutation(draw) -> object:
    """One random edit of the file's text, as a function from text to text."""
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "truncate", "value"]))
    index, other = draw(st.integers(0, 10_000)), draw(st.integers(0, 10_000))
    if kind == "delete":
        return lambda text: _line_edit(text, index, lambda lines, i: [])
    if kind == "duplicate":
        return lambda text: _line_edit(text, index, lambda lines, i: [lines[i], lines[i]])
    if kind == "swap":
        return lambda text: _line_edit(text, index, lambda lines, i: [lines[other % len(lines)]])
    if kind == "indent":
        prefix = draw(st.sampled_from(["", " ", "   ", "\t", "      "]))
        return lambda text: _line_edit(text, index, lambda lines, i: [prefix + lines[i].lstrip(" ")])
    if kind == "insert":
        chunk = draw(st.one_of(YAML_SYNTAX, UNICODE))
        return lambda text: text[: index % (len(text) + 1)] + chunk + text[index % (len(text) + 1) :]
    if kind == "truncate":
        return lambda text: text[: index % (len(text) + 1)]
    value = str(draw(SCALARS))
    return lambda text: _line_edit(text, index, lambda lines, i: _replace_value(lines[i], value))


@st.composite
def mutated_text(draw) -> tuple[Path, str]:
    """A real scheme file and its text after one to four random edits."""
    source = draw(st.sampled_from(REAL_FILES))
    text = source.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        text = _mutation(draw)(text)
    return source, text


@st.composite
def mutated_bytes(draw) -> tuple[Path, bytes]:
    """A real scheme file with random bytes spliced in (often not UTF-8 at all)."""
    source = draw(st.sampled_from(REAL_FILES))
    data = source.read_bytes()
    at = draw(st.integers(0, len(data)))
    return source, data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at + draw(st.integers(0, 64)) :]


def _check(folder: Path, source: Path, write) -> None:
    """Load the fuzzed file next to an untouched copy of its source and check the loader's promises."""
    target = folder / source.parent.name
    _municipality_folder(target)
    fuzzed, intact = target / "gefuzzd.yaml", target / source.name
    write(fuzzed)
    intact.write_bytes(source.read_bytes())
    baseline = load_catalog(folder, today=TODAY, paths=[intact])
    catalog = load_catalog(folder, today=TODAY, paths=[fuzzed, intact])
    line_counts = {path.name: path.read_bytes().count(b"\n") + 1 for path in (fuzzed, intact)}
    for problem in catalog.problems:
        assert problem.path and problem.message.strip(), problem
        assert isinstance(problem.line, int) and 1 <= problem.line <= line_counts[Path(problem.path).name], problem
    fuzzed_id = f"{source.parent.name}/gefuzzd"
    if fuzzed_id not in catalog.schemes:  # a file that does not load always says why
        assert any(p.is_error and p.path.endswith("gefuzzd.yaml") for p in catalog.problems)
    assert set(baseline.schemes) <= set(catalog.schemes)


@FUZZ
@given(case=mutated_text())
def test_mutated_text_never_crashes_the_loader(tmp_path_factory, case):
    """Deleted, doubled, swapped, re-indented, truncated or garbled lines: reported, never raised."""
    source, text = case
    _check(tmp_path_factory.mktemp("fuzz"), source, lambda path: path.write_text(text, encoding="utf-8"))


@FUZZ
@given(case=mutated_bytes())
def test_random_bytes_never_crash_the_loader(tmp_path_factory, case):
    """Bytes that are not UTF-8 (or not YAML) are a clear problem on line 1 or later."""
    source, data = case
    _check(tmp_path_factory.mktemp("fuzz"), source, lambda path: path.write_bytes(data))


def test_alias_bomb_is_rejected_quickly(tmp_path):
    """A 'billion laughs' file of nested YAML aliases must not hang the loader (or a worker)."""
    bomb = textwrap.dedent(
        """\
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        titel: [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        """
    )
    path = tmp_path / "oss" / "bom.yaml"
    _municipality_folder(path.parent)
    path.write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    catalog = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert time.perf_counter() - started < 5
    assert "oss/bom" not in catalog.schemes
    assert any("verwijzing" in problem.message and problem.line == 2 for problem in catalog.errors)


@pytest.mark.parametrize("depth", [40, 5_000])
def test_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path, depth):
    """`[[[[…]]]]` thousands deep once raised RecursionError, which would stop the whole site from starting."""
    path = tmp_path / "oss" / "diep.yaml"
    _municipality_folder(path.parent)
    path.write_text("titel: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    catalog = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert "oss/diep" not in catalog.schemes
    assert any("niveaus" in problem.message and problem.line == 1 for problem in catalog.errors)


@pytest.mark.parametrize(
    "value", ["!!int x", "!!bool x", "!!float .", "!!python/object/apply:os.system ['true']", "! tekst"]
)
def test_tags_are_a_problem_not_a_crash(tmp_path, value):
    """`!!int x` once raised ValueError (and `!!bool x` KeyError) from PyYAML's constructor."""
    path = tmp_path / "oss" / "label.yaml"
    _municipality_folder(path.parent)
    path.write_text(f"samenvatting: Hulp\ntitel: {value}\n", encoding="utf-8")
    catalog = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert [(problem.line, "!!" in problem.message) for problem in catalog.errors] == [(2, True)]


@pytest.mark.parametrize("text", ["a: [B? ewijs, X]\n", "a: {b: c?d}\n", "a: [tijd: 9:00]\n"])
def test_plain_values_in_brackets_are_read_as_the_checked_parser_reads_them(text):
    """In brackets libyaml reads `?` and `:` inside a plain value where PyYAML stops (found by the fuzz test below)."""
    try:
        checked = yamlfile._parse_checked(text)[1]
    except yamlfile.YamlSyntaxError as error:
        checked = str(error)
    try:
        fast = yamlfile.parse_yaml(text).data
    except yamlfile.YamlSyntaxError as error:
        fast = str(error)
    assert fast == checked


@FUZZ
@given(case=mutated_text())
def test_fast_parser_reads_exactly_what_the_checked_parser_reads(case):
    """libyaml (the fast path) and the pure-Python parser agree on data, field lines and errors for any edit."""
    _source, text = case
    try:
        document = yamlfile.parse_yaml(text)
        fast = (document.data, document.lines)
    except yamlfile.YamlSyntaxError as error:
        fast = ("error", str(error), error.line)
    try:
        node, data = yamlfile._parse_checked(text)
        lines: dict = {}
        if node is not None:
            yamlfile._walk(node, (), lines, [], yamlfile._line_counter(text))
        checked = (data, lines)
    except yamlfile.YamlSyntaxError as error:
        checked = ("error", str(error), error.line)
    assert fast == checked


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_lines_are_counted_as_an_editor_counts_them(tmp_path, separator):
    """YAML also breaks lines at NEL and the Unicode separators; a problem's line is the one an editor shows.

    Found by the fuzz test: a one-line file with a separator in it was reported on line 2.
    """
    path = tmp_path / "oss" / "scheiding.yaml"
    _municipality_folder(path.parent)
    path.write_text(f"titel: Een{separator}samenvatting: [\n", encoding="utf-8")
    catalog = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert [problem.line for problem in catalog.problems if problem.path.endswith("scheiding.yaml")] == [2]
    path.write_text(f"titel: Een{separator}titel: twee\n", encoding="utf-8")
    catalog = load_catalog(tmp_path, today=TODAY, paths=[path])
    assert {problem.line for problem in catalog.problems if problem.path.endswith("scheiding.yaml")} == {1}
