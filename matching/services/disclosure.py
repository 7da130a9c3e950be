"""A disclosure request (開示請求): everything the programme holds about one child, gathered for export, audited."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, Optional

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from matching.models import (
    Household, HouseholdMessage, Notification, RollCall, RollCallChild, Session as RoomSession, Site, Student,
    StudentProgression, Tutor, Visit, VisitAttendance, VisitOccurrence,
)
from matching.services.audit import record
from matching.services.errors import NotFound

# Columns of the household's other records that say nothing about this child or family.
INTERNAL = {"version_id", "token_hash"}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _columns(row: Any) -> dict[str, Any]:
    """Every column of a row as JSON-ready values, without internal counters."""
    return {c.key: _plain(getattr(row, c.key)) for c in inspect(row).mapper.column_attrs if c.key not in INTERNAL}


def _visits(session: Session, student_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(VisitOccurrence.on_date, VisitOccurrence.start_minute, VisitOccurrence.end_minute,
               VisitOccurrence.status, Visit.subject, Tutor.given_name, VisitAttendance.outcome, VisitAttendance.note)
        .join(Visit, Visit.id == VisitOccurrence.visit_id)
        .join(Tutor, Tutor.id == Visit.tutor_id)
        .outerjoin(VisitAttendance, VisitAttendance.occurrence_id == VisitOccurrence.id)
        .where(Visit.student_id == student_id).order_by(VisitOccurrence.on_date, VisitOccurrence.id)).all()
    keys = ("date", "start_minute", "end_minute", "status", "subject", "tutor_given_name", "outcome", "note")
    return [dict(zip(keys, map(_plain, row))) for row in rows]


def _sessions(session: Session, student_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(RoomSession.on_date, Site.name).join(RollCall, RollCall.session_id == RoomSession.id)
        .join(RollCallChild, RollCallChild.roll_call_id == RollCall.id).join(Site, Site.id == RoomSession.site_id)
        .where(RollCallChild.student_id == student_id).order_by(RoomSession.on_date)).all()
    return [{"date": on_date.isoformat(), "site": site} for on_date, site in rows]


def child_disclosure(session: Session, programme_id: int, student_id: int, user_id: Optional[int]) -> dict[str, Any]:
    """The child's record, household, needs, availability, visits, sessions attended, 進路, notices and messages.

    Recorded in the audit log (who exported whose data), and committed.
    """
    child = session.scalar(select(Student).join(Household).where(Student.id == student_id,
                                                                 Household.programme_id == programme_id))
    if child is None:
        raise NotFound(f"student {student_id}")
    household = child.household
    export = {
        "child": _columns(child),
        "needs": [_columns(n) for n in child.needs],
        "availability": [_columns(a) for a in child.availability],
        "household": _columns(household),
        "home_visits": _visits(session, student_id),
        "study_room_attendance": _sessions(session, student_id),
        "progression": [_columns(p) for p in session.scalars(
            select(StudentProgression).where(StudentProgression.student_id == student_id))],
        "notices_to_household": [_columns(n) for n in session.scalars(
            select(Notification).where(Notification.household_id == household.id).order_by(Notification.id))],
        "messages_from_household": [_columns(m) for m in session.scalars(
            select(HouseholdMessage).where(HouseholdMessage.household_id == household.id)
            .order_by(HouseholdMessage.id))],
    }
    record(session, user_id, "disclosure_export", "student", student_id,
           sections={key: len(value) if isinstance(value, list) else 1 for key, value in export.items()})
    session.commit()
    return export
