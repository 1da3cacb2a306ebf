"""Everyday Dutch and English words: real words that no scheme happens to use, never typos to correct.

The typo correction only knows the schemes' and the lexicon's words, so a long spoken sentence had its
ordinary words "corrected" into scheme words: `dragen` (wear) became `dagen`, `steken` became `stoken`
(heating). pyspellchecker ships word-frequency lists built from film subtitles; a word above the lists'
floor count is in real use. Only that data is read, once per process.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib.resources import files

from search.analysis import words

LANGUAGES = ("nl", "en")
# The lists give every rare word the same floor count (50); above it a word is in real use.
IN_USE = 51


@lru_cache(maxsize=len(LANGUAGES))
def words_in_use(language: str) -> frozenset[str]:
    """The words in real use in one of the LANGUAGES, lowercased and folded as a query's words are."""
    with gzip.open(str(files("spellchecker") / "resources" / f"{language}.json.gz"), "rt", encoding="utf-8") as f:
        counts: dict[str, int] = json.load(f)
    return frozenset(words(" ".join(word for word, count in counts.items() if count >= IN_USE)))
