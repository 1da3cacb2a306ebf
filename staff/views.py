"""/beheer: the overview of the files of one's municipality, what is due first, and its CSV (behind the login)."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Flask, Response, abort, current_app, render_template
from flask_login import current_user

from staff.access import Action, allowed, require
from staff.linkreport import LinkReport, read_report, report_path
from staff.overview import COLUMNS, MunicipalityOverview, build_overview
from views.catalog import current_catalog
from views.formatting import today

bp = Blueprint("beheer", __name__, url_prefix="/beheer")

# Spreadsheet programs read a formula from a cell that starts with one of these; text from files must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@bp.get("")
def overview() -> str:
    """Every municipality's files with dates, sources, problems and broken links; files that need work first."""
    links = _link_report()
    refused = getattr(current_app.extensions.get("publication"), "refused", None)
    return render_template(
        "staff/overzicht.html", groups=_groups(links), columns=COLUMNS, links=links, today=today(), refused=refused
    )


@bp.get("/<municipality>.csv")
def overview_csv(municipality: str) -> Response:
    """The rows of one municipality's table as CSV (semicolons and a BOM, so Excel in Dutch opens it as is)."""
    require(Action.VIEW, municipality)
    group = next((group for group in _groups(_link_report()) if group.slug == municipality), None)
    if group is None:
        abort(404)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_safe(cell) for cell in row.cells()] for row in group.rows)
    filename = f"regelingen-{group.slug}-{today().isoformat()}.csv"
    return Response(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _groups(links: LinkReport | None) -> list[MunicipalityOverview]:
    """The municipalities this account may see (`staff.web` keeps these pages private and uncached)."""
    groups = build_overview(current_catalog(), today(), links)
    return [group for group in groups if allowed(current_user, Action.VIEW, group.slug)]


def _link_report() -> LinkReport | None:
    return read_report(report_path(current_app.config))


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def init_app(app: Flask) -> None:
    """Register /beheer."""
    app.register_blueprint(bp)
