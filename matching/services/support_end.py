"""Ending support: a child leaves the programme (卒業, 転居, 辞退 ... on a date) or a tutor stops (a last day).

Nothing is deleted: their rows, past visits and sessions stay as history. From the end on they are left out of
new solves, and the next publish drops them from the plan, so their future dates go and notices go out.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.orm import Session

from matching.models import Student, SupportEndReason, Tutor
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed


def supported_on(day: date) -> ColumnElement[bool]:
    """A condition true for children still supported on day (support ending on day means no dates from day on)."""
    return and_(Student.active.is_(True), or_(Student.support_ended_on.is_(None), Student.support_ended_on > day))


def is_supported(student: Student, day: date) -> bool:
    """Whether a loaded child is still supported on day (the same rule as supported_on)."""
    return student.active and (student.support_ended_on is None or student.support_ended_on > day)


def end_support(session: Session, programme_id: int, student_id: int, ends_on: date, reason: SupportEndReason,
                user_id: Optional[int]) -> None:
    """Record that a child's support ends on a date and why; audited, the child's history kept."""
    student = session.get(Student, student_id)
    if student is None or student.household.programme_id != programme_id:
        raise NotFound(f"student {student_id}")
    student.support_ended_on, student.support_end_reason = ends_on, reason
    record(session, user_id, "support_ended", "student", student.id, reason=reason.value)
    session.commit()


def resume_support(session: Session, programme_id: int, student_id: int, user_id: Optional[int]) -> None:
    """Undo an end of support recorded by mistake."""
    student = session.get(Student, student_id)
    if student is None or student.household.programme_id != programme_id:
        raise NotFound(f"student {student_id}")
    student.support_ended_on = student.support_end_reason = None
    record(session, user_id, "support_resumed", "student", student.id)
    session.commit()


def end_tutor(session: Session, programme_id: int, tutor_id: int, last_day: date, user_id: Optional[int]) -> None:
    """Record a tutor's last day (their active period ends); audited, their history kept."""
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    if last_day < tutor.active_from:
        raise ValidationFailed({"last_day": "period_end_before_start"})
    tutor.active_until = last_day
    record(session, user_id, "tutor_left", "tutor", tutor.id)
    session.commit()
