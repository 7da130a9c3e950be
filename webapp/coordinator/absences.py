"""Tutors' absences as the coordinator handles them: what each touches, substitutes, cancellations."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.planning.rooms.substitutes import assign_session_substitute, session_substitutes
from matching.planning.visits.substitutes import assign_substitute, cancel_occurrence, visit_substitutes
from matching.services.absences import open_absences
from matching.services.errors import InvalidState
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.requests import form_int
from webapp.i18n import current_locale


@bp.route("/absences")
@role_required(*STAFF_ROLES)
def absences():
    """Every reported absence that has not ended, with the visits and sessions it leaves without a tutor."""
    programme = current_programme(db())
    return render_template("coordinator/absences.html", absences=open_absences(db(), programme.id, today()))


@bp.route("/substitutes/visit/<int:occurrence_id>")
@role_required(*STAFF_ROLES)
def visit_substitute(occurrence_id: int):
    """The tutors who could take one dated visit, best fit first, every one keeping all hard rules."""
    programme = current_programme(db())
    choice = visit_substitutes(db(), programme.id, occurrence_id, today(), current_locale())
    return render_template("coordinator/visit_substitute.html", choice=choice)


@bp.route("/substitutes/visit/<int:occurrence_id>", methods=["POST"])
@role_required(*STAFF_ROLES)
def assign_visit_substitute(occurrence_id: int):
    """Send the chosen substitute on that date."""
    programme = current_programme(db())
    try:
        assign_substitute(db(), programme.id, occurrence_id, form_int("tutor_id"),
                          current_user.id, today())
    except InvalidState:
        db().rollback()
        flash(_("この講師はこの日の代わりを担当できません。一覧から選び直してください。"), "error")
        return redirect(url_for("coordinator.visit_substitute", occurrence_id=occurrence_id))
    flash(_("代わりの講師を決めました。講師と家庭にお知らせします。"), "info")
    return redirect(url_for("coordinator.absences"))


@bp.route("/substitutes/visit/<int:occurrence_id>/cancel", methods=["POST"])
@role_required(*STAFF_ROLES)
def cancel_visit(occurrence_id: int):
    """Cancel the dated visit when nobody can go; the family is told."""
    programme = current_programme(db())
    cancel_occurrence(db(), programme.id, occurrence_id, current_user.id, today())
    flash(_("この日の訪問を中止にしました。家庭にお知らせします。"), "info")
    return redirect(url_for("coordinator.absences"))


@bp.route("/substitutes/session/<int:session_id>/<int:absent_tutor_id>")
@role_required(*STAFF_ROLES)
def session_substitute(session_id: int, absent_tutor_id: int):
    """The tutors who could take an absent tutor's place at one study-room session, best first."""
    programme = current_programme(db())
    choice = session_substitutes(db(), programme.id, session_id, absent_tutor_id, today())
    return render_template("coordinator/session_substitute.html", choice=choice)


@bp.route("/substitutes/session/<int:session_id>/<int:absent_tutor_id>", methods=["POST"])
@role_required(*STAFF_ROLES)
def assign_session_substitute_view(session_id: int, absent_tutor_id: int):
    """Put the chosen tutor on the session in the absent tutor's place."""
    programme = current_programme(db())
    try:
        assign_session_substitute(db(), programme.id, session_id, absent_tutor_id,
                                  form_int("tutor_id"), current_user.id, today())
    except InvalidState:
        db().rollback()
        flash(_("この講師はこの日の代わりを担当できません。一覧から選び直してください。"), "error")
        return redirect(url_for("coordinator.session_substitute", session_id=session_id,
                                absent_tutor_id=absent_tutor_id))
    flash(_("代わりの講師を決めました。講師にお知らせします。"), "info")
    return redirect(url_for("coordinator.absences"))
