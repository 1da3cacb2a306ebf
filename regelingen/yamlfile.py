"""Read a YAML file safely, keeping the line number of every field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


class _DataLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so a wrong date is a validation message, not a crash."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

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
        node = yaml.compose(text, Loader=_DataLoader)
        data = yaml.load(text, Loader=_DataLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is reported at the end of the file; its start is where to look.
        starts_there = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if starts_there else None) or error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(error.problem or str(error), line) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1) from error
    lines: dict[Path_, int] = {}
    duplicates: list[tuple[Path_, int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates)
    return YamlDocument(data=data, lines=lines, duplicate_keys=tuple(duplicates))


def _walk(node: yaml.Node, path: Path_, lines: dict, duplicates: list) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append((path + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, duplicates)


YAML_PROBLEMS = {
    "found unexpected end of stream": "een aanhalingsteken wordt niet gesloten",
    "mapping values are not allowed here": "er staat een dubbele punt waar dat niet kan; zet de tekst tussen aanhalingstekens",
    "that cannot start any token": "er staat een teken waarmee geen waarde kan beginnen (een tab of @ of `); gebruik spaties",
    "expected <block end>": "het inspringen klopt niet; gebruik steeds 2 spaties per niveau",
    "could not find expected ':'": "er mist een dubbele punt na een veldnaam",
    "expected ',' or ']'": "een lijst tussen [ ] is niet goed afgesloten",
    "expected ',' or '}'": "een groep tussen { } is niet goed afgesloten",
}


def yaml_problem_in_dutch(problem: str) -> str:
    """A plain Dutch explanation of a PyYAML parse problem (the original text when unknown)."""
    for english, dutch in YAML_PROBLEMS.items():
        if english in problem:
            return dutch
    return f"{problem}; kijk naar inspringen, dubbele punten en aanhalingstekens"
