"""Supply and demand for recruiting: where home-visit needs wait and whether any tutor has room there."""

from __future__ import annotations

from flask import render_template

from matching.planning.visits.supply import STAGES, supply_and_demand
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db


@bp.route("/visits/supply")
@role_required(*STAFF_ROLES)
def supply():
    """Waiting needs by subject, school stage, weekday and area against tutors with room, recruit cells first."""
    cells = supply_and_demand(db(), current_programme(db()).id, today())
    return render_template("coordinator/supply.html", cells=cells, stages=STAGES)
