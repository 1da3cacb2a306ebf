"""Write data/woordenboek/engels-nederlands.tsv from FreeDict's English–Dutch and Dutch–English dictionaries.

The search reads an English word the lexicon lacks through its Dutch translations (search.translation). The
translations come from FreeDict (GPL-2.0-or-later), as Debian packages them:

    apt-get download dict-freedict-eng-nld dict-freedict-nld-eng
    for f in dict-freedict-*.deb; do dpkg-deb -x "$f" /tmp/freedict; done
    .venv/bin/python tools/freedict/import_dictionary.py /tmp/freedict/usr/share/dictd

Only single words in real use (search.everyday) are kept on both sides, and no Dutch function word: the old
dictionaries carry many archaic words, a phrase cannot be looked up as one word, and `by` is not `per`. The
English–Dutch dictionary's senses come first, then the Dutch words whose Dutch–English entry gives the English
word.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from search.analysis import is_stop_word, words
from search.everyday import words_in_use
from search.translation import TRANSLATIONS_FILE

BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
HEADER = """\
# Engelse woorden en hun Nederlandse vertalingen, voor het zoeken (search/translation.py).
# Gemaakt met tools/freedict/import_dictionary.py uit de woordenboeken van FreeDict (https://freedict.org):
# eng-nld 0.2 en nld-eng 0.2, zoals Debian ze levert (dict-freedict-eng-nld, dict-freedict-nld-eng, 2022.04.21).
# Licentie: GNU General Public License, versie 2 of later (zie LICENSE in deze map).
# Per regel: Engels woord <tab> Nederlandse woorden, gescheiden door komma's, in de volgorde van de
# woordenboeken (eerst Engels-Nederlands).
# Niet met de hand aanpassen: een eigen vertaling hoort in data/lexicon.yaml (onder engels), die gaat voor.
"""


def _number(text: str) -> int:
    """A dictd index number (base64 digits)."""
    value = 0
    for digit in text:
        value = value * 64 + BASE64.index(digit)
    return value


def _entries(base: Path) -> Iterator[tuple[str, list[str]]]:
    """(headword, translations) of a dictd dictionary; `base` is the path without .index / .dict.dz."""
    with gzip.open(base.with_suffix(".dict.dz")) as compressed:
        data = compressed.read()
    for line in base.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        headword, offset, length = line.split("\t")
        if headword.startswith("00"):  # the database's own description
            continue
        body = data[_number(offset) : _number(offset) + _number(length)].decode("utf-8")
        senses = [re.sub(r"^\d+\.\s*", "", sense.strip()) for sense in body.splitlines()[1:]]
        yield headword, [part.strip() for sense in senses for part in sense.split(",") if part.strip()]


def _word(text: str, in_use: frozenset[str]) -> str | None:
    """`text` as one folded word in real use, else None (a phrase, an archaic word)."""
    found = words(text.replace("ĳ", "ij"))
    return found[0] if len(found) == 1 and found[0] in in_use else None


def translations(dictd: Path) -> dict[str, list[str]]:
    """English word → Dutch words, from the two FreeDict dictionaries in the folder `dictd`."""
    english, dutch = words_in_use("en"), words_in_use("nl")
    table: dict[str, list[str]] = {}

    def add(english_text: str, dutch_text: str) -> None:
        source, target = _word(english_text, english), _word(dutch_text, dutch)
        if not source or not target or source == target or is_stop_word(target):
            return
        if target not in table.setdefault(source, []):
            table[source].append(target)

    for headword, senses in _entries(dictd / "freedict-eng-nld"):
        for sense in senses:
            add(headword, sense)
    for headword, senses in _entries(dictd / "freedict-nld-eng"):
        for sense in senses:
            add(sense, headword)
    return {source: targets for source, targets in sorted(table.items()) if targets}


def main(dictd: Path) -> None:
    """Write the translations file from the dictionaries in the folder `dictd`."""
    table = translations(dictd)
    lines = [f"{source}\t{','.join(targets)}\n" for source, targets in table.items()]
    TRANSLATIONS_FILE.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(table)} English words written to {TRANSLATIONS_FILE}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
