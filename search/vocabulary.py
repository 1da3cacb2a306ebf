"""What one index generation knows: its stems, its key words, compound splits and typo corrections."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path

from whoosh.reading import IndexReader
from whoosh.support.levenshtein import damerau_levenshtein

from search.analysis import stem
from search.compounds import CompoundSplitter
from search.index import FIELD, WORDS_FILE

# Short words have too many neighbours to guess from (`deur` is no typo for `duur`); long ones can
# carry two slips.
MIN_CORRECTABLE = 5
TWO_EDITS_FROM = 8


class Vocabulary:
    """The words of one index generation, for knowing, splitting and correcting query words."""

    def __init__(self, stems: Collection[str], key_words: Mapping[str, int], extra_words: Collection[str] = ()):
        # Every stem in the index: a query leaves out the stems no scheme has.
        self.stems = frozenset(stems)
        self.key_words = {**{word: 0 for word in extra_words}, **key_words}
        self.splitter = CompoundSplitter(self.key_words)
        self.correct = lru_cache(maxsize=20000)(self._correct)
        self._by_start: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self.key_words:
            self._by_start[word[0], len(word)].append(word)

    @classmethod
    def load(cls, generation: Path, reader: IndexReader, extra_words: Collection[str] = ()) -> Vocabulary:
        """The vocabulary of the generation at `generation`, read through an open `reader`."""
        stems = [term.decode("utf-8") for term in reader.lexicon(FIELD)]
        key_words = json.loads((generation / WORDS_FILE).read_text(encoding="utf-8"))
        return cls(stems, key_words, extra_words)

    def knows(self, word: str) -> bool:
        """True when the index holds the word (by its stem) or knows it as a key word."""
        return word in self.key_words or stem(word) in self.stems

    def _correct(self, word: str) -> str | None:
        """The known word closest to a word the index does not know, or None when nothing is close.

        Only words with the same first letter and a similar length are compared: most slips are
        later in the word, and the bound keeps the work small for any input.
        """
        if len(word) < MIN_CORRECTABLE or not word.isalpha():
            return None
        limit = 2 if len(word) >= TWO_EDITS_FROM else 1
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            for candidate in self._by_start.get((word[0], length), ()):
                distance = damerau_levenshtein(word, candidate, limit)
                if distance <= limit:
                    # Nearest first; among equals the word in most schemes.
                    option = (distance, -self.key_words[candidate], candidate)
                    best = option if best is None or option < best else best
        return best[2] if best else None
