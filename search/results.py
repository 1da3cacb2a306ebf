"""What a search returns: plain ids and scores, never engine objects."""

from __future__ import annotations

from dataclasses import dataclass

from regelingen.model import Contact


@dataclass(frozen=True)
class Hit:
    """One scheme that matched, by id, with its relevance score."""

    scheme_id: str
    score: float


@dataclass(frozen=True)
class Fallback:
    """What to offer when nothing matched: the closest schemes, the topics, and who to ask."""

    closest: tuple[Hit, ...]
    categories: tuple[str, ...]
    contact: Contact | None = None


@dataclass(frozen=True)
class SearchResponse:
    """The outcome of one search; `fallback` is set exactly when there are no hits."""

    query: str
    municipality: str | None
    total: int
    suggestion: str | None
    hits: tuple[Hit, ...]
    fallback: Fallback | None = None
