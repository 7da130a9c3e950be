"""The monthly and annual report (月次・年次実績報告): the page with its charts, the A4 print and the .xlsx export."""

from __future__ import annotations

from flask import Response, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.audit import record
from matching.services.errors import ValidationFailed
from matching.services.programme import current_programme
from matching.services.report.build import build_report
from matching.services.report.figures import Report
from matching.services.report.period import YEAR, report_months, report_period
from matching.services.report.tables import cell_text, masked, report_tables
from matching.services.report.workbook import report_workbook
from webapp.access import STAFF_ROLES, role_required
from webapp.charts import month_bars
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.coordinator.report_labels import report_label
from webapp.database import db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report() -> tuple[str, Report]:
    """The period asked for (?period=year or YYYY-MM; the year, with a message, when unreadable) and its report."""
    programme = current_programme(db())
    period = request.args.get("period", YEAR)
    try:
        days = report_period(programme, period)
    except ValidationFailed:
        flash(_("期間は年度か、年度内の月を選んでください。年度の報告を表示しています。"), "error")
        period, days = YEAR, report_period(programme, YEAR)
    return period, build_report(db(), programme.id, *days, today())


def _charts(report: Report) -> list[tuple[str, object]]:
    """(caption, SVG) of the two charts: sessions held per month against the target, attendances per month."""
    months = [m.month.strftime("%Y-%m") for m in report.months]
    sessions, attendance = _("学習室の実施回数(月別)と目標"), _("出席(月別・延べ): 学習室の出席と個別訪問の実施")
    return [
        (sessions, month_bars(sessions, months, [m.sessions_held for m in report.months],
                              [m.sessions_target for m in report.months], _("目標"))),
        (attendance, month_bars(attendance, months, [m.session_attendances + m.visits_done for m in report.months])),
    ]


@bp.route("/report")
@role_required(*STAFF_ROLES)
def report():
    """The report of the school year or a month: tables and charts; ?print=1 is the A4 copy with small cells hidden."""
    period, figures = _report()
    printing = request.args.get("print") == "1"
    tables = report_tables(figures, report_label)
    return render_template("coordinator/report.html", report=figures, period=period, printing=printing,
                           tables=masked(tables) if printing else tables, charts=_charts(figures),
                           months=report_months(current_programme(db())), label=report_label, cell_text=cell_text)


@bp.route("/report.xlsx")
@role_required(*STAFF_ROLES)
def report_xlsx():
    """The report as .xlsx, a sheet per table, counts of 1-2 children shown as ≤2 (it leaves the programme)."""
    period, figures = _report()
    heading = f"{figures.programme_name} {figures.starts_on.isoformat()}〜{figures.ends_on.isoformat()} " \
              f"({_('%(day)s 現在', day=figures.as_of.isoformat())})"
    body = report_workbook(masked(report_tables(figures, report_label)), report_label, heading)
    record(db(), current_user.id, "report_exported", "programme", None, period=period)
    db().commit()
    return Response(body, mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="report-{figures.school_year}-{period}.xlsx"'})
