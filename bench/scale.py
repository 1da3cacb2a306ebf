"""Build time, query latency and memory at national size (≈ 350 × 40 schemes): `make bench-scale`.

The build and the searches each run in a fresh process, so the peak memory of each is its own.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import generate_corpus
from bench.relevance import QUESTION_FILES, SETS, load_questions
from regelingen.catalog import DATA_DIR, load_catalog
from search.engine import SearchEngine
from search.index import build_index
from search.lexicon import load_lexicon


def build(index_dir: str, municipalities: int, per_municipality: int) -> dict[str, float]:
    """Generate the corpus and index it; report the build time (without generating) and peak memory."""
    corpus = generate_corpus(load_catalog(DATA_DIR).schemes.values(), municipalities, per_municipality)
    started, cpu = time.perf_counter(), time.process_time()
    generation = build_index(corpus, Path(index_dir), load_lexicon().words)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    size = sum(path.stat().st_size for path in generation.iterdir())
    return {
        "schemes": len(corpus),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "megabytes_on_disk": size / 2**20,
        "peak_mb": _peak_mb(),
    }


def query(index_dir: str, municipalities: int, count: int, without: int) -> dict[str, float]:
    """Run the question sets against random generated municipalities; latency per query and peak memory."""
    from bench.corpus import place_names

    started = time.perf_counter()
    engine = SearchEngine(Path(index_dir), load_lexicon(), recent_size=0)  # time real searches, never a recent answer
    engine.search("warm-up", None)
    open_seconds = time.perf_counter() - started
    texts = [question.text for name in QUESTION_FILES for question in load_questions(SETS / name)]
    places = [name.lower() for name in place_names(municipalities)]
    rng = random.Random(1)
    figures: dict[str, float] = {"open_seconds": open_seconds}
    kinds = (("with municipality", lambda: rng.choice(places), count), ("no municipality", lambda: None, without))
    for label, chooser, number in kinds:
        timings, cpu_timings = [], []
        for index in range(number):
            text, municipality = rng.choice(texts), chooser()
            began, cpu = time.perf_counter(), time.process_time()
            engine.search(text, municipality)
            if index >= 20:  # the first searches fill caches
                timings.append((time.perf_counter() - began) * 1000)
                cpu_timings.append((time.process_time() - cpu) * 1000)
        for kind, values in (("", timings), (" cpu", cpu_timings)):
            figures[f"{label}{kind} p50"] = statistics.median(values)
            figures[f"{label}{kind} p95"] = statistics.quantiles(values, n=20)[18]
            figures[f"{label}{kind} max"] = max(values)
    figures["peak_mb"] = _peak_mb()
    return figures


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_fresh_process(function, *args):
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(function, args)


def main() -> None:
    """Build the national-size index in one process, search it from another, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=350)
    parser.add_argument("--per-municipality", type=int, default=40)
    parser.add_argument("--queries", type=int, default=400, help="searches with a municipality (default 400)")
    parser.add_argument("--without", type=int, default=100, help="searches without a municipality (default 100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as index_dir:
        built = _in_fresh_process(build, index_dir, args.municipalities, args.per_municipality)
        size = f"{args.municipalities} municipalities × {args.per_municipality} + national"
        print(f"corpus: {built['schemes']:.0f} schemes ({size})")
        print(
            f"full build: {built['seconds']:.1f} s ({built['cpu_seconds']:.1f} s CPU), "
            f"index {built['megabytes_on_disk']:.0f} MB, peak memory {built['peak_mb']:.0f} MB"
        )
        searched = _in_fresh_process(query, index_dir, args.municipalities, args.queries, args.without)
        print(f"open index + vocabulary: {searched['open_seconds'] * 1000:.0f} ms")
        for label in ("with municipality", "no municipality"):
            for kind, name in (("", "wall"), (" cpu", "CPU ")):
                key = label + kind
                print(
                    f"query latency {name}, {label}: p50 {searched[key + ' p50']:.1f} ms, "
                    f"p95 {searched[key + ' p95']:.1f} ms, max {searched[key + ' max']:.1f} ms"
                )
        print(f"search process peak memory: {searched['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
