"""Published plans for tests of what tutors and families see: visits with dated occurrences, staffed sessions."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from matching.models import (
    Plan, PlanKind, PlanStatus, Programme, Session as RoomSession, SessionStaff, Site, Student, Tutor, Visit,
    VisitOccurrence,
)


def make_plan(session: Session, programme: Programme, kind: PlanKind, status: PlanStatus = PlanStatus.PUBLISHED,
              version: int | None = 1) -> Plan:
    """An empty plan of a kind (published, version 1, by default)."""
    plan = Plan(programme_id=programme.id, kind=kind, status=status,
                version=version if status is PlanStatus.PUBLISHED else None)
    session.add(plan)
    session.flush()
    return plan


def add_visit(session: Session, plan: Plan, student: Student, tutor: Tutor, dates: list[date],
              start: int = 18 * 60, end: int = 20 * 60, subject: str = "math") -> Visit:
    """A weekly visit of the student's first need, on the weekday of the first date, occurring on the dates."""
    visit = Visit(plan_id=plan.id, student_id=student.id, need_id=student.needs[0].id, subject=subject,
                  tutor_id=tutor.id, weekday=dates[0].weekday(), start_minute=start, end_minute=end,
                  travel_minutes=10)
    visit.occurrences = [VisitOccurrence(on_date=day, start_minute=start, end_minute=end) for day in dates]
    session.add(visit)
    session.flush()
    return visit


def add_session(session: Session, plan: Plan, site: Site, on_date: date, tutors: list[Tutor],
                start: int = 18 * 60, end: int = 20 * 60) -> RoomSession:
    """A study-room session at the site on the date, staffed by the tutors."""
    room_session = RoomSession(plan_id=plan.id, site_id=site.id, on_date=on_date, start_minute=start, end_minute=end)
    room_session.staff = [SessionStaff(tutor_id=tutor.id) for tutor in tutors]
    session.add(room_session)
    session.flush()
    return room_session
