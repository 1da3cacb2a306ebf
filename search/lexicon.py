"""The staff-editable lexicon (data/lexicon.yaml): everyday words, English words and filler words."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from search.analysis import is_stop_word, stem, words

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon.yaml"
SECTIONS = ("woorden", "engels", "vulwoorden", "zwakke_woorden", "woorddelen", "doelgroepen")
# The groups some schemes are only for (see search.index.target_groups); the lexicon names the words that
# show a question is about one of them.
GROUPS = ("ouderen", "studenten", "kinderen")

Phrase = tuple[str, ...]


class LexiconError(ValueError):
    """The lexicon file is not in the expected shape; the message says where and how to fix it."""


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in the query: how many words it covers and what they mean.

    `length` 0 means no entry; an entry without meanings is filler, to be skipped.
    """

    length: int
    meanings: tuple[Phrase, ...] = ()
    english: bool = False


NO_MATCH = Match(0)


@dataclass(frozen=True)
class Lexicon:
    """Phrases people type and what they mean in the words the schemes use."""

    # Dutch phrases are looked up by their stems, so `tandartsen` finds the entry `tandarts`.
    dutch: Mapping[Phrase, tuple[Phrase, ...]]
    # The Dutch entries as written, found first: `ouders` (parents) is its own entry, though it shares the
    # stem `ouder` with `ouderen` (the elderly); a lone function word must be written as an entry itself
    # (`dan` is not `dansen`).
    dutch_typed: Mapping[Phrase, tuple[Phrase, ...]]
    # English words and filler are looked up as typed: Dutch stems would mix them up (`rent` / `rente`).
    english: Mapping[Phrase, tuple[Phrase, ...]]
    # The words of the English entries: what an English plural or verb form may be read as (search.english).
    english_words: frozenset[str]
    filler: frozenset[Phrase]
    # Stems of words that say little on their own (`hulp`, `geld`): they count, but only a little.
    weak: frozenset[str]
    # Entries that mean only weak words (`expensive: [te duur, kosten]`): they count as little as those words.
    weak_entries: frozenset[Phrase]
    # The Dutch words of the entries: to split compounds into and to correct typos towards.
    words: frozenset[str]
    # For each first word (as typed for English and filler, by stem for Dutch): the longest entry it starts.
    # Most words start none, so a lookup tries only the lengths that exist.
    reach: Mapping[str, int]
    # Per target group: the words (as typed and as stems) that show a question is about that group.
    group_cues: Mapping[str, frozenset[str]]

    def is_weak(self, phrase: Phrase) -> bool:
        """True when every content word of `phrase` is a weak word (`geen geld`, `help`), or `phrase` is an entry
        that means only weak words (`expensive`)."""
        return phrase in self.weak_entries or _all_weak(phrase, self.weak)

    def groups_of(self, word: str, parts: Callable[[str], Sequence[str]]) -> frozenset[str]:
        """The target groups a word names, directly (`zoon`, `aow`) or in a compound (`kinderfeestje`)."""
        pieces = (word, *parts(word))
        forms = {*pieces, *(stem(piece) for piece in pieces)}
        return frozenset(group for group, cues in self.group_cues.items() if not forms.isdisjoint(cues))

    def match(self, tokens: Sequence[str], start: int = 0) -> Match:
        """The longest entry that starts at tokens[start]. A Dutch `te` right before the last word may be passed
        over: `de eindjes aan elkaar te knopen` finds the entry `eindjes aan elkaar knopen`."""
        first = tokens[start]
        longest = max(self.reach.get(first, 0), self.reach.get(stem(first), 0))
        if not longest:  # most words start no entry
            return NO_MATCH
        for length in range(min(longest + 1, len(tokens) - start), 0, -1):
            span = tuple(tokens[start : start + length])
            phrases = [span] if length <= longest else []
            if length > 2 and span[-2] == "te":
                phrases.append(span[:-2] + span[-1:])
            for phrase in phrases:
                found = self._entry(phrase)
                if found is not None:
                    return Match(length, *found)
        return NO_MATCH

    def _entry(self, phrase: Phrase) -> tuple[tuple[Phrase, ...], bool] | None:
        """The meanings of `phrase` and whether it is English, when it is an entry (filler has no meanings)."""
        if phrase in self.filler:
            return (), False
        if phrase in self.english:
            return self.english[phrase], True
        if phrase in self.dutch_typed:
            return self.dutch_typed[phrase], False
        if len(phrase) == 1 and is_stop_word(phrase[0]):
            return None
        stems = tuple(stem(word) for word in phrase)
        return (self.dutch[stems], False) if stems in self.dutch else None


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """Read and check the lexicon file; a LexiconError names the entry that is wrong."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise LexiconError(f"{path}: het bestand kan niet gelezen worden: {error}") from error
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise LexiconError(f"{path}: het bestand mag alleen deze onderdelen hebben: {', '.join(SECTIONS)}")
    dutch: dict[Phrase, tuple[Phrase, ...]] = {}
    english: dict[Phrase, tuple[Phrase, ...]] = {}
    dutch_typed: dict[Phrase, tuple[Phrase, ...]] = {}
    known: set[str] = set()
    for section, table in (("woorden", dutch), ("engels", english)):
        for key, targets in _mapping(data, section, path).items():
            phrase, meanings = _phrase(key, path), tuple(_phrase(target, path) for target in targets)
            table[tuple(stem(word) for word in phrase) if table is dutch else phrase] = meanings
            if table is dutch:
                dutch_typed[phrase] = meanings
            # English keys stay out: they should not become parts of Dutch compounds.
            known.update(*meanings, *([phrase] if table is dutch else []))
    filler = frozenset(_phrase(item, path) for item in _list(data, "vulwoorden", path))
    weak = frozenset(stem(word) for item in _list(data, "zwakke_woorden", path) for word in _phrase(item, path))
    known.update(word for part in _list(data, "woorddelen", path) for word in _phrase(part, path))
    reach: dict[str, int] = {}
    for phrase in [*dutch, *english, *filler]:
        reach[phrase[0]] = max(reach.get(phrase[0], 0), len(phrase))
    cues = {group: _cue_forms(items, path) for group, items in _groups(data, path).items()}
    english_words = frozenset(word for phrase in english for word in phrase)
    weak_entries = frozenset(
        phrase
        for table in (dutch_typed, english)
        for phrase, meanings in table.items()
        if all(_all_weak(meaning, weak) for meaning in meanings)
    )
    return Lexicon(
        dutch, dutch_typed, english, english_words, filler, weak, weak_entries, frozenset(known), reach, cues
    )


def _all_weak(phrase: Phrase, weak: frozenset[str]) -> bool:
    """True when `phrase` has content words and each is (by its stem) in `weak`."""
    content = [stem(word) for word in phrase if not is_stop_word(word)]
    return bool(content) and all(word in weak for word in content)


def _groups(data: dict, path: Path) -> dict[str, list[str]]:
    """`doelgroepen` as {group: [words]}, for the known groups only."""
    table = _mapping(data, "doelgroepen", path)
    unknown = set(table) - set(GROUPS)
    if unknown:
        raise LexiconError(
            f"{path}: 'doelgroepen' kent '{sorted(unknown)[0]}' niet; gebruik alleen: {', '.join(GROUPS)}"
        )
    return table


def _cue_forms(cues: list[str], path: Path) -> frozenset[str]:
    """Each cue word as typed (folded) and as its stem, so `dochter` also finds `dochters`; not the function
    words of a cue phrase (`dan` of `ouder dan` names no group)."""
    return frozenset(
        form for cue in cues for word in _phrase(cue, path) if not is_stop_word(word) for form in (word, stem(word))
    )


def _mapping(data: dict, section: str, path: Path) -> dict[str, list[str]]:
    """`section` as {phrase: [meanings]}; a single meaning may be written without a list."""
    table = data.get(section) or {}
    if not isinstance(table, dict):
        raise LexiconError(f"{path}: '{section}' moet een lijst zijn van 'woord: [betekenis, ...]'")
    checked = {}
    for key, value in table.items():
        targets = [value] if isinstance(value, str) else value
        if not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
            raise LexiconError(f"{path}: '{section}.{key}' moet een of meer woorden hebben, zoals [energie]")
        checked[str(key)] = targets
    return checked


def _list(data: dict, section: str, path: Path) -> list[str]:
    items = data.get(section) or []
    if not isinstance(items, list):
        raise LexiconError(f"{path}: '{section}' moet een lijst met woorden zijn, zoals [hoe, waar]")
    for item in items:
        if not isinstance(item, str):
            # YAML reads no, yes, on and off as true/false unless they are quoted.
            raise LexiconError(f"{path}: '{section}' bevat '{item}'; zet dit woord tussen aanhalingstekens")
    return items


def _phrase(text: Any, path: Path) -> Phrase:
    """The folded words of one entry; an entry without letters is a mistake worth reporting."""
    phrase = tuple(words(str(text)))
    if not phrase:
        raise LexiconError(f"{path}: '{text}' bevat geen woorden")
    return phrase
