"""A national-size corpus made from the real scheme files, with varied text: `generate_corpus()`."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import replace

from regelingen.model import Scheme

# Two syllables make 25 × 16 = 400 distinct, Dutch-looking place names.
_FIRST = [
    "Ber",
    "Dor",
    "Gel",
    "Har",
    "Hel",
    "Kam",
    "Lim",
    "Mar",
    "Nij",
    "Oos",
    "Ros",
    "Sta",
    "Tie",
    "Ven",
    "Wes",
    "Zel",
    "Bra",
    "Del",
    "Eem",
    "Fle",
    "Gro",
    "Hoo",
    "Lei",
    "Mid",
    "Oud",
]
_SECOND = [
    "dam",
    "dijk",
    "veen",
    "hout",
    "berg",
    "horst",
    "wijk",
    "meer",
    "land",
    "wold",
    "rade",
    "loo",
    "hoven",
    "zand",
    "burg",
    "haven",
]
_TITLE_STARTS = ("", "", "", "Regeling ", "Fonds ", "Bijdrage ", "Hulp: ")


def place_names(count: int) -> list[str]:
    """`count` distinct place names (at most 400)."""
    names = [first + second for first in _FIRST for second in _SECOND]
    if count > len(names):
        raise ValueError(f"at most {len(names)} municipalities")
    return names[:count]


def generate_corpus(
    schemes: Iterable[Scheme], municipalities: int = 350, per_municipality: int = 40, seed: int = 0
) -> list[Scheme]:
    """The national schemes once, plus `per_municipality` local schemes for each generated municipality.

    Each local scheme is a real one moved to the new place: its own place name in the text, a
    varied title, a sample of its search terms plus some from a scheme on the same topic, and a
    sentence borrowed from another scheme, so the vocabulary and the statistics vary like real data.
    """
    rng = random.Random(seed)
    real = list(schemes)
    national = [scheme for scheme in real if scheme.is_national]
    local = [scheme for scheme in real if not scheme.is_national]
    if not local:
        raise ValueError("the corpus needs at least one municipal scheme to copy")
    places = sorted({scheme.municipality for scheme in local}, key=len, reverse=True)
    old_places = re.compile(r"\b(?:" + "|".join(re.escape(place) for place in places) + r")\b", re.IGNORECASE)
    neighbours = {s.id: [n for n in local if set(n.categories) & set(s.categories)] for s in local}
    corpus = list(national)
    for name in place_names(municipalities):
        slug = name.lower()
        used: dict[str, int] = {}
        for original in (rng.choice(local) for _ in range(per_municipality)):
            used[original.slug] = used.get(original.slug, 0) + 1
            number = used[original.slug]
            new_slug = original.slug if number == 1 else f"{original.slug}-{number}"
            neighbour = rng.choice(neighbours[original.id])
            corpus.append(_moved(original, slug, new_slug, name, old_places, neighbour, rng.choice(local), rng))
    return corpus


def _moved(
    original: Scheme,
    slug: str,
    new_slug: str,
    name: str,
    old_places: re.Pattern[str],
    neighbour: Scheme,
    lender: Scheme,
    rng: random.Random,
) -> Scheme:
    """`original` as a scheme of the municipality `name`, with terms from a scheme on the same topic."""

    def local(text: str) -> str:
        return old_places.sub(name, text)

    terms = rng.sample(original.search_terms, max(1, round(len(original.search_terms) * rng.uniform(0.7, 1.0))))
    terms += rng.sample(neighbour.search_terms, min(3, len(neighbour.search_terms)))
    borrowed = lender.benefit.split(". ")[0]
    conditions = replace(original.conditions, text=tuple(local(line) for line in original.conditions.text))
    return replace(
        original,
        municipality=slug,
        slug=new_slug,
        title=rng.choice(_TITLE_STARTS) + local(original.title) + (f" {name}" if rng.random() < 0.3 else ""),
        summary=local(original.summary),
        for_whom=local(original.for_whom),
        benefit=f"{local(original.benefit)} {borrowed}.",
        conditions=conditions,
        search_terms=tuple(dict.fromkeys(terms)),
    )
