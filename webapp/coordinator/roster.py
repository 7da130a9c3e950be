"""Roster import and export: upload a workbook or CSV, see every problem at once, download the template and exports."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.access_policy import can_see
from matching.roster.columns import SHEET_BY_KIND
from matching.roster.export import export_children, export_tutors
from matching.roster.importer import import_roster
from matching.roster.plan_export import export_plans
from matching.roster.problems import ImportRejected
from matching.roster.table import UnreadableFile
from matching.roster.template import template_csv, template_xlsx
from matching.roster.workbook import csv_bytes, xlsx_bytes
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, current_viewer, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.roster_form import RosterUploadForm
from webapp.coordinator.roster_messages import roster_message
from webapp.database import db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS = {"children": export_children, "tutors": export_tutors}


def _download(content: bytes, filename: str) -> Response:
    mimetype = XLSX if filename.endswith(".xlsx") else "text/csv; charset=utf-8"
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}",
                                                         "Cache-Control": "no-store"})


@bp.route("/roster", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def roster():
    """The import form; after an upload with problems, every problem with its row and column, nothing written."""
    form = RosterUploadForm()
    problems = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            summary = import_roster(db(), current_programme(db()).id, upload.filename or "", upload.read(),
                                    form.kind.data, current_user.id,
                                    can_see(current_viewer(), "student", "eligibility"))
        except ImportRejected as rejected:
            problems = [(p.sheet, p.row, p.column, roster_message(p.code)) for p in rejected.problems]
        except UnreadableFile:
            form.file.errors = [_("ファイルを読めませんでした。Excel の .xlsx か、CSV(UTF-8 または Shift_JIS)で保存してください。")]
        else:
            flash(_("取り込みました: 新規 %(created)s 件、更新 %(updated)s 件。",
                    created=sum(summary.created.values()), updated=sum(summary.updated.values())), "success")
            return redirect(url_for(".roster"))
    return render_template("coordinator/roster.html", form=form, problems=problems,
                           kinds=list(SHEET_BY_KIND))


@bp.route("/roster/template")
@role_required(*STAFF_ROLES)
def roster_template():
    """The template with Japanese headers and an example row: the whole workbook, or one sheet as CSV (?kind=)."""
    kind = request.args.get("kind", "")
    if not kind:
        return _download(template_xlsx(), "roster-template.xlsx")
    if kind not in SHEET_BY_KIND:
        abort(404)
    return _download(template_csv(kind), f"roster-template-{kind}.csv")


@bp.route("/roster/export")
@role_required(*STAFF_ROLES)
def roster_export():
    """Children, tutors or the published plans as .xlsx or CSV, with the columns the viewer may see (audited)."""
    what, fmt = request.args.get("what", "children"), request.args.get("format", "xlsx")
    if fmt not in ("xlsx", "csv") or what not in (*EXPORTS, "plans", "visits-by-child", "visits-by-tutor",
                                                  "sessions"):
        abort(404)
    programme_id = current_programme(db()).id
    if what in EXPORTS:
        tables = [EXPORTS[what](db(), programme_id, current_viewer(), current_user.id)]
    else:
        tables = export_plans(db(), programme_id, current_viewer(), current_user.id)
        parts = {"visits-by-child": 0, "visits-by-tutor": 1, "sessions": 2}
        if what in parts:
            tables = [tables[parts[what]]]
        elif fmt == "csv":
            abort(404)  # a CSV file holds one table: choose one of the plan's parts
    content = xlsx_bytes(tables) if fmt == "xlsx" else csv_bytes(tables[0])
    return _download(content, f"{what}.{fmt}")
