"""The tutor's portal (phone first): upcoming visits and sessions, confirmations, calendar feed, absences."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.access_policy import Viewer
from matching.ical import schedule_ics
from matching.models import Role
from matching.services.absences import report_absence, tutor_absences, withdraw_absence
from matching.services.assignment_confirmation import confirm_assignment
from matching.services.calendar_feed import has_feed, issue_feed_token, revoke_feed, tutor_for_feed
from matching.services.errors import NotFound, ValidationFailed
from matching.services.own_availability import change_own_availability, dates_outside_availability
from matching.services.programme import current_programme
from matching.services.tutor_schedule import tutor_schedule
from matching.services.tutors import tutor_detail
from webapp.access import role_required
from webapp.clock import now, today
from webapp.database import db
from webapp.public_urls import public_url
from webapp.tutor.forms import AbsenceForm, OwnAvailabilityForm

bp = Blueprint("tutor", __name__, url_prefix="/tutor")


def _tutor_id() -> int:
    if current_user.tutor_id is None:
        abort(403)
    return current_user.tutor_id


@bp.route("/")
@role_required(Role.TUTOR)
def home():
    """The tutor's upcoming visits and study-room sessions, with new ones to confirm."""
    programme = current_programme(db())
    items = tutor_schedule(db(), programme.id, _tutor_id(), today())
    return render_template("tutor/home.html", items=items, today=today())


@bp.route("/profile")
@role_required(Role.TUTOR)
def profile():
    """The tutor's registration as the programme holds it: subjects, availability, limits, sites."""
    programme = current_programme(db())
    return render_template("tutor/profile.html", tutor=tutor_detail(db(), programme.id, _tutor_id(), Viewer.TUTOR))


@bp.route("/availability", methods=["GET", "POST"])
@role_required(Role.TUTOR)
def availability():
    """The tutor changes their weekly availability; dates it no longer covers are listed (the coordinator sees them)."""
    programme = current_programme(db())
    profile_data = tutor_detail(db(), programme.id, _tutor_id(), Viewer.TUTOR)
    form = OwnAvailabilityForm(data={"availability": profile_data["availability"]})
    if form.validate_on_submit():
        try:
            change_own_availability(db(), programme.id, _tutor_id(), form.availability.windows, current_user.id,
                                    today())
        except ValidationFailed:
            form.availability.errors = [*form.availability.errors, _("時間帯が正しくありません")]
        else:
            flash(_("活動できる時間を保存しました。コーディネーターに伝わります。"), "success")
            return redirect(url_for("tutor.availability"))
    touched = dates_outside_availability(db(), programme.id, _tutor_id(), today())
    return render_template("tutor/availability.html", form=form, touched=touched)


@bp.route("/assignments/<kind>/<int:assignment_id>/confirm", methods=["POST"])
@role_required(Role.TUTOR)
def confirm(kind: str, assignment_id: int):
    """Confirm a new visit or session place of the tutor's own."""
    try:
        confirm_assignment(db(), _tutor_id(), kind, assignment_id, current_user.id, now())
    except NotFound:
        abort(404)
    flash(_("確認しました。ありがとうございます。"), "info")
    return redirect(url_for("tutor.home"))


@bp.route("/calendar")
@role_required(Role.TUTOR)
def calendar():
    """The private calendar feed: whether it is on, and buttons to make a new URL or stop it."""
    return render_template("tutor/calendar.html", active=has_feed(db(), _tutor_id()), feed_url=None)


@bp.route("/calendar/new", methods=["POST"])
@role_required(Role.TUTOR)
def new_feed():
    """Make a new private feed URL (the old one stops working) and show it once."""
    token = issue_feed_token(db(), _tutor_id(), current_user.id, now())
    return render_template("tutor/calendar.html", active=True,
                           feed_url=public_url("tutor.feed", token=token))


@bp.route("/calendar/revoke", methods=["POST"])
@role_required(Role.TUTOR)
def stop_feed():
    """Stop the private feed URL."""
    revoke_feed(db(), _tutor_id(), current_user.id, now())
    flash(_("カレンダーの配信を停止しました。"), "info")
    return redirect(url_for("tutor.calendar"))


@bp.route("/feed/<token>.ics")
def feed(token: str):
    """The tutor's schedule as iCalendar, opened by the secret in the URL (calendar apps have no login)."""
    try:
        tutor_id = tutor_for_feed(db(), token)
    except NotFound:
        abort(404)
    programme = current_programme(db())
    items = tutor_schedule(db(), programme.id, tutor_id, today())
    body = schedule_ics(items, _("学習支援の予定"), now())
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "no-store"})


@bp.route("/absences", methods=["GET", "POST"])
@role_required(Role.TUTOR)
def absences():
    """Report an absence for a date or a period; see the ones already reported and what they affect."""
    programme = current_programme(db())
    form = AbsenceForm()
    if form.validate_on_submit():
        try:
            absence = report_absence(db(), programme.id, _tutor_id(), form.starts_on.data, form.ends_on.data,
                                     form.reason.data, current_user.id, today())
        except ValidationFailed as failed:
            db().rollback()
            form.show_domain_errors(failed.field_errors)
        else:
            flash(_("欠席を連絡しました。コーディネーターが代わりの講師を手配します(対象 %(n)s 件)。",
                    n=len(absence.affected)), "info")
            return redirect(url_for("tutor.absences"))
    return render_template("tutor/absences.html", form=form,
                           absences=tutor_absences(db(), programme.id, _tutor_id(), today()))


@bp.route("/absences/<int:absence_id>/withdraw", methods=["POST"])
@role_required(Role.TUTOR)
def withdraw_absence_view(absence_id: int):
    """Take back an absence: its dates are the tutor's again and need no substitute."""
    withdraw_absence(db(), _tutor_id(), absence_id, current_user.id, today())
    flash(_("欠席を取り消しました。予定どおり担当してください。"), "info")
    return redirect(url_for("tutor.absences"))
