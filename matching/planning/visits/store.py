"""The solver's home-visit solution -> Visit rows of a plan, and its report (unmet needs, changes, status)."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, StudentNeed, Visit
from solver.visits.problem import VisitsProblem
from solver.visits.solution import UnmetNeed, VisitsSolution


def need_ids(session: Session, student_ids: set[int]) -> dict[tuple[int, str], int]:
    """(student id, subject) -> the current need's id (the first of a subject, as the problem holds one per subject)."""
    out: dict[tuple[int, str], int] = {}
    if not student_ids:
        return out
    rows = session.execute(select(StudentNeed.student_id, StudentNeed.subject, StudentNeed.id)
                           .where(StudentNeed.student_id.in_(student_ids), StudentNeed.removed_at.is_(None))
                           .order_by(StudentNeed.id))
    for student_id, subject, need_id in rows:
        out.setdefault((student_id, subject), need_id)
    return out


def store_solution(session: Session, plan: Plan, problem: VisitsProblem, solution: VisitsSolution) -> None:
    """Write the solution's visits into the plan and keep its status, bound, unmet needs and changes in the report."""
    students = {int(c.id) for c in problem.children}
    needs = need_ids(session, students)
    for v in solution.visits:
        student_id = int(v.child_id)
        plan.visits.append(Visit(student_id=student_id, need_id=needs[(student_id, v.subject)], subject=v.subject,
                                 tutor_id=int(v.tutor_id), weekday=v.weekday, start_minute=v.start,
                                 end_minute=v.end, travel_minutes=v.travel_minutes))
    plan.solver_status = solution.status
    plan.objective = float(solution.objective)
    plan.bound = float(solution.best_bound)
    changes = solution.changes
    plan.report = {
        "visits_wanted": solution.visits_wanted,
        "coverage": round(solution.coverage, 4),
        "seconds": round(solution.seconds, 2),
        "unmet": [
            {"student_id": int(u.child_id), "need_id": needs.get((int(u.child_id), u.subject)),
             "subject": u.subject, "visits_wanted": u.visits_wanted, "visits_planned": u.visits_planned,
             "reason_code": u.reason_code, "reason_ja": u.reason_ja, "reason_en": u.reason_en,
             "tutors": _waiting(u), "suggestion": _suggestion(u)}
            for u in solution.unmet
        ],
        "changes": {"kept": len(changes.kept), "moved": len(changes.moved), "new": len(changes.new),
                    "dropped": len(changes.dropped)},
    }


def _waiting(u: UnmetNeed) -> Optional[dict]:
    """The tutors who teach the need counted by reason, as the report keeps them."""
    w = u.waiting
    return None if w is None else {"teaching": w.teaching, "counts": dict(w.counts), "text_ja": w.text_ja, "text_en": w.text_en}


def _suggestion(u: UnmetNeed) -> Optional[dict]:
    """The checked change that would serve the need, with the tutor as a row id (the page shows the name)."""
    g = u.suggestion
    if g is None:
        return None
    return {"kind": g.kind, "tutor_id": None if g.tutor_id is None else int(g.tutor_id), "weekday": g.weekday,
            "start": g.start, "end": g.end, "other_changes": g.other_changes}
