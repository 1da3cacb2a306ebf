"""Crisis first: questions about danger or acute need get the free 24/7 help before any scheme.

The kinds of crisis, their help lines and the words that show them live in `data/crisis.yaml`,
which staff maintain. Matching is on folded words (case and accents ignored), anywhere in the question.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from search.analysis import words

CRISIS_FILE = Path(__file__).resolve().parent.parent / "data" / "crisis.yaml"
LANGUAGES = ("nl", "en")

Phrase = tuple[str, ...]


class CrisisFileError(ValueError):
    """The crisis file is not in the expected shape; the message names the part to fix."""


@dataclass(frozen=True)
class HelpLine:
    """One number to call: who answers, the number as written, and when (per language)."""

    name: str
    phone: str
    when: Mapping[str, str]
    website: str | None = None


@dataclass(frozen=True)
class Crisis:
    """One kind of crisis: what the visitor reads (per language), whom to call, and the words that show it."""

    slug: str
    title: Mapping[str, str]
    text: Mapping[str, str]
    help: tuple[HelpLine, ...]
    call_municipality: bool
    phrases: frozenset[Phrase]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CrisisList:
    """Every kind of crisis, in the order of the file (the most urgent first)."""

    kinds: tuple[Crisis, ...]

    def found_in(self, text: str) -> tuple[Crisis, ...]:
        """The kinds of crisis whose words occur in `text`."""
        tokens = words(text)
        found: set[str] = set()
        for start, token in enumerate(tokens):
            for phrase, slug in self._by_first_word.get(token, ()):
                if slug not in found and tuple(tokens[start : start + len(phrase)]) == phrase:
                    found.add(slug)
        return tuple(kind for kind in self.kinds if kind.slug in found)

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[Phrase, str]]]:
        """Every phrase with its kind, under its first word: a question's word is looked up, not compared."""
        index: dict[str, list[tuple[Phrase, str]]] = {}
        for kind in self.kinds:
            for phrase in kind.phrases:
                index.setdefault(phrase[0], []).append((phrase, kind.slug))
        return index


def load_crisis(path: Path = CRISIS_FILE) -> CrisisList:
    """Read and check the crisis file; a CrisisFileError says which part is wrong and what is expected."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CrisisFileError(f"{path}: het bestand kan niet gelezen worden: {error}") from error
    if not isinstance(data, dict):
        raise CrisisFileError(f"{path}: het bestand moet per soort nood een onderdeel hebben, zoals 'geweld:'")
    return CrisisList(tuple(_crisis(str(slug), entry, f"{path}: '{slug}'") for slug, entry in data.items()))


def _crisis(slug: str, entry: Any, where: str) -> Crisis:
    if not isinstance(entry, dict):
        raise CrisisFileError(f"{where} moet titel, tekst, hulp, gemeente_bellen, woorden en bronnen hebben")
    lines = entry.get("hulp") or []
    if not isinstance(lines, list):
        raise CrisisFileError(f"{where}.hulp moet een lijst zijn van naam, telefoon en wanneer")
    call_municipality = entry.get("gemeente_bellen", False)
    if not isinstance(call_municipality, bool):
        raise CrisisFileError(f"{where}.gemeente_bellen moet true of false zijn")
    if not lines and not call_municipality:
        raise CrisisFileError(f"{where} noemt niemand om te bellen: vul 'hulp' in of zet gemeente_bellen: true")
    return Crisis(
        slug=slug,
        title=_per_language(entry.get("titel"), f"{where}.titel"),
        text=_per_language(entry.get("tekst"), f"{where}.tekst"),
        help=tuple(_help_line(line, f"{where}.hulp[{number}]") for number, line in enumerate(lines, 1)),
        call_municipality=call_municipality,
        phrases=_phrases(entry.get("woorden"), f"{where}.woorden"),
        sources=_sources(entry.get("bronnen"), f"{where}.bronnen"),
    )


def _per_language(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or any(
        not isinstance(value.get(code), str) or not value[code] for code in LANGUAGES
    ):
        raise CrisisFileError(f"{where} moet een tekst hebben voor nl en voor en")
    return {code: value[code].strip() for code in LANGUAGES}


def _help_line(value: Any, where: str) -> HelpLine:
    if not isinstance(value, dict) or not isinstance(value.get("naam"), str):
        raise CrisisFileError(f"{where} moet een naam, telefoon en wanneer hebben")
    phone = value.get("telefoon")
    if not isinstance(phone, str) or not phone.replace("-", "").replace(" ", "").isdigit():
        raise CrisisFileError(f'{where}.telefoon moet een nummer zijn tussen aanhalingstekens, zoals "0800-2000"')
    website = value.get("website")
    if website is not None and not (isinstance(website, str) and website.startswith("https://")):
        raise CrisisFileError(f"{where}.website moet beginnen met https://")
    return HelpLine(value["naam"], phone, _per_language(value.get("wanneer"), f"{where}.wanneer"), website)


def _phrases(value: Any, where: str) -> frozenset[Phrase]:
    if not isinstance(value, dict) or not any(value.get(code) for code in LANGUAGES):
        raise CrisisFileError(f"{where} moet woorden hebben onder nl en/of en")
    phrases = set()
    for code in LANGUAGES:
        for item in value.get(code) or []:
            phrase = tuple(words(str(item)))
            if not phrase:
                raise CrisisFileError(f"{where}.{code} bevat '{item}' zonder letters")
            phrases.add(phrase)
    return frozenset(phrases)


def _sources(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CrisisFileError(f"{where} moet een lijst zijn (mag leeg: [])")
    urls = []
    for number, source in enumerate(value, 1):
        checked = source.get("gecontroleerd_op") if isinstance(source, dict) else None
        if not isinstance(source, dict) or not str(source.get("url", "")).startswith("https://"):
            raise CrisisFileError(f"{where}[{number}] moet een url hebben die begint met https://")
        if not isinstance(checked, datetime.date):
            raise CrisisFileError(f"{where}[{number}].gecontroleerd_op moet een datum zijn, zoals 2026-12-05")
        urls.append(source["url"])
    return tuple(urls)
