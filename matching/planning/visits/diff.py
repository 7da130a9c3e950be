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
    # The rules a coordinator confirmed breaking for the visit before, when this change takes that decision away.
    lost_decision: tuple[str, ...] = ()


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


def _weekly(student_id, subject: str, tutor_id, weekday: int, start: int) -> tuple:
    return int(student_id), subject, int(tutor_id), weekday, start


def _lost_decision(change, decisions: dict[tuple, tuple[str, ...]]) -> tuple[str, ...]:
    """The confirmed rule breaks of the visit a moved or dropped change takes away (empty for other changes)."""
    if change.kind not in (ChangeKind.MOVED, ChangeKind.DROPPED) or change.before is None:
        return ()
    b = change.before
    return decisions.get(_weekly(b.child_id, b.subject, b.tutor_id, b.weekday, b.start), ())


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
    decisions = {_weekly(v.student_id, v.subject, v.tutor_id, v.weekday, v.start_minute): tuple(v.override_codes)
                 for v in against.visits if v.override_codes}
    rows = [DiffRow(c.kind, c.student_id, names.get(c.student_id, ""), c.subject, slot(c.before), slot(c.after),
                    _lost_decision(c, decisions))
            for c in changes]
    return PlanDiff(next(p for p in history if p.id == against.id), rows, dict(Counter(c.kind.value for c in changes)))
