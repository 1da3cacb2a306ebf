"""A personal action plan ("Mijn stappenplan") that lives only in its URL: nothing is stored.

Query parameters (repeated ones keep their order; every one is optional):

    r=<gemeente>/<slug>                 a scheme in the plan, in the order shown; repeat for more
    doel=<tekst>                        the goal in the person's own words ("Wat wil ik bereiken?")
    heb=digid|bankapp|lezer|papieren|niets
                                        what is already in place (repeat): DigiD, a bank app, someone
                                        who reads letters with them, papers gathered; `niets` = none
    klaar=<gemeente>/<slug>.<n>         step n of that scheme is already done (repeat)
    wie.<gemeente>/<slug>.<n>=ik|coach|ander
                                        who does step n: me, my coach, someone else
    door.<gemeente>/<slug>.<n>=<tekst>  who exactly, in free text ("mijn zus")
    wanneer.<gemeente>/<slug>.<n>=<tekst>
                                        when, only if the person wants to say ("na de vakantie")

Example: /plan?r=oss/bijzondere-bijstand&r=landelijk/zorgtoeslag&doel=Rust+in+mijn+hoofd
         &heb=bankapp&wie.landelijk/zorgtoeslag.1=coach&wanneer.landelijk/zorgtoeslag.1=dinsdag

Hostile input never fails: text is cut to a fixed length and loses control characters, unknown
keys and values are ignored, and scheme ids we cannot read are kept only so the page can name them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

MAX_SCHEMES = 10
MAX_STEP = 40
GOAL_LENGTH = 300
NOTE_LENGTH = 80
ID_LENGTH = 100
WHO = ("ik", "coach", "ander")
NOTE_FIELDS = ("wie", "door", "wanneer")
IN_PLACE = ("digid", "bankapp", "lezer", "papieren")
NOTHING = "niets"
SCHEME_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")
# Bidirectional overrides can make text read differently from what it is; other Cf (ZWNJ) is needed.
_BIDI = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}

StepKey = tuple[str, int]


@dataclass(frozen=True)
class StepNote:
    """What the coach and the person agreed on for one step: who does it and, if wanted, when."""

    who: str | None = None
    by: str = ""
    when: str = ""


@dataclass(frozen=True)
class Plan:
    """The schemes in order, the goal, what is in place, steps done, and who does what and when."""

    schemes: tuple[str, ...] = ()
    goal: str = ""
    has: frozenset[str] = frozenset()
    done: frozenset[StepKey] = frozenset()
    notes: Mapping[StepKey, StepNote] = field(default_factory=lambda: MappingProxyType({}))
    too_many: bool = field(default=False, compare=False)

    @classmethod
    def from_query(cls, pairs: Iterable[tuple[str, str]]) -> Plan:
        """Read a plan from query parameters (`request.args.items(multi=True)`); never raises."""
        ids: list[str] = []
        goal, has, done = "", set(), set()
        fields: dict[tuple[str, int], dict[str, str]] = {}
        for key, value in pairs:
            name, _, rest = key.partition(".")
            if key == "r":
                ids.append(clean(value, ID_LENGTH))
            elif key == "doel" and not goal:
                goal = clean(value, GOAL_LENGTH)
            elif key == "heb" and value in (*IN_PLACE, NOTHING):
                has.add(value)
            elif key == "klaar" and (step := _step_key(value)):
                done.add(step)
            elif name in NOTE_FIELDS and (step := _step_key(rest)):
                fields.setdefault(step, {}).setdefault(name, value)
        unique = list(dict.fromkeys(i for i in ids if i))
        schemes = tuple(unique[:MAX_SCHEMES])
        if has - {NOTHING}:
            has.discard(NOTHING)
        notes = {}
        for step, values in fields.items():
            note = _note(values)
            if step[0] in schemes and note != StepNote():
                notes[step] = note
        return cls(
            schemes=schemes,
            goal=goal,
            has=frozenset(has),
            done=frozenset(step for step in done if step[0] in schemes),
            notes=MappingProxyType(dict(sorted(notes.items()))),
            too_many=len(unique) > MAX_SCHEMES,
        )

    def to_query(self) -> list[tuple[str, str]]:
        """The plan as query parameters, in a fixed order, so equal plans give equal URLs."""
        pairs = [("r", scheme_id) for scheme_id in self.schemes]
        if self.goal:
            pairs.append(("doel", self.goal))
        pairs += [("heb", item) for item in (*IN_PLACE, NOTHING) if item in self.has]
        pairs += [("klaar", f"{scheme_id}.{number}") for scheme_id, number in sorted(self.done, key=self._order)]
        for (scheme_id, number), note in sorted(self.notes.items(), key=lambda item: self._order(item[0])):
            for name, value in zip(NOTE_FIELDS, (note.who, note.by, note.when)):
                if value:
                    pairs.append((f"{name}.{scheme_id}.{number}", value))
        return pairs

    def note(self, scheme_id: str, number: int) -> StepNote:
        """Who does step `number` of a scheme, and when (empty when nobody said)."""
        return self.notes.get((scheme_id, number), StepNote())

    def is_done(self, scheme_id: str, number: int) -> bool:
        """True when step `number` of the scheme is already done."""
        return (scheme_id, number) in self.done

    def lacks(self, item: str) -> bool:
        """True when the coach said what is in place and `item` is not among it."""
        return bool(self.has) and item not in self.has

    def moved(self, scheme_id: str, offset: int) -> Plan:
        """The plan with one scheme moved `offset` places up (-1) or down (+1)."""
        if scheme_id not in self.schemes:
            return self
        order = list(self.schemes)
        old = order.index(scheme_id)
        new = min(max(old + offset, 0), len(order) - 1)
        order.insert(new, order.pop(old))
        return replace(self, schemes=tuple(order))

    def keeping(self, scheme_ids: Iterable[str]) -> Plan:
        """The plan with only the given schemes, and only their notes and done steps."""
        keep = set(scheme_ids)
        return replace(
            self,
            schemes=tuple(i for i in self.schemes if i in keep),
            done=frozenset(step for step in self.done if step[0] in keep),
            notes=MappingProxyType({step: note for step, note in self.notes.items() if step[0] in keep}),
        )

    def without(self, scheme_id: str) -> Plan:
        """The plan with one scheme (and what was noted for it) taken out."""
        return self.keeping(i for i in self.schemes if i != scheme_id)

    def with_scheme(self, scheme_id: str) -> Plan:
        """The plan with one more scheme at the end (if it has room and the scheme is not in it yet)."""
        if scheme_id in self.schemes or len(self.schemes) >= MAX_SCHEMES:
            return self
        return replace(self, schemes=(*self.schemes, scheme_id))

    def _order(self, step: StepKey) -> tuple[int, int]:
        return (self.schemes.index(step[0]) if step[0] in self.schemes else len(self.schemes), step[1])


def clean(text: str, limit: int) -> str:
    """`text` on one line, without control characters, cut to `limit` characters."""
    kept = "".join(" " if char.isspace() else char for char in text if _allowed(char))
    return " ".join(kept.split())[:limit].rstrip()


def is_scheme_id(text: str) -> bool:
    """True when `text` looks like `<gemeente>/<slug>` (whether or not such a scheme exists)."""
    return bool(SCHEME_ID.match(text))


def _allowed(char: str) -> bool:
    return char.isspace() or (unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn") and char not in _BIDI)


def _step_key(text: str) -> StepKey | None:
    scheme_id, _, number = text.rpartition(".")
    if is_scheme_id(scheme_id) and number.isascii() and number.isdigit() and 1 <= int(number) <= MAX_STEP:
        return scheme_id, int(number)
    return None


def _note(values: dict[str, str]) -> StepNote:
    who = values.get("wie")
    return StepNote(
        who=who if who in WHO else None,
        by=clean(values.get("door", ""), NOTE_LENGTH),
        when=clean(values.get("wanneer", ""), NOTE_LENGTH),
    )
