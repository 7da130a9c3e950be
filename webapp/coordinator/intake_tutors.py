"""Registering and editing tutors: subjects by grade, availability, dates off, limits and active period."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.intake.tutor_intake import create_tutor, tutor_for_edit, update_tutor
from matching.services.programme import current_programme
from matching.services.sites import list_sites
from webapp.access import STAFF_ROLES, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.tutor_form import TutorForm, tutor_form
from webapp.coordinator.saving import submit
from webapp.database import db


def _form(programme_id: int, **loaded) -> TutorForm:
    return tutor_form([(site.id, site.name) for site in list_sites(db(), programme_id)], **loaded)


def _page(form: TutorForm, tutor_id: int | None):
    form.add_blank_rows()
    return render_template("coordinator/tutor_form.html", form=form, tutor_id=tutor_id)


@bp.route("/tutors/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_tutor():
    """Register a tutor."""
    programme = current_programme(db())
    form = _form(programme.id)
    response = submit(form, lambda: create_tutor(db(), programme.id, form.to_input(), current_user.id),
                      lambda tutor_id: url_for(".tutor", tutor_id=tutor_id), _("講師を登録しました。"))
    return response or _page(form, None)


@bp.route("/tutors/<int:tutor_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def edit_tutor(tutor_id: int):
    """Edit a tutor; a save after someone else's is refused with a message and the typed values kept."""
    programme = current_programme(db())
    if request.method == "GET":
        loaded = tutor_for_edit(db(), programme.id, tutor_id)
        return _page(_form(programme.id, loaded=loaded.data, version=loaded.version), tutor_id)
    form = _form(programme.id)
    response = submit(form, lambda: update_tutor(db(), programme.id, tutor_id, form.to_input(), form.version_number,
                                                 current_user.id),
                      lambda _result: url_for(".tutor", tutor_id=tutor_id), _("変更を保存しました。"))
    return response or _page(form, tutor_id)
