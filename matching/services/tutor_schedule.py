"""A tutor's own upcoming visits and study-room sessions, with only what the access policy lets them see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, redact
from matching.models import (
    OccurrenceStatus, Session as RoomSession, SessionStaff, Student, Tutor, Visit, VisitOccurrence,
)
from matching.planning.timetable import SESSION, VISIT, Commitment, load_timetable
from matching.services.errors import NotFound


@dataclass(frozen=True)
class ScheduleItem:
    """One dated visit or session of a tutor, as the tutor may see it."""

    kind: str  # "visit" or "session"
    item_id: int  # VisitOccurrence.id or Session.id
    assignment_id: int  # Visit.id or SessionStaff.id: what the tutor confirms
    on_date: date
    start: int
    end: int
    cancelled: bool
    confirmed: bool
    substitute: bool  # the tutor stands in for someone else on this date
    calendar_uid: str = ""  # the calendar id, the same in every version that leaves this date unchanged
    site_name: str = ""
    child_given_name: str = ""
    child_grade: Optional[int] = None
    subject: str = ""
    address: str = ""  # only for a home visit whose household consented
    guardian_phone: str = ""  # likewise
    children_expected: int = 0


def _visit_items(session: Session, tutor_id: int, commitments: list[Commitment]) -> list[ScheduleItem]:
    ids = [c.item_id for c in commitments if c.kind == VISIT]
    if not ids:
        return []
    occurrences = session.scalars(
        select(VisitOccurrence).where(VisitOccurrence.id.in_(ids))
        .options(selectinload(VisitOccurrence.visit).selectinload(Visit.student).selectinload(Student.household))
    ).all()
    items = []
    for occurrence in occurrences:
        visit, child = occurrence.visit, occurrence.visit.student
        household = child.household
        contact = redact(Viewer.TUTOR, "household", {"address": household.address, "phone": household.phone},
                         consented_visit=household.consent_share_contact)
        items.append(ScheduleItem(
            kind="visit", item_id=occurrence.id, assignment_id=visit.id, on_date=occurrence.on_date,
            start=occurrence.start_minute, end=occurrence.end_minute,
            cancelled=occurrence.status is OccurrenceStatus.CANCELLED,
            confirmed=visit.confirmed_at is not None or occurrence.substitute_tutor_id == tutor_id,
            substitute=occurrence.substitute_tutor_id == tutor_id, calendar_uid=occurrence.calendar_uid,
            child_given_name=child.given_name, child_grade=child.grade, subject=visit.subject,
            address=contact.get("address", ""), guardian_phone=contact.get("phone", ""),
        ))
    return items


def _session_items(session: Session, tutor_id: int, commitments: list[Commitment]) -> list[ScheduleItem]:
    ids = [c.item_id for c in commitments if c.kind == SESSION]
    if not ids:
        return []
    rows = session.scalars(
        select(SessionStaff).where(SessionStaff.session_id.in_(ids), SessionStaff.tutor_id == tutor_id)
        .options(selectinload(SessionStaff.session).selectinload(RoomSession.site))
    ).all()
    return [
        ScheduleItem(
            kind="session", item_id=staff.session.id, assignment_id=staff.id, on_date=staff.session.on_date,
            start=staff.session.start_minute, end=staff.session.end_minute,
            cancelled=staff.session.status is OccurrenceStatus.CANCELLED, confirmed=staff.confirmed_at is not None,
            substitute=staff.substitute_for_id is not None, calendar_uid=staff.session.calendar_uid,
            site_name=staff.session.site.name,
        )
        for staff in rows
    ]


def tutor_schedule(session: Session, programme_id: int, tutor_id: int, since: date) -> list[ScheduleItem]:
    """The tutor's published visits and sessions from a date on, in time order, as their timetable holds them."""
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    commitments = load_timetable(session, programme_id, since, tutor_ids={tutor_id}).of(tutor_id)
    items = _visit_items(session, tutor_id, commitments) + _session_items(session, tutor_id, commitments)
    return sorted(items, key=lambda item: (item.on_date, item.start, item.kind, item.item_id))
