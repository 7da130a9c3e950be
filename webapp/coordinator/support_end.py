"""Ending support: a child's support ends (卒業, 転居, 辞退 ...) or a tutor leaves; undone if entered by mistake."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import SupportEndReason
from matching.services.errors import ValidationFailed
from matching.services.programme import current_programme
from matching.services.support_end import end_support, end_tutor, resume_support
from webapp.access import STAFF_ROLES, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.intake_form import DOMAIN_MESSAGES
from webapp.coordinator.forms.support_end_form import EndSupportForm, TutorLeaveForm
from webapp.database import db


def _form_problem(form) -> None:
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "error")


@bp.route("/students/<int:student_id>/end-support", methods=["POST"])
@role_required(*STAFF_ROLES)
def end_student_support(student_id: int):
    """Record the end of a child's support; the next publish drops their future dates and tells the family."""
    form = EndSupportForm()
    if form.validate_on_submit():
        end_support(db(), current_programme(db()).id, student_id, form.ends_on.data,
                    SupportEndReason(form.reason.data), current_user.id)
        flash(_("支援の終了を記録しました。次の公開で、終了日以降の予定が取り消され、家族と講師に知らせます。"), "success")
    else:
        _form_problem(form)
    return redirect(url_for(".student", student_id=student_id))


@bp.route("/students/<int:student_id>/resume-support", methods=["POST"])
@role_required(*STAFF_ROLES)
def resume_student_support(student_id: int):
    """Undo an end of support recorded by mistake."""
    resume_support(db(), current_programme(db()).id, student_id, current_user.id)
    flash(_("支援の終了を取り消しました。"), "success")
    return redirect(url_for(".student", student_id=student_id))


@bp.route("/tutors/<int:tutor_id>/leave", methods=["POST"])
@role_required(*STAFF_ROLES)
def tutor_leaves(tutor_id: int):
    """Record a tutor's last day; the next publish drops their later dates and tells those concerned."""
    form = TutorLeaveForm()
    if form.validate_on_submit():
        try:
            end_tutor(db(), current_programme(db()).id, tutor_id, form.last_day.data, current_user.id)
        except ValidationFailed as failure:
            flash(str(DOMAIN_MESSAGES[failure.field_errors["last_day"]]), "error")
        else:
            flash(_("最後の活動日を記録しました。次の公開で、その後の予定が取り消され、関係者に知らせます。"), "success")
    else:
        _form_problem(form)
    return redirect(url_for(".tutor", tutor_id=tutor_id))
