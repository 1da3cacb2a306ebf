"""Coordinate search over the search's weights on the real-people sets: `make bench-tune`.

The real-people sets are split in two halves (A and B, each a mix of every round). The search tunes on
one half (or both) and prints every figure for both, so the other half shows whether a change generalises.
A change is kept only when it raises success@3 + MRR@10 + answer precision on the tuned half by more than
MIN_GAIN while the short questions (dev, extra, tuning) keep success@3 >= 0.99 and MRR@10 >= 0.94.

It sets the module constants of search.query, search.engine and search.scoring for the run (the code reads
them at search time) and prints the best values; putting them in the code is a separate, reviewed change.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from types import ModuleType

import search.engine
import search.query
import search.scoring
from bench.relevance import QUESTION_FILES, REAL_PEOPLE, SETS, load_questions, measure, pooled_figure
from regelingen.catalog import DATA_DIR, load_catalog
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon

SHORT = ("dev-queries.yaml", "extra-queries.yaml", "tuning-queries.yaml")
REAL = tuple(name for name in QUESTION_FILES if name.startswith(REAL_PEOPLE))
# Half A: the first file of each round (its "a" half where a round has two); half B: the others.
HALF_A = tuple(name for name in REAL if not name.endswith(("b.yaml", "-2.yaml")))
HALF_B = tuple(name for name in REAL if name not in HALF_A)
MIN_GAIN = 0.002
SEARCHED: dict[str, tuple[ModuleType, tuple[float, ...]]] = {
    "MEANING_WEIGHT": (search.query, (0.6, 0.7, 0.8, 0.9, 1.0)),
    "PART_WEIGHT": (search.query, (0.6, 0.7, 0.8, 0.9, 1.0)),
    "PART_MEANING_WEIGHT": (search.query, (0.2, 0.3, 0.4, 0.5)),
    "CORRECTED_WEIGHT": (search.query, (0.7, 0.8, 0.9, 1.0)),
    "WEAK_WEIGHT": (search.query, (0.2, 0.3, 0.4, 0.5)),
    "TIEBREAK": (search.query, (0.1, 0.2, 0.3, 0.4)),
    "GROUP_SHARE": (search.engine, (0.4, 0.5, 0.6, 0.7, 0.8)),
    "SAFETY_NET_SHARE": (search.engine, (0.5, 0.6, 0.7, 0.8, 0.9)),
    "K1": (search.scoring, (1.2, 1.6, 2.0, 2.5)),
}
Figures = dict[str, tuple[float, float, float]]


def evaluate(index_dir: Path, lexicon, schemes, questions) -> Figures:
    """success@3, MRR@10 and answer precision per group of sets, with the constants as they are now."""
    engine = SearchEngine(index_dir, lexicon, recent_size=0)
    figures: Figures = {}
    for group, names in (("A", HALF_A), ("B", HALF_B), ("short", SHORT)):
        measured = [measure(engine, questions[name], schemes) for name in names]
        figures[group] = tuple(
            pooled_figure(measured, metric) for metric in ("success@3", "MRR@10", "answer precision")
        )
    return figures


def objective(figures: Figures, halves: str) -> float:
    """The sum of the three figures on the tuned half (or both); minus 1 when the short questions suffer."""
    short_ok = figures["short"][0] >= 0.99 and figures["short"][1] >= 0.94
    return sum(sum(figures[half]) for half in halves) - (0 if short_ok else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tune-on", choices=("A", "B", "AB"), default="AB", help="the half (or both) to tune on")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    lexicon = load_lexicon()
    schemes = dict(load_catalog(DATA_DIR).schemes)
    questions = {name: load_questions(SETS / name) for name in (*REAL, *SHORT)}
    with tempfile.TemporaryDirectory() as folder:
        index_dir = Path(folder)
        build_index(schemes.values(), index_dir, lexicon.words)
        best = evaluate(index_dir, lexicon, schemes, questions)
        print(f"half A: {', '.join(HALF_A)}\nhalf B: {', '.join(HALF_B)}")
        print(f"start: {_shown(best)}")
        for _ in range(args.rounds):
            for name, (module, values) in SEARCHED.items():
                kept = getattr(module, name)
                for value in values:
                    setattr(module, name, value)
                    figures = evaluate(index_dir, lexicon, schemes, questions)
                    if objective(figures, args.tune_on) > objective(best, args.tune_on) + MIN_GAIN:
                        best, kept = figures, value
                        print(f"{name} = {value}: {_shown(figures)}")
                setattr(module, name, kept)
        print("best: " + ", ".join(f"{name} = {getattr(module, name)}" for name, (module, _) in SEARCHED.items()))
        print(f"      {_shown(best)}")


def _shown(figures: Figures) -> str:
    return "; ".join(f"{group} " + " / ".join(f"{value:.3f}" for value in values) for group, values in figures.items())


if __name__ == "__main__":
    main()
