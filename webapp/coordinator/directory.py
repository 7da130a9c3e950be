"""Coordinator pages: home with the programme's figures, and lists and details of children, tutors and sites."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from matching.services.child_overview import child_overview
from matching.services.dashboard import dashboard_counts
from matching.services.todo import coordinator_todo
from matching.services.programme import current_programme
from matching.services.sites import list_sites, site_detail
from matching.services.students import list_students, student_detail
from matching.services.tutor_schedule import tutor_schedule
from matching.services.tutors import list_tutors, tutor_account, tutor_detail
from webapp.access import STAFF_ROLES, current_viewer, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.support_end_form import EndSupportForm, TutorLeaveForm
from webapp.database import db
from webapp.requests import int_arg as _int_arg


@bp.route("/")
@role_required(*STAFF_ROLES)
def home():
    """The coordinator's to-do for today, then the programme at a glance."""
    programme = current_programme(db())
    counts = dashboard_counts(db(), programme.id, today())
    todo = coordinator_todo(db(), programme.id, today())
    return render_template("coordinator/home.html", programme=programme, counts=counts, todo=todo)


@bp.route("/students")
@role_required(*STAFF_ROLES)
def students():
    """Children, searchable by name, furigana, school or site, filterable by site and grade."""
    programme = current_programme(db())
    text = request.args.get("q", "")
    page = list_students(db(), programme.id, text, _int_arg("page") or 1, _int_arg("site"), _int_arg("grade"))
    return render_template("coordinator/students.html", page=page, q=text, sites=list_sites(db(), programme.id),
                           site_id=_int_arg("site"), grade=_int_arg("grade"))


@bp.route("/students/<int:student_id>")
@role_required(*STAFF_ROLES)
def student(student_id: int):
    """One child with their household, needs and availability (sensitive fields for coordinators only)."""
    programme = current_programme(db())
    detail = student_detail(db(), programme.id, student_id, current_viewer(), current_user.id)
    return render_template("coordinator/student.html", **detail,
                           overview=child_overview(db(), programme.id, student_id, today()),
                           end_form=EndSupportForm())


@bp.route("/tutors")
@role_required(*STAFF_ROLES)
def tutors():
    """Tutors, searchable by name, furigana or affiliation."""
    programme = current_programme(db())
    text = request.args.get("q", "")
    page = list_tutors(db(), programme.id, today(), text, _int_arg("page") or 1)
    return render_template("coordinator/tutors.html", page=page, q=text)


@bp.route("/tutors/<int:tutor_id>")
@role_required(*STAFF_ROLES)
def tutor(tutor_id: int):
    """One tutor with subjects, availability, exceptions, limits, sites, schedule and account status."""
    programme = current_programme(db())
    return render_template("coordinator/tutor.html", tutor=tutor_detail(db(), programme.id, tutor_id, current_viewer()),
                           schedule=tutor_schedule(db(), programme.id, tutor_id, today()),
                           account=tutor_account(db(), tutor_id), leave_form=TutorLeaveForm())


@bp.route("/sites")
@role_required(*STAFF_ROLES)
def sites():
    """Study-room sites with their opening days and targets."""
    programme = current_programme(db())
    return render_template("coordinator/sites.html", sites=list_sites(db(), programme.id))


@bp.route("/sites/<int:site_id>")
@role_required(*STAFF_ROLES)
def site(site_id: int):
    """One site with its session rules and calendar."""
    programme = current_programme(db())
    return render_template("coordinator/site.html", detail=site_detail(db(), programme.id, site_id))
