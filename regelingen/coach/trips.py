"""Fewer trips: papers that several schemes in a plan need, and schemes served at one desk or phone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from regelingen.coach.guides import Guide, GuideStep, paper_key
from regelingen.codes import tel_target
from regelingen.model import Scheme

# Kinds of paper, found by words in how each file words it; one paper may be of several kinds.
PAPER_KINDS: dict[str, tuple[str, ...]] = {
    "identiteitsbewijs": ("identiteitsbewijs", "paspoort", "id-kaart", "verblijfsvergunning"),
    "bsn": ("burgerservicenummer", "bsn"),
    "inkomen": ("inkomen", "loonstro", "uitkeringsspecificatie"),
    "spaargeld": ("spaargeld", "spaarrekening", "bezit", "saldo"),
    "bankafschriften": ("bankafschrift", "afschriften van uw bank"),
    "bankrekening": ("bankrekeningnummer", "bankpas"),
    "vaste-lasten": ("vaste lasten",),
    "huur": ("huurcontract", "verhuurder"),
    "offerte": ("offerte", "prijsopgave"),
}
PHONE = re.compile(r"\b(14 ?0\d{2,3}|0[1-9][0-9 \-]{7,12}\d|0800[ \-]?\d{4,7}|088[ \-]?[0-9 \-]{7,10}\d)")
# A street and house number ("Grote Oever 26") names a desk one can walk to.
ADDRESS = re.compile(r"[A-Za-zÀ-ÿ]{3,} \d{1,4}\b")
CALL_OR_DESK = ("telefoon", "bel ", "balie", "loket")


@dataclass(frozen=True)
class SharedPaper:
    """A kind of paper several schemes in the plan ask for, and how each of them words it."""

    kind: str
    known_kind: bool
    texts: tuple[str, ...]
    schemes: tuple[Scheme, ...]


@dataclass(frozen=True)
class Stop:
    """One scheme at a shared desk or phone number, with its steps that happen there (maybe none)."""

    scheme: Scheme
    steps: tuple[GuideStep, ...]


@dataclass(frozen=True)
class Trip:
    """One call or one visit that serves several schemes of the plan."""

    place: str
    phone: str | None
    stops: tuple[Stop, ...]


def paper_kinds(text: str) -> tuple[str, ...]:
    """The kinds of paper `text` names; a paper of no known kind is its own kind."""
    folded = text.casefold()
    kinds = tuple(kind for kind, words in PAPER_KINDS.items() if any(word in folded for word in words))
    return kinds or (paper_key(text),)


def shared_papers(guides: Sequence[Guide]) -> list[SharedPaper]:
    """The kinds of paper that two or more schemes of the plan need, each listed once."""
    by_kind: dict[str, dict[str, list[str]]] = {}
    schemes = {guide.scheme.id: guide.scheme for guide in guides}
    for guide in guides:
        for item in guide.checklist:
            for kind in paper_kinds(item.text):
                by_kind.setdefault(kind, {}).setdefault(guide.scheme.id, []).append(item.text)
    return [
        SharedPaper(
            kind=kind,
            known_kind=kind in PAPER_KINDS,
            texts=tuple(dict.fromkeys(text for texts in per_scheme.values() for text in texts)),
            schemes=tuple(schemes[scheme_id] for scheme_id in per_scheme),
        )
        for kind, per_scheme in by_kind.items()
        if len(per_scheme) >= 2
    ]


def also_for(text: str, scheme: Scheme, shared: Sequence[SharedPaper]) -> list[Scheme]:
    """The other schemes of the plan that need the same kind of paper as `text` does for `scheme`."""
    kinds = set(paper_kinds(text))
    others: dict[str, Scheme] = {}
    for paper in shared:
        if paper.kind in kinds and scheme in paper.schemes:
            others.update((other.id, other) for other in paper.schemes if other.id != scheme.id)
    return list(others.values())


def trips(guides: Sequence[Guide]) -> list[Trip]:
    """Phone numbers and desks that two or more schemes of the plan share, with the steps done there."""
    places: dict[str, dict[str, list[GuideStep]]] = {}
    labels: dict[str, tuple[str, str | None]] = {}
    schemes = {guide.scheme.id: guide.scheme for guide in guides}
    for guide in guides:
        contact = guide.scheme.contact
        if contact.phone:
            key = tel_target(contact.phone)
            places.setdefault(key, {}).setdefault(guide.scheme.id, [])
            labels.setdefault(key, (contact.name, contact.phone))
        for step in (step for step in guide.steps if step.assignable):
            for key, label in _step_places(guide.scheme, step):
                places.setdefault(key, {}).setdefault(guide.scheme.id, []).append(step)
                labels.setdefault(key, label)
    return [
        Trip(labels[key][0], labels[key][1], tuple(Stop(schemes[i], tuple(steps)) for i, steps in per_scheme.items()))
        for key, per_scheme in places.items()
        if len(per_scheme) >= 2
    ]


def _step_places(scheme: Scheme, step: GuideStep) -> list[tuple[str, tuple[str, str | None]]]:
    """Where a step happens, as grouping keys with a label: a phone number and/or a street address."""
    where = step.where or ""
    found = []
    phone = PHONE.search(where)
    if phone:
        found.append((tel_target(phone.group(1)), (where, phone.group(1))))
    elif scheme.contact.phone and any(word in f"{where.casefold()} " for word in CALL_OR_DESK):
        found.append((tel_target(scheme.contact.phone), (scheme.contact.name, scheme.contact.phone)))
    if ADDRESS.search(where):
        found.append((paper_key(where), (where, None)))
    return found
