"""Tutors who could join a session, ranked by the rule breaks the solver's checker finds when they do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from matching.planning.rooms.adjust import added_violations
from matching.planning.rooms.context import PlanContext, tutor_names
from matching.planning.rooms.problem import db_id
from matching.services.errors import NotFound
from solver.rooms.check import Violation


@dataclass(frozen=True)
class Candidate:
    """A tutor who could be added to a session, with the rule breaks that would cause (best first)."""

    tutor_id: int
    name: str
    violations: tuple[Violation, ...]
    preferred: bool
    load: int


def staff_candidates(session: Session, ctx: PlanContext, session_id: int, limit: int = 15) -> list[Candidate]:
    """Tutors not on the session, ranked by the rule breaks adding them would cause, then preference and load."""
    current = ctx.rows.get(session_id)
    if current is None:
        raise NotFound(f"session {session_id}")
    load = {}
    for r in ctx.rows.values():
        for t in r.staff:
            load[t] = load.get(t, 0) + 1
    ranked = []
    for tutor in ctx.problem.tutors:
        if tutor.id in current.staff:
            continue
        # Only the session and the tutor's other sessions can gain a break: check just those, before and after.
        nearby = {k: r for k, r in ctx.rows.items() if k == session_id or tutor.id in r.staff}
        rows = {**nearby, session_id: replace(current, staff=tuple(sorted((*current.staff, tutor.id), key=int)))}
        new = added_violations(ctx, rows, before_rows=nearby)
        ranked.append((len(new), current.site_id not in tutor.preferred_site_ids, load.get(tutor.id, 0),
                       db_id(tutor.id), new))
    ranked.sort(key=lambda item: item[:4])
    names = tutor_names(session, [item[3] for item in ranked[:limit]])
    return [Candidate(t, names.get(t, str(t)), new, not not_preferred, n)
            for _count, not_preferred, n, t, new in ranked[:limit]]
