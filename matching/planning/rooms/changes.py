"""PlanChange rows at publish: what a new rooms plan changes for each tutor, child and site."""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from sqlalchemy.orm import Session

from matching.models import ChangeKind, Plan, PlanChange
from matching.planning.rooms.diff import RoomsDiff, diff_plans
from matching.planning.rooms.problem import db_id
from matching.planning.rooms.solution import child_sites, session_rows


def _kind(gained: bool, lost: bool) -> ChangeKind:
    if gained and lost:
        return ChangeKind.MOVED
    return ChangeKind.NEW if gained else ChangeKind.DROPPED


def _dated(items) -> list[list]:
    return [[db_id(site), day.isoformat()] for site, day in items]


def change_rows(plan_id: int, diff: RoomsDiff) -> list[PlanChange]:
    """One row per tutor whose sessions change, per child whose site changes, and per site whose dates change."""
    rows = []
    for t in diff.tutors:
        rows.append(PlanChange(plan_id=plan_id, kind=_kind(bool(t.added), bool(t.removed)), tutor_id=db_id(t.tutor_id),
                               detail={"added": _dated(t.added), "removed": _dated(t.removed)}))
    for c in diff.children:
        kind = ChangeKind.MOVED if c.from_site_id and c.to_site_id else _kind(bool(c.to_site_id), bool(c.from_site_id))
        rows.append(PlanChange(plan_id=plan_id, kind=kind, student_id=db_id(c.child_id),
                               site_id=db_id(c.to_site_id) if c.to_site_id else None,
                               detail={"from_site_id": db_id(c.from_site_id) if c.from_site_id else None,
                                       "to_site_id": db_id(c.to_site_id) if c.to_site_id else None}))
    per_site = defaultdict(lambda: {"moved": [], "new": [], "dropped": []})
    for m in diff.moved:
        per_site[m.site_id]["moved"].append([m.from_date.isoformat(), m.to_date.isoformat()])
    for site, day in diff.new:
        per_site[site]["new"].append(day.isoformat())
    for site, day in diff.dropped:
        per_site[site]["dropped"].append(day.isoformat())
    for site, detail in sorted(per_site.items(), key=lambda item: db_id(item[0])):
        kind = ChangeKind.MOVED if detail["moved"] or (detail["new"] and detail["dropped"]) else \
            _kind(bool(detail["new"]), bool(detail["dropped"]))
        rows.append(PlanChange(plan_id=plan_id, kind=kind, site_id=db_id(site), detail=detail))
    return rows


def record_changes(session: Session, plan: Plan, previous: Optional[Plan]) -> list[PlanChange]:
    """Add the PlanChange rows of the plan against the previously published one (everything is new without one)."""
    before, before_sites = (session_rows(previous), child_sites(previous)) if previous else ([], {})
    rows = change_rows(plan.id, diff_plans(before, before_sites, session_rows(plan), child_sites(plan)))
    session.add_all(rows)
    session.flush()
    return rows
