"""A plan's difference from the plan it was based on, with the names of sites, tutors and children."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy.orm import Session

from matching.models import Plan, Student
from matching.planning.rooms.context import PlanContext, tutor_names
from matching.planning.rooms.diff import RoomsDiff, diff_plans
from matching.planning.rooms.problem import db_id, sid
from matching.planning.rooms.solution import child_sites, row_of, session_rows


@dataclass(frozen=True)
class DiffView:
    """A proposal's difference from the plan it replaces, with names (for the coordinator only)."""

    base_plan_id: int
    kept: int
    moved: tuple[tuple[str, date, date], ...]
    new: tuple[tuple[str, date], ...]
    dropped: tuple[tuple[str, date], ...]
    tutors: tuple[tuple[str, tuple[tuple[str, date], ...], tuple[tuple[str, date], ...]], ...]
    children: tuple[tuple[str, Optional[str], Optional[str]], ...]
    # Sessions the coordinator saved with confirmed rule breaks that this plan does not keep as they were.
    lost_decisions: tuple[tuple[str, date, tuple[str, ...]], ...] = ()


def lost_decisions(base: Plan, ctx: PlanContext) -> list[tuple[str, date, tuple[str, ...]]]:
    """The base plan's hand-edited sessions with confirmed breaks that the plan does not hold with the same staff."""
    held = {(r.site_id, r.date, r.staff) for r in ctx.rows.values()}
    out = []
    for s in base.sessions:
        row = row_of(s)
        if s.override_codes and (row.site_id, row.date, row.staff) not in held:
            out.append((row.site_id, row.date, tuple(s.override_codes)))
    return out


def diff_view(session: Session, ctx: PlanContext, diff: RoomsDiff, base_plan_id: int,
              lost: list[tuple[str, date, tuple[str, ...]]] = ()) -> DiffView:
    """Name the sites, tutors and children of a plan diff."""
    site = {s.id: s.name for s in ctx.problem.sites}
    site_name = lambda s: site.get(s, s) if s else None  # noqa: E731
    names = tutor_names(session, [t.tutor_id for t in diff.tutors])
    kids = {sid(s.id): s.full_name for s in
            (session.get(Student, db_id(c.child_id)) for c in diff.children) if s is not None}
    return DiffView(
        base_plan_id, diff.kept, tuple((site_name(m.site_id), m.from_date, m.to_date) for m in diff.moved),
        tuple((site_name(s), d) for s, d in diff.new), tuple((site_name(s), d) for s, d in diff.dropped),
        tuple((names.get(db_id(t.tutor_id), t.tutor_id), tuple((site_name(s), d) for s, d in t.added),
               tuple((site_name(s), d) for s, d in t.removed)) for t in diff.tutors),
        tuple((kids.get(c.child_id, c.child_id), site_name(c.from_site_id), site_name(c.to_site_id))
              for c in diff.children),
        tuple((site_name(s), day, codes) for s, day, codes in lost))


def plan_diff(session: Session, ctx: PlanContext) -> Optional[DiffView]:
    """How the plan differs from the plan it was based on (None when it has no base)."""
    base = session.get(Plan, ctx.plan.based_on_id) if ctx.plan.based_on_id else None
    if base is None:
        return None
    diff = diff_plans(session_rows(base), child_sites(base), list(ctx.rows.values()), ctx.sites_of)
    return diff_view(session, ctx, diff, base.id, lost_decisions(base, ctx))
