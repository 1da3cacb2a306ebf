"""Read a YAML file safely, keeping the line number of every field."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

MAX_DEPTH = 32


class _DataLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, refuses aliases (`*name`) and tags (`!!int`), and limits nesting.

    Scheme files need none of these, and each broke the loader in fuzzing: nested aliases ("billion
    laughs") expand exponentially when the data is walked and validated (a 1 kB file kept it busy
    for minutes); `!!int x` or `!!bool x` raised ValueError or KeyError from the constructor; and
    nesting a few hundred levels deep (`[[[[...`) made every recursive step raise RecursionError.
    """

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        mark = event.start_mark
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "found an alias, which is not allowed", mark)
        if getattr(event, "tag", None) is not None:
            raise yaml.composer.ComposerError(None, None, "found a tag, which is not allowed", mark)
        if self._depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, "nested too deeply", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", _DataLoader)):  # type: ignore[misc]
    """The same rules on libyaml: about ten times faster, which counts when every worker reads every file."""


_FastLoader.yaml_implicit_resolvers = _DataLoader.yaml_implicit_resolvers
# What the pure-Python reader refuses; libyaml would let these characters through.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """The parsed data of one file, plus where each field stands in it."""

    data: Any
    lines: dict[Path_, int]
    duplicate_keys: tuple[tuple[Path_, int], ...]

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest parent that is in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class YamlSyntaxError(Exception):
    """The text is not valid YAML; `line` says where the parser gave up."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def parse_yaml(text: str) -> YamlDocument:
    """Parse `text` with a safe loader and map every field path to its line."""
    try:
        node, data = _parse_fast(text)
    except (yaml.YAMLError, _Unsafe):
        # A problem: the pure-Python parser finds it too, with the messages and lines staff are shown.
        node, data = _parse_checked(text)
    lines: dict[Path_, int] = {}
    duplicates: list[tuple[Path_, int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates, _line_counter(text))
    return YamlDocument(data=data, lines=lines, duplicate_keys=tuple(duplicates))


# YAML also ends a line at these; editors (and people counting lines) do not.
_YAML_ONLY_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _line_counter(text: str) -> Callable[[yaml.Mark], int]:
    """The line of a parser position as an editor counts it: only a newline starts a new line."""
    if not any(mark in text for mark in _YAML_ONLY_BREAKS):
        return lambda mark: mark.line + 1
    newlines = [index for index, character in enumerate(text) if character == "\n"]
    return lambda mark: bisect_left(newlines, mark.index) + 1


class _Unsafe(Exception):
    """The fast parser must not see this text (an alias, a tag, deep nesting or a refused character)."""


def _parse_fast(text: str) -> tuple[yaml.Node | None, Any]:
    """Node tree and data in one pass of libyaml, after a flat scan for what it must not see.

    libyaml's composer recurses in C: thousands of nested brackets crash the process, so the depth
    is checked on the (flat) event stream first.
    """
    # libyaml reads a byte order mark after the start as a space and allows some tabs that PyYAML
    # refuses; both are rare, and the pure-Python parser then decides.
    if _FastLoader is _DataLoader or _NON_PRINTABLE.search(text) or "\ufeff" in text[1:] or "\t" in text:
        raise _Unsafe
    in_flow: list[bool] = []  # per open collection: written in brackets?
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) is not None:
            raise _Unsafe
        if isinstance(event, yaml.CollectionStartEvent):
            in_flow.append(bool(event.flow_style))
            if len(in_flow) >= MAX_DEPTH:
                raise _Unsafe
        elif isinstance(event, yaml.CollectionEndEvent):
            in_flow.pop()
        elif (
            in_flow
            and in_flow[-1]
            and isinstance(event, yaml.ScalarEvent)
            and not event.style
            and ("?" in event.value or ":" in event.value)
        ):
            raise _Unsafe  # in brackets PyYAML ends a plain value at `?` and `:`, libyaml does not
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _parse_checked(text: str) -> tuple[yaml.Node | None, Any]:
    """Node tree and data from the pure-Python parser; a problem becomes a YamlSyntaxError with its line."""
    try:
        loader = _DataLoader(text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is reported at the end of the file; its start is where to look.
        starts_there = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if starts_there else None) or error.problem_mark or error.context_mark
        line = _line_counter(text)(mark) if mark else 1
        raise YamlSyntaxError(error.problem or str(error), line) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1) from error


def _walk(node: yaml.Node, path: Path_, lines: dict, duplicates: list, line: Callable[[yaml.Mark], int]) -> None:
    lines.setdefault(path, line(node.start_mark))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append((path + (key,), line(key_node.start_mark)))
            seen.add(key)
            lines[path + (key,)] = line(key_node.start_mark)
            _walk(value_node, path + (key,), lines, duplicates, line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, duplicates, line)


YAML_PROBLEMS = {
    "found unexpected end of stream": "een aanhalingsteken wordt niet gesloten",
    "mapping values are not allowed here": "er staat een dubbele punt waar dat niet kan; zet de tekst tussen aanhalingstekens",
    "that cannot start any token": "er staat een teken waarmee geen waarde kan beginnen (een tab of @ of `); gebruik spaties",
    "expected <block end>": "het inspringen klopt niet; gebruik steeds 2 spaties per niveau",
    "could not find expected ':'": "er mist een dubbele punt na een veldnaam",
    "expected ',' or ']'": "een lijst tussen [ ] is niet goed afgesloten",
    "expected ',' or '}'": "een groep tussen { } is niet goed afgesloten",
    "found an alias": "een verwijzing met * kan niet in een regelingbestand; schrijf de tekst voluit",
    "found a tag": "een waarde die met ! of !! begint kan niet; zet de tekst tussen aanhalingstekens",
    "nested too deeply": f"er staan meer dan {MAX_DEPTH} niveaus in elkaar; zo diep gaat geen veld",
}


def yaml_problem_in_dutch(problem: str) -> str:
    """A plain Dutch explanation of a PyYAML parse problem (the original text when unknown)."""
    for english, dutch in YAML_PROBLEMS.items():
        if english in problem:
            return dutch
    return f"{problem}; kijk naar inspringen, dubbele punten en aanhalingstekens"
