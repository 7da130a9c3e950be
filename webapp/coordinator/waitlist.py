"""Lists that need the coordinator: the waitlist, homes not on the map, tutors' own availability changes."""

from __future__ import annotations

from flask import render_template

from matching.services.locations import children_without_location
from matching.services.own_availability import recent_own_changes
from matching.services.programme import current_programme
from matching.services.waitlist import waitlist
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db


@bp.route("/waitlist")
@role_required(*STAFF_ROLES)
def waiting_children():
    """Children waiting for a home visit or a room place, 中3 first, then priority and days waiting, with why."""
    return render_template("coordinator/waitlist.html", waiting=waitlist(db(), current_programme(db()).id, today()))


@bp.route("/missing-locations")
@role_required(*STAFF_ROLES)
def missing_locations():
    """Children whose home has no coordinates yet (left out of home-visit matching until placed on the map)."""
    rows = children_without_location(db(), current_programme(db()).id, today())
    return render_template("coordinator/missing_locations.html", rows=rows)


@bp.route("/availability-changes")
@role_required(*STAFF_ROLES)
def availability_changes():
    """Tutors who changed their own weekly availability, newest first, with the planned dates it no longer covers."""
    changes = recent_own_changes(db(), current_programme(db()).id, today())
    return render_template("coordinator/availability_changes.html", changes=changes)
