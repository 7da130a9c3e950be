"""A rooms solution into rows: sessions with their staff, child sites, and the plan's report."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from matching.models import Plan, Session as RoomSession, SessionStaff, StudentSiteAssignment
from matching.planning.rooms.history import copy_history
from matching.planning.rooms.problem import db_id
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import ChangeSummary, RoomsSolution, Shortfall


def _shortfall(s: Shortfall) -> dict:
    return {"kind": s.kind, "missing": s.missing, "reason_ja": s.reason_ja, "reason_en": s.reason_en,
            "site_id": db_id(s.site_id) if s.site_id else None, "child_id": db_id(s.child_id) if s.child_id else None,
            "month": s.month}


def _changes(c: ChangeSummary | None) -> dict | None:
    if c is None:
        return None
    return {"sessions_kept": c.sessions_kept,
            "sessions_added": [[db_id(site), day.isoformat()] for site, day in c.sessions_added],
            "sessions_dropped": [[db_id(site), day.isoformat()] for site, day in c.sessions_dropped],
            "sessions_restaffed": len(c.sessions_restaffed),
            "children_kept": c.children_kept, "children_moved": len(c.children_moved)}


def report(solution: RoomsSolution) -> dict:
    """The part of the solution without rows of its own: shortfalls, tutor loads, changes and solve phases."""
    return {
        "shortfalls": [_shortfall(s) for s in solution.shortfalls],
        "tutor_loads": [{"tutor_id": db_id(t.tutor_id), "sessions": t.sessions,
                         "site_ids": [db_id(x) for x in t.site_ids]} for t in solution.tutor_loads],
        "changes": _changes(solution.changes),
        "phases": [asdict(p) for p in solution.phases],
        "seconds": round(solution.seconds, 2),
        "seed": solution.seed,
    }


def store_solution(session: Session, plan: Plan, problem: RoomsProblem, solution: RoomsSolution) -> None:
    """Write the solution's sessions, staff and child sites into the plan after the published plan's history
    (its sessions before the problem's first day, copied as they were), with the status and report."""
    copy_history(session, plan, problem.period.start)
    for s in solution.sessions:
        row = RoomSession(site_id=db_id(s.site_id), on_date=s.date, start_minute=s.start, end_minute=s.end)
        row.staff = [SessionStaff(tutor_id=db_id(t)) for t in sorted(s.staff, key=db_id)]
        plan.sessions.append(row)
    for a in solution.assignments:
        if a.site_id is not None:
            plan.assignments.append(StudentSiteAssignment(student_id=db_id(a.child_id), site_id=db_id(a.site_id)))
    plan.solver_status = solution.status
    plan.objective = solution.objective
    plan.bound = solution.bound
    plan.report = report(solution)
    session.flush()
