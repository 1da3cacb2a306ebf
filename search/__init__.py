"""Plain-language search over the schemes: the only package that imports Whoosh."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask import Flask, current_app

from regelingen.model import NATIONAL
from search.answer_split import strong_count
from search.crisis import CRISIS_FILE, Crisis, load_crisis
from search.engine import RECENT_SIZE, SearchEngine
from search.everyday import LANGUAGES, words_in_use
from search.lexicon import LEXICON_FILE, load_lexicon
from search.results import Fallback, Hit, SearchResponse
from search.translation import english_to_dutch
from views.catalog import current_catalog, served_generation

__all__ = ["Crisis", "Fallback", "Hit", "SearchResponse", "crisis_in", "init_app", "search", "strong_count"]


def init_app(app: Flask) -> None:
    """Open the search engine on the app's index directory (`publishing` builds and swaps the index)."""
    app.config.setdefault("LEXICON_FILE", str(LEXICON_FILE))
    lexicon = load_lexicon(Path(app.config["LEXICON_FILE"]))
    for language in LANGUAGES:  # read at start-up, so that no visitor's first search waits for it
        words_in_use(language)
    english_to_dutch()
    recent_size = app.config.setdefault("SEARCH_RECENT_SIZE", RECENT_SIZE)
    app.extensions["search"] = SearchEngine(Path(app.config["INDEX_DIR"]), lexicon, recent_size=recent_size)
    app.config.setdefault("CRISIS_FILE", str(CRISIS_FILE))
    app.extensions["crisis"] = load_crisis(Path(app.config["CRISIS_FILE"]))


def crisis_in(query: str) -> tuple[Crisis, ...]:
    """The kinds of crisis the question is about (danger, no bed tonight, no food today), most urgent first."""
    return current_app.extensions["crisis"].found_in(query)


def search(query: str, municipality: str | None = None, category: str | None = None, limit: int = 10) -> SearchResponse:
    """Search the current app's schemes; with no hits the fallback names the municipality's contact."""
    response = current_app.extensions["search"].search(query, municipality, category, limit, at=served_generation())
    if response.fallback is None:
        return response
    municipalities = current_catalog().municipalities
    found = municipalities.get(municipality or NATIONAL) or municipalities.get(NATIONAL)
    return replace(response, fallback=replace(response.fallback, contact=found.contact if found else None))
