"""The dated visits and sessions of a few days with what has been marked on them: a tutor's own, or everyone's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import or_, select

from sqlalchemy.orm import Session

from matching.models import (
    OccurrenceStatus, PlanKind, RollCall, Session as RoomSession, SessionStaff, Site, Student, Visit,
    VisitAttendance, VisitOccurrence,
)
from matching.services.attendance.marker import Marker
from matching.services.published import published_plan_id


@dataclass(frozen=True)
class AttendanceItem:
    """One dated visit or session and its mark so far (None: not marked yet)."""

    kind: str  # "visit" or "session"
    item_id: int  # VisitOccurrence.id or Session.id
    on_date: date
    start: int
    end: int
    title: str  # the child's given name and subject, or the site's name
    cancelled_in_plan: bool
    mark: Optional[str]  # a VisitOutcome value, "held" or "not_held"


def _visits(session: Session, plan_id: int, marker: Marker, first: date, last: date) -> list[AttendanceItem]:
    query = (select(VisitOccurrence, Visit.subject, Student.given_name, VisitAttendance.outcome)
             .join(Visit, Visit.id == VisitOccurrence.visit_id).join(Student, Student.id == Visit.student_id)
             .outerjoin(VisitAttendance, VisitAttendance.occurrence_id == VisitOccurrence.id)
             .where(Visit.plan_id == plan_id, VisitOccurrence.on_date.between(first, last)))
    if marker.is_tutor:
        query = query.where(or_(VisitOccurrence.substitute_tutor_id == marker.tutor_id,
                                (Visit.tutor_id == marker.tutor_id) & VisitOccurrence.substitute_tutor_id.is_(None)))
    return [AttendanceItem("visit", o.id, o.on_date, o.start_minute, o.end_minute, f"{name} · {subject}",
                           o.status is OccurrenceStatus.CANCELLED, outcome.value if outcome else None)
            for o, subject, name, outcome in session.execute(query)]


def _sessions(session: Session, plan_id: int, marker: Marker, first: date, last: date) -> list[AttendanceItem]:
    query = (select(RoomSession, Site.name, RollCall.held).join(Site, Site.id == RoomSession.site_id)
             .outerjoin(RollCall, RollCall.session_id == RoomSession.id)
             .where(RoomSession.plan_id == plan_id, RoomSession.on_date.between(first, last)))
    if marker.is_tutor:
        query = query.where(RoomSession.id.in_(select(SessionStaff.session_id)
                                               .where(SessionStaff.tutor_id == marker.tutor_id)))
    return [AttendanceItem("session", s.id, s.on_date, s.start_minute, s.end_minute, name,
                           s.status is OccurrenceStatus.CANCELLED,
                           None if held is None else ("held" if held else "not_held"))
            for s, name, held in session.execute(query)]


def attendance_items(session: Session, programme_id: int, marker: Marker, first: date, last: date
                     ) -> list[AttendanceItem]:
    """The published plans' visits and sessions dated first..last (a tutor sees only their own), by date and time."""
    items: list[AttendanceItem] = []
    visits_plan = published_plan_id(session, programme_id, PlanKind.VISITS)
    rooms_plan = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if visits_plan is not None:
        items += _visits(session, visits_plan, marker, first, last)
    if rooms_plan is not None:
        items += _sessions(session, rooms_plan, marker, first, last)
    return sorted(items, key=lambda i: (i.on_date, i.start, i.kind, i.item_id))
