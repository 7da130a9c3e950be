"""Study-room plan pages: the review (targets, month calendar per site, shortfalls, diff), a session, children's sites."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from flask import render_template, request

from matching.planning.rooms.detail import children_sites, session_detail
from matching.planning.rooms.review import review_plan
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.requests import int_arg


def month_arg() -> Optional[date]:
    """The ?month=YYYY-MM argument as the first of that month, or None."""
    try:
        return date.fromisoformat(request.args.get("month", "") + "-01")
    except ValueError:
        return None


@bp.route("/rooms/plans/<int:plan_id>")
@role_required(*STAFF_ROLES)
def room_plan(plan_id: int):
    """A rooms plan: sessions held against targets, one site's month calendar, shortfalls, loads and changes."""
    review = review_plan(db(), current_programme(db()).id, plan_id, int_arg("site"), month_arg(), today())
    return render_template("coordinator/room_plan.html", review=review, plan=review.plan)


@dataclass(frozen=True)
class Refused:
    """A session form that was not saved: its action and typed values, the rule breaks, or a stale view."""

    action: str
    values: dict
    violations: tuple = ()
    stale: bool = False
    past_from: Optional[date] = None  # set when the edit reached before today, the first day it may change


def render_session(plan_id: int, session_id: int, status: int = 200, refused: Optional[Refused] = None):
    """The session page; after a refused save it keeps what was typed and says why."""
    detail = session_detail(db(), current_programme(db()).id, plan_id, session_id, today())
    return render_template("coordinator/room_session.html", detail=detail, plan=detail.plan,
                           refused=refused), status


@bp.route("/rooms/plans/<int:plan_id>/sessions/<int:session_id>")
@role_required(*STAFF_ROLES)
def room_session(plan_id: int, session_id: int):
    """One session: move, cancel, change staff (candidates ranked by the checker) and pin."""
    return render_session(plan_id, session_id)


@bp.route("/rooms/plans/<int:plan_id>/children")
@role_required(*STAFF_ROLES)
def room_children(plan_id: int):
    """The plan's study-room children with their sites, to pin a child to a site."""
    plan, children, sites = children_sites(db(), current_programme(db()).id, plan_id, today())
    return render_template("coordinator/room_children.html", plan=plan, children=children, sites=sites)
