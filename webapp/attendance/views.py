"""Marking attendance: a list of recent (tutor) or one day's (coordinator) items, a visit's outcome, a roll call."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from matching.models import Role, VisitOutcome
from matching.services.attendance.listing import attendance_items
from matching.services.attendance.marker import Marker
from matching.services.attendance.roll_call import RollCallInput, roll_call_sheet, take_roll_call
from matching.services.attendance.visits import mark_visit, visit_mark
from matching.services.programme import current_programme
from webapp.access import role_required
from webapp.attendance.forms import RollCallForm, VisitAttendanceForm, as_time, minutes
from webapp.clock import now, today
from webapp.coordinator.saving import submit
from webapp.database import db

bp = Blueprint("attendance", __name__, url_prefix="/attendance")
MARKERS = (Role.TUTOR, Role.COORDINATOR, Role.ADMIN)
RECENT_DAYS = 14  # how far back a tutor's list reaches; older items stay markable from their own page


def _marker() -> Marker:
    """The signed-in account as a marker: a tutor limited to their own items, or staff."""
    if current_user.role is Role.TUTOR:
        if current_user.tutor_id is None:
            abort(403)
        return Marker(current_user.id, current_user.tutor_id)
    return Marker(current_user.id)


def _day_arg() -> date:
    """The ?on=YYYY-MM-DD day the coordinator chose, today when absent or unreadable."""
    try:
        return date.fromisoformat(request.args.get("on", ""))
    except ValueError:
        return today()


@bp.route("/")
@role_required(*MARKERS)
def index():
    """A tutor's visits and sessions of the last two weeks, or every item of one day for a coordinator."""
    marker, programme = _marker(), current_programme(db())
    first, last = (today() - timedelta(days=RECENT_DAYS), today()) if marker.is_tutor else (_day_arg(), _day_arg())
    items = attendance_items(db(), programme.id, marker, first, last)
    return render_template("attendance/index.html", items=list(reversed(items)) if marker.is_tutor else items,
                           day=first, is_tutor=marker.is_tutor, today=today(), timedelta=timedelta)


@bp.route("/visits/<int:occurrence_id>", methods=["GET", "POST"])
@role_required(*MARKERS)
def visit(occurrence_id: int):
    """Mark one dated home visit done, missed or cancelled (its tutor after the visit, or a coordinator)."""
    marker, programme = _marker(), current_programme(db())
    mark = visit_mark(db(), programme.id, occurrence_id, marker)
    form = VisitAttendanceForm(data={"outcome": mark.outcome.value if mark.outcome else None, "note": mark.note})
    saved = submit(form, lambda: mark_visit(db(), programme.id, occurrence_id, VisitOutcome(form.outcome.data),
                                            form.note.data or "", marker, today(), now()),
                   lambda _row: url_for("attendance.index", on=mark.on_date.isoformat()), _("記録しました。"))
    return saved or render_template("attendance/visit.html", mark=mark, form=form)


def _roll_input(form: RollCallForm) -> RollCallInput:
    return RollCallInput(held=form.held.data == "yes", child_ids=set(form.children.data or ()),
                         tutor_ids=set(form.tutors.data or ()), cancel_reason=form.cancel_reason.data or "",
                         actual_start=minutes(form.actual_start.data), actual_end=minutes(form.actual_end.data),
                         note=form.note.data or "")


@bp.route("/sessions/<int:session_id>", methods=["GET", "POST"])
@role_required(*MARKERS)
def roll_call(session_id: int):
    """The roll call of one session on a tablet: who came, who worked, the actual times, a note."""
    marker, programme = _marker(), current_programme(db())
    sheet = roll_call_sheet(db(), programme.id, session_id, marker)
    form = RollCallForm(data=None if request.method == "POST" else {
        "held": "yes" if sheet.held else "no", "cancel_reason": sheet.cancel_reason, "note": sheet.note,
        "children": [c.id for c in sheet.children if c.present], "tutors": [t.id for t in sheet.tutors if t.present]})
    form.children.choices = [SelectChoice(c.id, c.name) for c in sheet.children]
    form.tutors.choices = [SelectChoice(t.id, t.name) for t in sheet.tutors]
    if request.method == "GET":
        form.actual_start.data = as_time(sheet.actual_start)
        form.actual_end.data = as_time(sheet.actual_end)
    saved = submit(form, lambda: take_roll_call(db(), programme.id, session_id, _roll_input(form), marker, today(),
                                                now()),
                   lambda _row: url_for("attendance.index", on=sheet.on_date.isoformat()), _("出欠を記録しました。"))
    return saved or render_template("attendance/roll_call.html", sheet=sheet, form=form)

