"""A home-visit plan against the plan it would replace: kept / moved / new / dropped per child and tutor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import ChangeKind, Household, Plan, PlanKind, PlanStatus, Student, Tutor
from matching.planning.lifecycle import PlanSummary, plan_with_status
from matching.planning.visits.changes import visit_changes


@dataclass(frozen=True)
class Slot:
    """A visit's tutor and time, as the diff shows it."""

    tutor_name: str
    weekday: int
    start: int
    end: int


@dataclass(frozen=True)
class DiffRow:
    """One child's subject: kept, moved, new or dropped, with before and after."""

    kind: ChangeKind
    student_id: int
    child_name: str
    subject: str
    before: Optional[Slot]
    after: Optional[Slot]


@dataclass(frozen=True)
class PlanDiff:
    """A plan against the one it would replace, with counts per kind of change."""

    against: PlanSummary
    rows: list[DiffRow]
    counts: dict[str, int] = field(default_factory=dict)


def _against(session: Session, programme_id: int, plan: Plan) -> Optional[Plan]:
    """A proposal is compared with the plan it was solved from; a draft with the published plan."""
    if plan.status is PlanStatus.PROPOSED and plan.based_on_id is not None:
        return session.get(Plan, plan.based_on_id)
    if plan.status is PlanStatus.DRAFT:
        return plan_with_status(session, programme_id, PlanKind.VISITS, PlanStatus.PUBLISHED)
    return None


def plan_diff(session: Session, programme_id: int, plan: Plan, history: list[PlanSummary]) -> Optional[PlanDiff]:
    """Kept / moved / new / dropped per child and tutor against the plan this one would replace."""
    against = _against(session, programme_id, plan)
    if against is None:
        return None
    changes = visit_changes(against.visits, plan.visits)
    names = dict(session.execute(select(Student.id, Student.family_name + " " + Student.given_name)
                                 .join(Household).where(Household.programme_id == programme_id)).all())
    tutors = dict(session.execute(select(Tutor.id, Tutor.family_name + " " + Tutor.given_name)
                                  .where(Tutor.programme_id == programme_id)).all())
    slot = lambda v: Slot(tutors.get(int(v.tutor_id), v.tutor_id), v.weekday, v.start, v.end) if v else None  # noqa: E731
    rows = [DiffRow(c.kind, c.student_id, names.get(c.student_id, ""), c.subject, slot(c.before), slot(c.after))
            for c in changes]
    return PlanDiff(next(p for p in history if p.id == against.id), rows, dict(Counter(c.kind.value for c in changes)))
