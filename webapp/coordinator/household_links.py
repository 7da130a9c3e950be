"""A household's family link: issue it (secret and short code shown once) or revoke it."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.household_links import issue_link, link_status, revoke_link
from matching.services.households import household_summary
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import current_instant
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.public_urls import family_access


def _render(household_id: int, issued=None):
    programme = current_programme(db())
    household = household_summary(db(), programme.id, household_id)
    return render_template("coordinator/household_link.html", household=household, issued=issued,
                           status=link_status(db(), household_id, current_instant()))


@bp.route("/households/<int:household_id>/link")
@role_required(*STAFF_ROLES)
def household_link(household_id: int):
    """Whether the household has a working link, with the buttons to issue or revoke one."""
    return _render(household_id)


@bp.route("/households/<int:household_id>/link/issue", methods=["POST"])
@role_required(*STAFF_ROLES)
def issue_household_link(household_id: int):
    """Issue a new link (earlier ones stop working) and show its URL and short code this once."""
    programme = current_programme(db())
    issued = issue_link(db(), programme.id, household_id, current_user.id, current_instant())
    return _render(household_id, issued=family_access(issued))


@bp.route("/households/<int:household_id>/link/revoke", methods=["POST"])
@role_required(*STAFF_ROLES)
def revoke_household_link(household_id: int):
    """Stop the household's link and short code from working."""
    programme = current_programme(db())
    revoke_link(db(), programme.id, household_id, current_user.id, current_instant())
    flash(_("家族用リンクを無効にしました。"), "ok")
    return redirect(url_for("coordinator.household_link", household_id=household_id))
