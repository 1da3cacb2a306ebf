"""Build the search index into a new generation directory and swap it in atomically."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from regelingen.model import Scheme
from search.analysis import dutch_analyzer, is_stop_word, words
from search.compounds import CompoundSplitter

# Raise this when the schema or the analysis changes, so every install rebuilds its index.
INDEX_VERSION = "9"
CURRENT = "current"
WORDS_FILE = "words.json"
# The searched field. Each part of a scheme counts this many times in it: title and search terms
# say most about a scheme, the long body least. Counting weighted words in one field is BM25F:
# a word found everywhere saturates instead of adding up, and a query asks one term per word.
FIELD = "inhoud"
# The `soort` of a national fund that helps only when the municipality's schemes are not enough.
SAFETY_NET = "vangnet"
WEIGHTS = {"titel": 6, "zoektermen": 5, "samenvatting": 3, "delen": 2, "tekst": 1}


def schema() -> Schema:
    """The index fields: the id, the two filters, and the weighted Dutch text."""
    return Schema(
        id=ID(stored=True, unique=True),
        gemeente=ID(stored=True),
        categorie=KEYWORD(stored=True),
        soort=ID(),
        doelgroep=KEYWORD(),
        **{FIELD: TEXT(analyzer=dutch_analyzer(), phrase=False)},
    )


def key_text(scheme: Scheme) -> str:
    """The words that say what a scheme is about: title, search terms, summary, categories."""
    return "\n".join([scheme.title, *scheme.search_terms, scheme.summary, *scheme.categories])


def current_generation(index_dir: Path) -> Path | None:
    """The generation directory that `current` points at, or None when there is no index yet."""
    try:
        return Path(index_dir) / os.readlink(Path(index_dir) / CURRENT)
    except (FileNotFoundError, NotADirectoryError):
        return None


def build_index(
    schemes: Iterable[Scheme],
    index_dir: Path,
    extra_words: Collection[str] = (),
    attach: Callable[[Path], None] | None = None,
) -> Path:
    """Index `schemes` into a new generation and make it current; on failure the old one stays."""
    with build_lock(Path(index_dir)):
        return build_while_locked(schemes, index_dir, extra_words, attach)


def build_while_locked(
    schemes: Iterable[Scheme],
    index_dir: Path,
    extra_words: Collection[str] = (),
    attach: Callable[[Path], None] | None = None,
) -> Path:
    """`build_index` for a caller that already holds `build_lock`; `attach` adds files before the swap."""
    return _build(list(schemes), Path(index_dir), extra_words, attach)


def _build(
    schemes: list[Scheme], index_dir: Path, extra_words: Collection[str], attach: Callable[[Path], None] | None
) -> Path:
    previous = current_generation(index_dir)
    generation = index_dir / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    generation.mkdir(parents=True)
    try:
        scheme_words = [_key_words(key_text(scheme)) for scheme in schemes]
        key_words = Counter(word for found in scheme_words for word in set(found))
        splitter = CompoundSplitter(set(key_words) | set(extra_words))
        writer = whoosh_index.create_in(str(generation), schema()).writer(limitmb=256)
        try:
            for scheme, found in zip(schemes, scheme_words):
                writer.add_document(**_document(scheme, found, splitter))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        (generation / WORDS_FILE).write_text(json.dumps(dict(key_words), ensure_ascii=False), encoding="utf-8")
        if attach is not None:
            attach(generation)
        _point_current_at(index_dir, generation)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    _prune(index_dir, keep={generation, previous})
    return generation


def _document(scheme: Scheme, key_words: list[str], splitter: CompoundSplitter) -> dict[str, object]:
    """One scheme as the index stores it: id, filters, and its stems counted by WEIGHTS.

    `delen` holds the parts of its compound words, so `energie` also finds `energietoeslag`.
    """
    texts = scheme_texts(scheme)
    texts["delen"] = " ".join(part for word in key_words for part in splitter.parts(word))
    analyzer = dutch_analyzer()
    stems: list[str] = []
    for part, text in texts.items():
        stems += [token.text for token in analyzer(text)] * WEIGHTS[part]
    kind = SAFETY_NET if scheme.safety_net else ""
    return {
        "id": scheme.id,
        "gemeente": scheme.municipality,
        "categorie": " ".join(scheme.categories),
        "soort": kind,
        "doelgroep": " ".join(target_groups(scheme)),
        FIELD: stems,
    }


def target_groups(scheme: Scheme) -> list[str]:
    """The groups a scheme is only for, from its structured conditions (the names of search.lexicon.GROUPS)."""
    conditions = scheme.conditions
    only_for = {
        "ouderen": conditions.from_pension_age,
        "studenten": conditions.students_only,
        "kinderen": conditions.children_required,
    }
    return [group for group, applies in only_for.items() if applies]


def scheme_texts(scheme: Scheme) -> dict[str, str]:
    """The text of each weighted part; the body leaves out the steps (DigiD, bellen: noise)."""
    body = [scheme.for_whom, scheme.benefit, *scheme.conditions.text, *(a.description for a in scheme.amounts)]
    body += scheme.translated_summaries.values()
    return {
        "titel": scheme.title,
        "zoektermen": "\n".join(scheme.search_terms),
        # The category names count as summary words: `energie` finds the energy schemes.
        "samenvatting": "\n".join([scheme.summary, *scheme.categories]),
        "tekst": "\n".join(body),
    }


def _key_words(text: str) -> list[str]:
    """Content words worth correcting towards and splitting into: no stop words, no numbers."""
    return [word for word in words(text) if len(word) >= 3 and word.isalpha() and not is_stop_word(word)]


def _point_current_at(index_dir: Path, generation: Path) -> None:
    """Swap `current` in one step: a reader sees the old generation or the new, never a mix."""
    temporary = index_dir / f".{CURRENT}-{uuid.uuid4().hex}"
    os.symlink(generation.name, temporary)
    os.replace(temporary, index_dir / CURRENT)


def _prune(index_dir: Path, keep: set[Path | None]) -> None:
    """Remove old generations; the previous one stays for workers that have not switched yet."""
    for path in index_dir.glob("gen-*"):
        if path not in keep:
            shutil.rmtree(path, ignore_errors=True)


class BuildBusy(RuntimeError):
    """Another process is building this index right now."""


@contextmanager
def build_lock(index_dir: Path, wait: bool = True) -> Iterator[None]:
    """One build at a time per index directory, across processes; BuildBusy when not waiting."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BuildBusy(str(index_dir)) from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
