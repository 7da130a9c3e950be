"""Families' confirmations and change requests waiting for a coordinator, and the letters of the latest publish."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import PlanKind
from matching.services.household_replies import mark_handled, unhandled_messages
from matching.services.programme import current_programme
from matching.services.published import published_plan_id
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import current_instant
from webapp.coordinator.blueprint import bp
from webapp.database import db


@bp.route("/family-messages")
@role_required(*STAFF_ROLES)
def family_messages():
    """Messages from families not yet handled, oldest first, and links to the print runs of published plans."""
    programme = current_programme(db())
    published = {kind: published_plan_id(db(), programme.id, kind) for kind in PlanKind}
    return render_template("coordinator/family_messages.html", messages=unhandled_messages(db(), programme.id),
                           published=published)


@bp.route("/family-messages/<int:message_id>/handled", methods=["POST"])
@role_required(*STAFF_ROLES)
def handle_family_message(message_id: int):
    """Mark a family's message as dealt with."""
    programme = current_programme(db())
    mark_handled(db(), programme.id, message_id, current_user.id, current_instant())
    flash(_("対応済みにしました。"), "ok")
    return redirect(url_for("coordinator.family_messages"))
