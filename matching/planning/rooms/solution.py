"""A stored rooms plan's rows as the solver's RoomsSolution, so the solver's checker can judge it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from matching.models import Plan, Session as RoomSession
from matching.planning.rooms.problem import sid
from solver.rooms.eligibility import expected_children, required_staff
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import ChildAssignment, RoomsSolution, Session, TutorLoad


@dataclass(frozen=True)
class SessionRow:
    """A session as plain values: site, date, hours and staff (solver ids)."""

    site_id: str
    date: object
    start: int
    end: int
    staff: tuple[str, ...]


def row_of(session: RoomSession) -> SessionRow:
    """One session row as plain values."""
    return SessionRow(sid(session.site_id), session.on_date, session.start_minute, session.end_minute,
                      tuple(sorted((sid(st.tutor_id) for st in session.staff), key=int)))


def session_rows(plan: Plan) -> list[SessionRow]:
    """The plan's sessions as plain values."""
    return [row_of(s) for s in plan.sessions]


def child_sites(plan: Plan) -> dict[str, str]:
    """Each assigned child's site in the plan (solver ids)."""
    return {sid(a.student_id): sid(a.site_id) for a in plan.assignments}


def as_solution(problem: RoomsProblem, rows: Iterable[SessionRow], sites_of: dict[str, str],
                status: str = "") -> RoomsSolution:
    """Sessions and child sites as a RoomsSolution, with staff needs and loads derived by the solver's own rules."""
    sites = {s.id: s for s in problem.sites}
    here = defaultdict(list)
    for child in problem.children:
        if child.id in sites_of:
            here[sites_of[child.id]].append(child)
    sessions, load, where = [], defaultdict(int), defaultdict(set)
    for r in rows:
        site = sites.get(r.site_id)
        expected = expected_children(site, here[r.site_id], r.date) if site else 0
        need = required_staff(site, expected) if site else 0
        sessions.append(Session(r.site_id, r.date, r.start, r.end, r.staff, need, expected))
        for t in r.staff:
            load[t] += 1
            where[t].add(r.site_id)
    assignments = tuple(ChildAssignment(c.id, sites_of.get(c.id), None) for c in problem.children)
    loads = tuple(TutorLoad(t, n, tuple(sorted(where[t]))) for t, n in sorted(load.items()))
    return RoomsSolution(status, 0.0, 0.0, 0.0, 0, tuple(sessions), assignments, loads, ())
