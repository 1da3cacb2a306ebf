"""A plain BM25 on SQLite FTS5 over the same scheme texts and weights: the speed floor for the engine part.

No lexicon, no compounds, no typo help: the typed words (stop words left out) OR-ed together, scored by
FTS5's bm25() with the index's part weights, limited to the municipality and the national schemes.
Python's own sqlite3 has FTS5 compiled in (checked on open).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from regelingen.model import NATIONAL, Scheme
from search.analysis import is_stop_word, words
from search.index import WEIGHTS, scheme_texts

PARTS = ("titel", "zoektermen", "samenvatting", "tekst")


class Fts5Index:
    """The schemes in an in-memory FTS5 table, one column per weighted part."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        weights = ", ".join(str(WEIGHTS[part]) for part in PARTS)
        self.sql = (
            f"SELECT id, bm25(schemes, 0, 0, {weights}) AS rank FROM schemes "
            "WHERE schemes MATCH ? AND gemeente IN (?, ?) ORDER BY rank LIMIT ?"
        )

    @classmethod
    def over(cls, schemes: Iterable[Scheme]) -> Fts5Index:
        """An index of `schemes`; sqlite3.OperationalError when this SQLite lacks FTS5."""
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        columns = ", ".join(PARTS)
        connection.execute(
            f"CREATE VIRTUAL TABLE schemes USING fts5(id UNINDEXED, gemeente UNINDEXED, {columns}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows = []
        for scheme in schemes:
            texts = scheme_texts(scheme)
            rows.append((scheme.id, scheme.municipality, *(texts[part] for part in PARTS)))
        connection.executemany(f"INSERT INTO schemes VALUES (?, ?, {', '.join('?' * len(PARTS))})", rows)
        return cls(connection)

    def search(self, text: str, municipality: str | None = None, limit: int = 10) -> list[tuple[str, float]]:
        """(id, score) best first for the typed words of `text`."""
        terms = [f'"{word}"' for word in dict.fromkeys(words(text)) if not is_stop_word(word)]
        if not terms:
            return []
        place = municipality or NATIONAL
        rows = self.connection.execute(self.sql, (" OR ".join(terms), place, NATIONAL, limit)).fetchall()
        return [(scheme_id, -rank) for scheme_id, rank in rows]
