"""Split Dutch compound words into known words, so `energierekening` meets `energie` and `rekening`."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from search.analysis import is_stop_word

# Dutch glues parts with a linking sound: inkomen-s-toeslag, kind-er-opvang, pann-en-koek.
LINKS = ("", "s", "e", "en", "er")
MIN_PART = 3
# Longer words are not real compounds worth splitting; the bound keeps the work per word small.
MAX_WORD = 40
# A known word at the start or end of an unknown compound stands for it when it is at least this long
# (`schuldenput` → `schulden`); shorter ones are too often chance (`put`, `ling`).
MIN_KNOWN_END = 5


class CompoundSplitter:
    """Splits words against a fixed set of known words (the index vocabulary plus the lexicon)."""

    def __init__(self, known: Collection[str]):
        self.known = frozenset(word for word in known if len(word) >= MIN_PART and not is_stop_word(word))
        self.split = lru_cache(maxsize=50000)(self._split)

    def _split(self, word: str) -> tuple[str, ...]:
        """The fewest known words that make up `word` (at least two), or () when there are none."""
        if not (2 * MIN_PART <= len(word) <= MAX_WORD):
            return ()
        best: dict[int, tuple[str, ...] | None] = {len(word): ()}
        for start in range(len(word) - MIN_PART, 0, -1):
            best[start] = self._best_from(word, start, best, len(word))
        # At the start the whole word is no split: the first part must end before the word does.
        return self._best_from(word, 0, best, len(word) - MIN_PART) or ()

    def _best_from(
        self, word: str, start: int, best: dict[int, tuple[str, ...] | None], last_end: int
    ) -> tuple[str, ...] | None:
        """The best split of word[start:]: fewest parts, then the longest parts."""
        options = []
        for end in range(start + MIN_PART, last_end + 1):
            part = word[start:end]
            if part not in self.known:
                continue
            for link in LINKS:
                rest = end + len(link)
                if word.startswith(link, end) and best.get(rest) is not None:
                    options.append((part,) + best[rest])  # type: ignore[operator]
        if not options:
            return None
        return min(options, key=lambda parts: (len(parts), -sum(len(part) ** 2 for part in parts)))

    def known_end(self, word: str) -> str | None:
        """For a word that does not split into known words: the longest known word it starts or ends with
        (at least MIN_KNOWN_END letters, leaving at least MIN_PART), else None."""
        if not (MIN_KNOWN_END + MIN_PART <= len(word) <= MAX_WORD):
            return None
        for length in range(len(word) - MIN_PART, MIN_KNOWN_END - 1, -1):
            for part in (word[:length], word[-length:]):
                if part in self.known:
                    return part
        return None

    def parts(self, word: str) -> tuple[str, ...]:
        """Every part of `word` at every level (`kinderopvangtoeslag` → kinderopvang, toeslag, kind, opvang)."""
        found: list[str] = []
        for part in self.split(word):
            found.append(part)
            found.extend(self.parts(part))
        return tuple(dict.fromkeys(found))
