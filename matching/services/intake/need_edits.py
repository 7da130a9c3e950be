"""Editing a child's needs in place: a need keeps its row (and the visits that point at it) across edits.

A need is named by its subject (one per subject and child). An edited subject updates its row; a new one
adds a row, or brings back the row of the same subject removed earlier; a removed one is marked removed
(never deleted, as published and archived plans still point at it) and its visits and pins leave the
draft and proposed plans. The published plan keeps its visits until the next publish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from matching.models import Plan, PlanStatus, Student, StudentNeed, Visit, VisitPin
from matching.models.base import utcnow
from matching.services.intake.changes import set_fields

# Plans that are still being prepared: a removed need's visits and pins leave them at once.
UNPUBLISHED = (PlanStatus.DRAFT, PlanStatus.PROPOSED)


@dataclass(frozen=True)
class RemovedNeeds:
    """The subjects an edit removed and how many visits left the unpublished plans because of it."""

    subjects: tuple[str, ...] = ()
    visits_left_draft: int = 0


def edit_needs(session: Session, student: Student, wanted: Sequence) -> tuple[list[str], RemovedNeeds]:
    """Apply the wanted needs (NeedInput) to the child's rows; returns (["needs"] if anything changed, removed)."""
    current = {need.subject: need for need in student.needs}
    changed = False
    for need_input in wanted:
        need = current.pop(need_input.subject, None)
        if need is None:
            need = _removed_need(session, student.id, need_input.subject) or StudentNeed(subject=need_input.subject)
            need.removed_at = None
            student.needs.append(need)
            changed = True
        changed = bool(set_fields(need, asdict(need_input))) or changed
    left = 0
    for need in current.values():
        need.removed_at = utcnow()
        left += _withdraw_from_unpublished(session, need.id)
    removed = RemovedNeeds(tuple(sorted(current)), left)
    return (["needs"] if changed or current else []), removed


def _removed_need(session: Session, student_id: int, subject: str) -> StudentNeed | None:
    if student_id is None:
        return None
    return session.scalar(select(StudentNeed).where(
        StudentNeed.student_id == student_id, StudentNeed.subject == subject, StudentNeed.removed_at.is_not(None))
        .order_by(StudentNeed.id.desc()).limit(1))


def _withdraw_from_unpublished(session: Session, need_id: int) -> int:
    """Delete the need's visits and pins from draft and proposed plans; returns how many visits left."""
    unpublished = select(Plan.id).where(Plan.status.in_(UNPUBLISHED)).scalar_subquery()
    visits = list(session.scalars(select(Visit).where(Visit.need_id == need_id, Visit.plan_id.in_(unpublished))))
    for visit in visits:
        session.delete(visit)  # its occurrences go with it (ORM cascade)
    session.execute(delete(VisitPin).where(VisitPin.need_id == need_id, VisitPin.plan_id.in_(unpublished))
                    .execution_options(synchronize_session=False))
    return len(visits)
