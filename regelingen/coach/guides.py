"""Turn a scheme's steps into a guide for one person: what they lack gets another route, done steps go."""

from __future__ import annotations

from dataclasses import dataclass

from regelingen.coach.plan import Plan, StepNote
from regelingen.model import Helper, Scheme, Step

DIGID = "digid"
# Papers someone can fetch in a bank app; without one, the guide says where else to get them.
BANK_WORDS = ("bankafschrift", "afschriften van uw bank", "saldo", "bankrekening")


@dataclass(frozen=True)
class OtherRoute:
    """Ways to apply without DigiD, taken from the scheme's channels, contact and free helpers."""

    form_url: str | None
    paper_form: bool
    desk: bool
    phone: str | None
    helper: Helper | None


@dataclass(frozen=True)
class DigidRoute:
    """How a step that needs DigiD is shown: `instead` when the person has none, else `also`."""

    mode: str
    alternative: str | None
    original: str


@dataclass(frozen=True)
class GuideStep:
    """One step as the sheet shows it, numbered among the steps still to do."""

    number: int
    index: int
    what: str
    who: str
    where: str | None
    bring: tuple[str, ...]
    digid: DigidRoute | None
    alternative: str | None
    link: str | None
    note: StepNote
    assignable: bool


@dataclass(frozen=True)
class ChecklistItem:
    """One paper to bring, with a hint where a bank app helps."""

    text: str
    from_bank: bool


@dataclass(frozen=True)
class Guide:
    """Everything the sheet for one scheme needs, adapted to what the person already has."""

    scheme: Scheme
    steps: tuple[GuideStep, ...]
    done: tuple[Step, ...]
    checklist: tuple[ChecklistItem, ...]
    other_route: OtherRoute
    lacks_digid: bool
    has: frozenset[str]


def build_guide(scheme: Scheme, plan: Plan) -> Guide:
    """The guide for `scheme`, using what `plan` says is in place, done, and who does what."""
    lacks_digid = plan.lacks(DIGID)
    steps: list[GuideStep] = []
    done: list[Step] = []
    for index, step in enumerate(scheme.steps, start=1):
        if plan.is_done(scheme.id, index):
            done.append(step)
            continue
        steps.append(_guide_step(scheme, step, index, len(steps) + 1, lacks_digid, plan))
    return Guide(
        scheme=scheme,
        steps=tuple(steps),
        done=tuple(done),
        checklist=tuple(ChecklistItem(text, _from_bank(text)) for text in papers(scheme, plan)),
        other_route=other_route(scheme),
        lacks_digid=lacks_digid,
        has=plan.has,
    )


def papers(scheme: Scheme, plan: Plan | None = None) -> list[str]:
    """What to bring for the scheme: its list plus each open step's, each paper once, in order."""
    texts = list(scheme.bring)
    for index, step in enumerate(scheme.steps, start=1):
        if plan is None or not plan.is_done(scheme.id, index):
            texts += step.bring
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(paper_key(text), text)
    return list(seen.values())


def paper_key(text: str) -> str:
    """A paper's text folded for comparing: lowercase, without punctuation or extra spaces."""
    return " ".join("".join(char if char.isalnum() else " " for char in text.casefold()).split())


def other_route(scheme: Scheme) -> OtherRoute:
    """The ways to apply that need no DigiD, for steps without their own alternative."""
    channels = set(scheme.apply_channels)
    return OtherRoute(
        form_url=scheme.apply_form_url,
        paper_form=bool(scheme.apply_form_url) or bool(channels & {"formulier", "post"}),
        desk="balie" in channels,
        phone=scheme.contact.phone,
        helper=scheme.helpers[0] if scheme.helpers else None,
    )


def _guide_step(scheme: Scheme, step: Step, index: int, number: int, lacks_digid: bool, plan: Plan) -> GuideStep:
    digid = None
    what = step.what
    # Someone who has DigiD needs no other route; when we do not know, the sheet shows both.
    if DIGID in step.needs and DIGID not in plan.has:
        if lacks_digid and step.alternative:
            what = step.alternative
        digid = DigidRoute("instead" if lacks_digid else "also", step.alternative, step.what)
    return GuideStep(
        number=number,
        index=index,
        what=what,
        who=step.who,
        where=step.where,
        bring=step.bring,
        digid=digid,
        alternative=step.alternative,
        link=step.link,
        note=plan.note(scheme.id, index),
        assignable=step.who in ("u", "hulpverlener"),
    )


def _from_bank(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in BANK_WORDS)
