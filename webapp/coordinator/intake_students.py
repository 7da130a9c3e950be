"""Registering and editing children with their household, consents, needs and availability."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.access_policy import can_see
from matching.services.intake.need_edits import RemovedNeeds
from matching.services.intake.student_intake import create_student, household_input, student_for_edit, update_student
from matching.services.programme import current_programme
from matching.services.sites import list_sites
from matching.subjects import subject_label
from webapp.access import STAFF_ROLES, current_viewer, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.student_form import StudentForm, student_form
from webapp.coordinator.saving import submit
from webapp.database import db
from webapp.i18n import current_locale


def _form(programme_id: int, **loaded) -> StudentForm:
    sites = [(site.id, site.name) for site in list_sites(db(), programme_id)]
    return student_form(sites, can_see(current_viewer(), "student", "eligibility"), **loaded)


def _page(form: StudentForm, student_id: int | None, household_id: int | None = None):
    form.add_blank_rows()
    return render_template("coordinator/student_form.html", form=form, student_id=student_id,
                           household_id=household_id)


def _saved_message(removed: RemovedNeeds) -> str:
    """Saved; and when needs were removed, what happened to their visits (draft now, published at the next publish)."""
    if not removed.subjects:
        return _("変更を保存しました。")
    subjects = "、".join(subject_label(code, current_locale()) for code in removed.subjects)
    return _("変更を保存しました。外したニーズ(%(subjects)s)の訪問 %(count)s 件を下書きの計画から外しました。"
             "公開中の計画の訪問は、次に計画を公開するまで変わりません。",
             subjects=subjects, count=removed.visits_left_draft)


@bp.route("/students/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_student():
    """Register a child and their household."""
    programme = current_programme(db())
    form = _form(programme.id)
    response = submit(form, lambda: create_student(db(), programme.id, form.to_input(), current_user.id),
                      lambda student_id: url_for(".student", student_id=student_id), _("子どもを登録しました。"))
    return response or _page(form, None)


@bp.route("/students/<int:student_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def edit_student(student_id: int):
    """Edit a child; a save after someone else's is refused with a message and the typed values kept."""
    programme = current_programme(db())
    if request.method == "GET":
        loaded = student_for_edit(db(), programme.id, student_id, current_viewer(), current_user.id)
        return _page(_form(programme.id, loaded=loaded.data, version=loaded.version), student_id)
    form = _form(programme.id)
    response = submit(form, lambda: update_student(db(), programme.id, student_id, form.to_input(),
                                                   form.version_number, current_user.id),
                      lambda _result: url_for(".student", student_id=student_id), _saved_message)
    return response or _page(form, student_id)


@bp.route("/households/<int:household_id>/students/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_sibling(household_id: int):
    """Register a child in an existing household (a sibling), starting from the household's current values."""
    programme = current_programme(db())
    if request.method == "GET":
        household = household_input(db(), programme.id, household_id)
        return _page(_form(programme.id, household=household), None, household_id)
    form = _form(programme.id)
    response = submit(form, lambda: create_student(db(), programme.id, form.to_input(), current_user.id, household_id),
                      lambda student_id: url_for(".student", student_id=student_id), _("きょうだいを登録しました。"))
    return response or _page(form, None, household_id)
