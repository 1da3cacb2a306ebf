"""The one-minute anonymous check (/check): one question per screen; the answers live only in the URL."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, render_template, request
from werkzeug.wrappers import Response

from regelingen.check.answers import Answers, parse_answers
from regelingen.check.questions import STEPS, Question
from regelingen.check.reasons import Phrase
from regelingen.check.run import CheckResult, resolve_municipality, run_check
from views.catalog import current_catalog, current_norms
from views.check import text as check_text
from views.formatting import today
from views.privacy import no_store
from views.state import link

bp = Blueprint("check", __name__)


@bp.get("/check")
def start() -> Response:
    """Ask the next question that can still change an outcome; when none is left, go to the result."""
    catalog = current_catalog()
    answers, place_error = resolve_municipality(parse_answers(request.args.items(multi=True)), catalog)
    step = request.args.get("stap", "")
    if step in STEPS:
        earlier, errors = _step_errors(step, answers, place_error)
        if errors and earlier.question is not None:
            return no_store(_question_page(earlier, errors, request.args.get("postcode", "")[:10]), 400)
    result = run_check(catalog, answers, current_norms(), today())
    if result.question is None:
        return no_store(redirect(link("check.result", **params(result.answers)), 303))
    return no_store(_question_page(result, {}, ""))


@bp.get("/check/uitslag")
def result() -> Response:
    """The best few schemes as cards (what you get, one next step), the rest folded away, and a link to a plan."""
    catalog = current_catalog()
    answers, _ = resolve_municipality(parse_answers(request.args.items(multi=True)), catalog)
    outcome = run_check(catalog, answers, current_norms(), today())
    plan_ids = outcome.plan_ids
    page = render_template(
        "check/result.html",
        result=outcome,
        summary=check_text.summary(outcome, change_link),
        status_words=check_text.STATUS_WORDS,
        outcome_words=check_text.OUTCOME_WORDS,
        plan_link=link("coach.plan", r=plan_ids) if plan_ids else None,
        plan_size=len(plan_ids),
        restart=link("check.start", gemeente=None),
        choose_place=change_link(outcome.answers, "gemeente"),
    )
    return no_store(page)


def _step_errors(step: str, answers: Answers, place_error: Phrase | None) -> tuple[CheckResult, dict[str, Phrase]]:
    """The check as it stood before `step` was answered, and a message per field the form left empty or unreadable."""
    earlier = run_check(current_catalog(), answers.without(STEPS[step][0]), current_norms(), today())
    if earlier.question is None or earlier.question.step != step:
        return earlier, {}
    errors = {}
    for field in earlier.question.fields:
        if field.key == "gemeente" and place_error is not None:
            errors[field.key] = place_error
        elif field.key not in answers.answered:
            errors[field.key] = check_text.missing(field)
        elif field.key in answers.invalid:
            errors[field.key] = check_text.unreadable()
    return earlier, errors


def _question_page(result: CheckResult, errors: dict[str, Phrase], postcode: str) -> str:
    """One question, with the earlier answers carried along in hidden fields."""
    question: Question = result.question  # type: ignore[assignment]
    previous = result.steps_done[-1] if result.steps_done else None
    return render_template(
        "check/question.html",
        question=question,
        hidden=result.answers.to_query(),
        number=len(result.steps_done) + 1,
        most=len(result.steps_done) + 1 + result.steps_left,
        errors=errors,
        postcode=postcode,
        back=change_link(result.answers, STEPS[previous][0]) if previous else None,
        title=check_text.title(question),
    )


def params(answers: Answers) -> dict[str, list[str]]:
    """The answers as `url_for` keywords (lists give repeated parameters)."""
    query: dict[str, list[str]] = {}
    for key, value in answers.to_query():
        query.setdefault(key, []).append(value)
    return query


def change_link(answers: Answers, key: str) -> str:
    """The check again from the question that asks `key`, with every earlier answer kept."""
    kept = params(answers.without(key))
    return link("check.start", **kept) if "gemeente" in kept else link("check.start", **kept, gemeente=None)


def init_app(app: Flask) -> None:
    """Register the check pages and the `say` filter."""
    app.jinja_env.filters["say"] = check_text.say
    app.jinja_env.filters["first_sentence"] = check_text.first_sentence
    app.register_blueprint(bp)
