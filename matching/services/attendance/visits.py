"""Marking a dated home visit done, missed (child or tutor absent) or cancelled; corrected by a coordinator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Visit, VisitAttendance, VisitOccurrence, VisitOutcome
from matching.models.plan import Plan
from matching.services.attendance.marker import Marker, require_own, require_started
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed

NOTE_LENGTH = 200


@dataclass(frozen=True)
class VisitMark:
    """A dated visit's current attendance, as the marking page shows it."""

    occurrence_id: int
    on_date: date
    start: int
    end: int
    child_given_name: str
    subject: str
    outcome: Optional[VisitOutcome]
    note: str


def visit_tutor_id(occurrence: VisitOccurrence) -> int:
    """The tutor who visits on that date: the substitute if there is one, else the weekly visit's tutor."""
    return occurrence.substitute_tutor_id or occurrence.visit.tutor_id


def _occurrence(session: Session, programme_id: int, occurrence_id: int) -> VisitOccurrence:
    occurrence = session.scalar(
        select(VisitOccurrence).join(Visit).join(Plan)
        .where(VisitOccurrence.id == occurrence_id, Plan.programme_id == programme_id)
    )
    if occurrence is None:
        raise NotFound(f"visit occurrence {occurrence_id}")
    return occurrence


def visit_mark(session: Session, programme_id: int, occurrence_id: int, marker: Marker) -> VisitMark:
    """The visit's date, child's given name, subject and current outcome, for its tutor or a coordinator."""
    occurrence = _occurrence(session, programme_id, occurrence_id)
    require_own(marker, {visit_tutor_id(occurrence)})
    attendance = session.scalar(select(VisitAttendance).where(VisitAttendance.occurrence_id == occurrence_id))
    return VisitMark(occurrence.id, occurrence.on_date, occurrence.start_minute, occurrence.end_minute,
                     occurrence.visit.student.given_name, occurrence.visit.subject,
                     attendance.outcome if attendance else None, attendance.note if attendance else "")


def mark_visit(session: Session, programme_id: int, occurrence_id: int, outcome: VisitOutcome, note: str,
               marker: Marker, today: date, at: datetime) -> VisitAttendance:
    """Record (or correct) what happened on a dated visit, audited with the outcome before and after, and commit."""
    occurrence = _occurrence(session, programme_id, occurrence_id)
    require_own(marker, {visit_tutor_id(occurrence)})
    require_started(occurrence.on_date, today)
    if len(note) > NOTE_LENGTH:
        raise ValidationFailed({"note": "too_long"})
    attendance = session.scalar(select(VisitAttendance).where(VisitAttendance.occurrence_id == occurrence_id))
    previous = attendance.outcome.value if attendance else None
    if attendance is None:
        attendance = VisitAttendance(occurrence_id=occurrence_id)
        session.add(attendance)
    attendance.outcome, attendance.note = outcome, note.strip()
    attendance.recorded_by_id, attendance.recorded_at = marker.user_id, at
    # The note may name the child, so the log keeps only whether it changed.
    record(session, marker.user_id, "visit_attendance", "visit_occurrence", occurrence_id,
           outcome=outcome.value, previous=previous, by_tutor=marker.is_tutor)
    session.commit()
    return attendance
