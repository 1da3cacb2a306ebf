"""Relevance of the search on the question sets, next to a plain BM25 baseline: `make bench-search`."""

from __future__ import annotations

import argparse
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from regelingen.catalog import DATA_DIR, load_catalog
from regelingen.model import NATIONAL, Scheme
from search.answer_split import strong_count
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon

SETS = Path(__file__).resolve().parent / "data"
QUESTION_FILES = (
    "dev-queries.yaml",
    "extra-queries.yaml",
    "real-queries.yaml",
    "real-queries-2.yaml",
    "real-queries-3.yaml",
    "real-queries-4a.yaml",
    "real-queries-4b.yaml",
    "real-queries-5a.yaml",
    "real-queries-5b.yaml",
    "real-queries-6a.yaml",
    "real-queries-6b.yaml",
    "real-queries-7a.yaml",
    "real-queries-7b.yaml",
    "real-queries-8a.yaml",
    "real-queries-8b.yaml",
    "real-queries-9a.yaml",
    "real-queries-9b.yaml",
    "real-queries-10a.yaml",
    "real-queries-10b.yaml",
    "real-queries-11a.yaml",
    "real-queries-11b.yaml",
    "real-queries-12a.yaml",
    "real-queries-12b.yaml",
    "real-queries-13a.yaml",
    "real-queries-13b.yaml",
    "real-queries-14a.yaml",
    "real-queries-14b.yaml",
    "real-queries-15a.yaml",
    "real-queries-15b.yaml",
    "real-queries-16a.yaml",
    "real-queries-16b.yaml",
    "real-queries-17a.yaml",
    "real-queries-17b.yaml",
    "blind-queries.yaml",
    "blind-queries-2.yaml",
    "tuning-queries.yaml",
    "real-tuning-4a.yaml",
    "real-tuning-4b.yaml",
)
# The sets in real people's words (pooled at the end of the report).
REAL_PEOPLE = "real-"


@dataclass(frozen=True)
class Question:
    """One question from a set: what is typed, where, and what a good answer shows."""

    text: str
    municipality: str | None
    patterns: tuple[re.Pattern[str], ...]

    def is_relevant(self, scheme: Scheme) -> bool:
        """True when the scheme's id or title matches one of the patterns."""
        return any(p.search(scheme.id) or p.search(scheme.title) for p in self.patterns)


def load_questions(path: Path) -> list[Question]:
    """The questions in a YAML question file."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Question(item["q"], item.get("municipality") or None, tuple(re.compile(p, re.I) for p in item["relevant"]))
        for item in items
    ]


def measure(engine: SearchEngine, questions: list[Question], schemes: dict[str, Scheme]) -> dict[str, float]:
    """success@3, MRR@10, recall@5, leaks and the strong answer's precision and recall, plus the misses.

    "answer precision" is the share of the strong answer that is relevant; "answer recall" the share
    of questions whose strong answer holds a relevant scheme.
    """
    success = reciprocal = recall = leaks = precision = split_recall = 0.0
    answerable = 0
    misses = []
    for question in questions:
        # As the search scopes: with no municipality chosen only the national schemes can be shown.
        allowed = [s for s in schemes.values() if s.is_national or s.municipality == question.municipality]
        relevant = {s.id for s in allowed if question.is_relevant(s)}
        hits = engine.search(question.text, question.municipality, limit=10).hits
        ranked = [hit.scheme_id for hit in hits]
        if question.municipality:
            leaks += sum(1 for sid in ranked if schemes[sid].municipality not in (question.municipality, NATIONAL))
        if not relevant:
            continue
        answerable += 1
        first = next((rank for rank, sid in enumerate(ranked, 1) if sid in relevant), None)
        success += first is not None and first <= 3
        reciprocal += 1 / first if first else 0
        recall += len(relevant & set(ranked[:5])) / len(relevant)
        answer = set(ranked[: strong_count(hits)])
        precision += len(answer & relevant) / len(answer) if answer else 0
        split_recall += bool(answer & relevant)
        if not first or first > 3:
            where = question.municipality or "-"
            misses.append(f"{question.text!r} ({where}): first relevant at {first}; top 3 {ranked[:3]}")
    n = max(answerable, 1)
    return {
        "questions": len(questions),
        "answerable": answerable,
        "success@3": success / n,
        "MRR@10": reciprocal / n,
        "recall@5": recall / n,
        "answer precision": precision / n,
        "answer recall": split_recall / n,
        "leaks": leaks,
        "misses": misses,
    }


def pooled_figure(sets: list[dict], metric: str) -> float:
    """A metric over several sets' questions together, each question counting once."""
    answerable = sum(figures["answerable"] for figures in sets)
    return sum(figures[metric] * figures["answerable"] for figures in sets) / max(answerable, 1)


def main() -> None:
    """Build an index of the real data, run every question set with and without understanding, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the scheme files (default: data/schemes)")
    parser.add_argument("--misses", action="store_true", help="list questions without a relevant scheme in the top 3")
    parser.add_argument("--set", action="append", dest="sets", help="question file in bench/data (default: all)")
    args = parser.parse_args()
    catalog = load_catalog(args.data)
    lexicon = load_lexicon()
    schemes = dict(catalog.schemes)
    with tempfile.TemporaryDirectory() as index_dir:
        build_index(schemes.values(), Path(index_dir), lexicon.words)
        engines = {
            "search": SearchEngine(Path(index_dir), lexicon),
            "BM25": SearchEngine(Path(index_dir), lexicon, understands=False),
        }
        print(f"{len(schemes)} schemes in {len(catalog.municipalities)} folders\n")
        pooled: dict[str, list[dict]] = {label: [] for label in engines}
        for name in args.sets or QUESTION_FILES:
            questions = load_questions(SETS / name)
            figures = {label: measure(engine, questions, schemes) for label, engine in engines.items()}
            if name.startswith(REAL_PEOPLE):
                for label in engines:
                    pooled[label].append(figures[label])
            ours = figures["search"]
            print(f"{name}: {ours['questions']} questions, {ours['answerable']} with a relevant scheme in the data")
            print(f"  {'':<17}{'search':>9}{'BM25':>9}")
            for metric in ("success@3", "MRR@10", "recall@5", "answer precision", "answer recall", "leaks"):
                print(f"  {metric:<17}" + "".join(f"{figures[label][metric]:>9.3f}" for label in engines))
            if args.misses:
                for miss in ours["misses"]:
                    print(f"    miss: {miss}")
            print()
        if len(pooled["search"]) > 1:
            answerable = sum(figures["answerable"] for figures in pooled["search"])
            print(f"all real-people sets together: {answerable} questions with a relevant scheme (each weighs one)")
            print(f"  {'':<17}{'search':>9}{'BM25':>9}")
            for metric in ("success@3", "MRR@10", "answer precision", "answer recall"):
                print(f"  {metric:<17}" + "".join(f"{pooled_figure(pooled[label], metric):>9.3f}" for label in engines))


if __name__ == "__main__":
    main()
