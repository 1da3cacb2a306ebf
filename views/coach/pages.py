"""Coach mode: a printable guide per scheme, "Mijn stappenplan" for several schemes, and their PDFs.

Everything the coach adds lives in the URL only (see regelingen/coach/plan.py): these views store nothing,
log nothing, and tell browsers not to keep the pages (`Cache-Control: no-store`).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, abort, make_response, redirect, render_template, request

from regelingen.coach.guides import Guide, build_guide
from regelingen.coach.plan import MAX_SCHEMES, Plan
from regelingen.coach.trips import SharedPaper, also_for, shared_papers, trips
from regelingen.model import Scheme
from views.catalog import current_catalog
from views.coach import labels as coach_labels
from views.coach import pdf as coach_pdf
from views.coach import results as coach_results
from views.coach.pdf import PdfUnavailable, print_page
from views.coach.qr import qr_image
from views.privacy import no_store
from views.state import link

bp = Blueprint("coach", __name__)

# Editor buttons: each names the scheme it acts on; the result is a new URL, nothing else changes.
# "Haal weg" first asks (REMOVE_ASK in the URL shows the question); only "zeker weg" takes the scheme out.
ACTIONS = {
    "omhoog": lambda plan, scheme_id: plan.moved(scheme_id, -1),
    "omlaag": lambda plan, scheme_id: plan.moved(scheme_id, 1),
    "zekerweg": lambda plan, scheme_id: plan.without(scheme_id),
}
SAVE = "maak"
REMOVE = "weg"
REMOVE_ASK = "haalweg"


@bp.get("/<municipality>/<slug>/stappenplan")
def guide(municipality: str, slug: str) -> Response:
    """The printable step-by-step guide for one scheme ("Zo vraagt u het aan")."""
    scheme, plan = _single(municipality, slug)
    page_url = link("site.scheme", municipality=scheme.municipality, slug=scheme.slug, _external=True)
    settings = _query(plan, with_schemes=False)
    return no_store(
        render_template(
            "coach/guide.html",
            guide=build_guide(scheme, plan),
            also={},
            qr=qr_image(page_url),
            plan_link=link("coach.plan", **_query(plan)),
            pdf_link=link("coach.guide_pdf", municipality=scheme.municipality, slug=scheme.slug, **settings),
        )
    )


@bp.get("/<municipality>/<slug>/stappenplan.pdf")
def guide_pdf(municipality: str, slug: str) -> Response:
    """The guide for one scheme as a PDF, printed by headless Chromium."""
    scheme, plan = _single(municipality, slug)
    path = link("coach.guide", municipality=scheme.municipality, slug=scheme.slug, **_query(plan, with_schemes=False))
    return _pdf(path, f"stappenplan-{scheme.slug}.pdf")


@bp.get("/plan")
def plan() -> Response:
    """The plan ("Mijn stappenplan"): the chosen schemes in order, who does what, and a form to change it."""
    asked, known, unknown = _read_plan()
    if REMOVE in request.args:
        return no_store(redirect(link("coach.plan", **_query(asked), haalweg=request.args[REMOVE]), 303))
    changed = _edited(asked, request.args)
    if changed is not None:
        return no_store(redirect(link("coach.plan", **_query(changed)), 303))
    removing = next((scheme for scheme in known if scheme.id == request.args.get(REMOVE_ASK)), None)
    guides = [build_guide(scheme, asked) for scheme in known]
    shared = shared_papers(guides)
    plan_url = link("coach.plan", **_query(asked), _external=True)
    # The QR code names the schemes only, never the goal, notes or what someone lacks: short enough to scan from paper.
    qr_url = link("coach.plan", r=list(asked.schemes), _external=True)
    return no_store(
        render_template(
            "coach/plan.html",
            plan=asked,
            guides=guides,
            unknown=unknown,
            too_many=asked.too_many,
            max_schemes=MAX_SCHEMES,
            shared=shared,
            also=_also(guides, shared),
            trips=trips(guides),
            plan_url=plan_url,
            qr=qr_image(qr_url) if known else None,
            pdf_link=link("coach.plan_pdf", **_query(asked)),
            removing=removing,
            keep_link=link("coach.plan", **_query(asked)),
        )
    )


@bp.get("/plan.pdf")
def plan_pdf() -> Response:
    """The plan as a PDF, printed by headless Chromium."""
    asked, _known, _unknown = _read_plan()
    return _pdf(link("coach.plan", **_query(asked)), "mijn-stappenplan.pdf")


def _single(municipality: str, slug: str) -> tuple[Scheme, Plan]:
    """The scheme named in the path (404 when unknown) and the plan settings for it from the query."""
    scheme = current_catalog().schemes.get(f"{municipality}/{slug}")
    if scheme is None:
        abort(404)
    plan = Plan.from_query([("r", scheme.id), *request.args.items(multi=True)])
    return scheme, plan.keeping([scheme.id])


def _read_plan() -> tuple[Plan, list[Scheme], list[str]]:
    """The plan from the query, limited to schemes we know, those schemes, and the ids we do not know."""
    schemes = current_catalog().schemes
    asked = Plan.from_query(request.args.items(multi=True))
    known = [schemes[scheme_id] for scheme_id in asked.schemes if scheme_id in schemes]
    unknown = [scheme_id for scheme_id in asked.schemes if scheme_id not in schemes]
    return asked.keeping(scheme.id for scheme in known), known, unknown


def _edited(plan: Plan, args: Any) -> Plan | None:
    """The plan after an editor button, or None when the request came from no button."""
    for name, change in ACTIONS.items():
        if name in args:
            return change(plan, args.get(name, ""))
    return plan if SAVE in args else None


def _query(plan: Plan, with_schemes: bool = True) -> dict[str, list[str]]:
    """The plan's query parameters as `url_for` keywords (lists give repeated parameters)."""
    query: dict[str, list[str]] = {}
    for key, value in plan.to_query():
        if with_schemes or key != "r":
            query.setdefault(key, []).append(value)
    return query


def _also(guides: list[Guide], shared: list[SharedPaper]) -> dict[str, dict[str, list[Scheme]]]:
    """Per scheme and paper, the other schemes of the plan that need the same kind of paper."""
    return {
        guide.scheme.id: {item.text: also_for(item.text, guide.scheme, shared) for item in guide.checklist}
        for guide in guides
    }


def _pdf(path: str, filename: str) -> Response:
    """The PDF of page `path`, or a kind page pointing to the Print button when no PDF can be made."""
    try:
        pdf = print_page(path)
    except PdfUnavailable:
        page = render_template("coach/pdf_missing.html", back=path)
        return no_store(make_response(page, 503))
    response = make_response(pdf)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


TEMPLATE_HELPERS = {**coach_labels.TEMPLATE_HELPERS, **coach_results.TEMPLATE_HELPERS, **coach_pdf.TEMPLATE_HELPERS}


def template_helpers() -> dict[str, Any]:
    """What coach templates use besides the app-wide link, asset, language and formatting helpers."""
    return TEMPLATE_HELPERS


def init_app(app: Flask, also_for: tuple[str, ...] = ()) -> None:
    """Register the coach pages; their template helpers serve them and the blueprints named in `also_for`."""
    coach_labels.init_app(app)
    for name in (bp.name, *also_for):
        app.template_context_processors[name].append(template_helpers)
    app.register_blueprint(bp)
