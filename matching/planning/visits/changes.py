"""What a home-visit plan changes against another, per child and tutor: kept, moved, new, dropped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import ChangeKind, Plan, PlanChange, Student, Visit
from solver.visits import solution as ss
from solver.visits.changes import diff_visits


@dataclass(frozen=True)
class VisitChange:
    """One child's subject between two plans: how it changed, and its visit before and after."""

    kind: ChangeKind
    student_id: int
    subject: str
    before: Optional[ss.Visit]
    after: Optional[ss.Visit]

    @property
    def tutor_id(self) -> int:
        """The tutor who visits after the change (before it, for a dropped visit)."""
        return int((self.after or self.before).tutor_id)


def as_solver_visit(row: Visit) -> ss.Visit:
    """A visit row as the solver's plain visit (ids as strings, as in the problem)."""
    return ss.Visit(str(row.student_id), row.subject, str(row.tutor_id), row.weekday, row.start_minute,
                    row.end_minute, row.travel_minutes)


def visit_changes(previous: Iterable[Visit], visits: Iterable[Visit]) -> list[VisitChange]:
    """The changes from the previous plan's visits to these, with the solver's own rule for kept/moved."""
    summary = diff_visits([as_solver_visit(v) for v in previous], [as_solver_visit(v) for v in visits])
    out = [VisitChange(ChangeKind.KEPT, int(v.child_id), v.subject, v, v) for v in summary.kept]
    out += [VisitChange(ChangeKind.MOVED, int(m.after.child_id), m.after.subject, m.before, m.after)
            for m in summary.moved]
    out += [VisitChange(ChangeKind.NEW, int(v.child_id), v.subject, None, v) for v in summary.new]
    out += [VisitChange(ChangeKind.DROPPED, int(v.child_id), v.subject, v, None) for v in summary.dropped]
    return sorted(out, key=lambda c: (c.student_id, c.subject, c.kind.value))


def _slot(v: Optional[ss.Visit]) -> Optional[dict]:
    if v is None:
        return None
    return {"tutor_id": int(v.tutor_id), "weekday": v.weekday, "start_minute": v.start, "end_minute": v.end}


def record_plan_changes(session: Session, plan: Plan, previous: Optional[Plan]) -> list[PlanChange]:
    """PlanChange rows for the plan against the previously published one (ids and times only)."""
    before = previous.visits if previous is not None else []
    changes = visit_changes(before, plan.visits)
    sites = dict(session.execute(
        select(Student.id, Student.home_site_id).where(Student.id.in_({c.student_id for c in changes}))
    ).all()) if changes else {}
    rows = [
        PlanChange(plan_id=plan.id, kind=c.kind, student_id=c.student_id, tutor_id=c.tutor_id,
                   site_id=sites.get(c.student_id),
                   detail={"subject": c.subject, "before": _slot(c.before), "after": _slot(c.after)})
        for c in changes
    ]
    session.add_all(rows)
    return rows
