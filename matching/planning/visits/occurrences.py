"""Dated home visits: every week of the programme on the visit's weekday, skipping days nothing runs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import (
    CalendarEntry, CalendarKind, Plan, Programme, Student, TutorException, Visit, VisitOccurrence,
)

# Only these stop a home visit; school holidays, exams and intensive periods do not.
STOPS_HOME_VISITS = (CalendarKind.HOLIDAY, CalendarKind.CLOSURE)


def weekly_dates(weekday: int, first: date, last: date, skip: set[date]) -> list[date]:
    """Every date from first to last (inclusive) falling on weekday 0-6, except those in skip."""
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    out = []
    while day <= last:
        if day not in skip:
            out.append(day)
        day += timedelta(days=7)
    return out


def _days(starts_on: date, ends_on: date) -> set[date]:
    return {starts_on + timedelta(days=k) for k in range((ends_on - starts_on).days + 1)}


def closed_days(session: Session, programme_id: int, site_id: Optional[int]) -> set[date]:
    """Holidays and closures of the whole programme, and of the child's home site if it has one."""
    query = select(CalendarEntry).where(CalendarEntry.programme_id == programme_id,
                                        CalendarEntry.kind.in_(STOPS_HOME_VISITS))
    out: set[date] = set()
    for entry in session.scalars(query):
        if entry.site_id is None or entry.site_id == site_id:
            out |= _days(entry.starts_on, entry.ends_on)
    return out


def tutor_away_days(session: Session, tutor_id: int) -> set[date]:
    """The days off the tutor gave at intake. A reported absence is not among them: its dates stay in the plan,
    each needing a substitute (see matching.services.absences), so none is skipped without a word."""
    out: set[date] = set()
    for exc in session.scalars(select(TutorException).where(TutorException.tutor_id == tutor_id,
                                                            TutorException.reported_by_tutor.is_(False))):
        out |= _days(exc.starts_on, exc.ends_on)
    return out


def last_day(programme_end: date, visit: Visit) -> date:
    """The last date a visit can happen: the programme's end, the day before the child's support ends, or the
    tutor's last day, whichever comes first."""
    ends = [programme_end]
    if visit.student.support_ended_on is not None:
        ends.append(visit.student.support_ended_on - timedelta(days=1))
    if visit.tutor.active_until is not None:
        ends.append(visit.tutor.active_until)
    return min(ends)


def make_occurrences(session: Session, plan: Plan, today: date) -> int:
    """Add the dated occurrences of every visit of the plan from today (or the start) to the programme's end."""
    programme = session.get(Programme, plan.programme_id)
    first = max(today, programme.starts_on)
    sites = dict(session.execute(
        select(Student.id, Student.home_site_id).where(Student.id.in_({v.student_id for v in plan.visits}))
    ).all()) if plan.visits else {}
    closed: dict[Optional[int], set[date]] = {}
    away: dict[int, set[date]] = {}
    made = 0
    for visit in plan.visits:
        site_id = sites.get(visit.student_id)
        if site_id not in closed:
            closed[site_id] = closed_days(session, programme.id, site_id)
        if visit.tutor_id not in away:
            away[visit.tutor_id] = tutor_away_days(session, visit.tutor_id)
        for day in weekly_dates(visit.weekday, first, last_day(programme.ends_on, visit),
                                closed[site_id] | away[visit.tutor_id]):
            visit.occurrences.append(VisitOccurrence(on_date=day, start_minute=visit.start_minute,
                                                     end_minute=visit.end_minute))
            made += 1
    return made
