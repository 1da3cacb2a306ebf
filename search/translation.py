"""English words in Dutch: what an English word the lexicon lacks may mean in the schemes' words.

The staff lexicon (data/lexicon.yaml, section `engels`) holds the English words people use most, translated
with care. Every new set of English questions still brought words it lacked, so an English word without a
lexicon entry is read through a general dictionary as well: data/woordenboek/engels-nederlands.tsv, made from
FreeDict by tools/freedict/import_dictionary.py. The file is read once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

TRANSLATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "woordenboek" / "engels-nederlands.tsv"


class TranslationsError(ValueError):
    """The translations file is not in the expected shape; the message says which line."""


@lru_cache(maxsize=4)
def english_to_dutch(path: Path = TRANSLATIONS_FILE) -> Mapping[str, tuple[str, ...]]:
    """English word → its Dutch translations, in the dictionaries' order."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        english, separator, dutch = line.partition("\t")
        targets = tuple(word.strip() for word in dutch.split(",") if word.strip())
        if not separator or not english.strip() or not targets:
            raise TranslationsError(
                f"{path}, line {number}: expected an English word, a tab, and Dutch words separated by commas"
            )
        table[english.strip()] = targets
    return table
