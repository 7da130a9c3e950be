"""The 中3 進路 page: the coordinator records each 中3 child's high-school entrance (and its kind) or other."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import Progression
from matching.services.programme import current_programme
from matching.services.progression import ninth_graders, record_progression
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import now
from webapp.coordinator.blueprint import bp
from webapp.coordinator.report_labels import report_label
from webapp.database import db


@bp.route("/progression")
@role_required(*STAFF_ROLES)
def progression():
    """Every 中3 child with the 進路 recorded for this school year, each changeable."""
    rows = ninth_graders(db(), current_programme(db()).id)
    return render_template("coordinator/progression.html", rows=rows, outcomes=list(Progression), label=report_label)


@bp.route("/progression/<int:student_id>", methods=["POST"])
@role_required(*STAFF_ROLES)
def save_progression(student_id: int):
    """Record one child's 進路 (an unknown choice is refused with a message)."""
    try:
        outcome = Progression(request.form.get("outcome", ""))
    except ValueError:
        flash(_("進路を一覧から選んでください。"), "error")
        return redirect(url_for("coordinator.progression"))
    record_progression(db(), current_programme(db()).id, student_id, outcome, current_user.id, now())
    flash(_("進路を記録しました。"), "info")
    return redirect(url_for("coordinator.progression"))
