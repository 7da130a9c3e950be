"""A year of history for the large programme: published plans made by rule (not by the solver) and their attendance.

Solving 10,000 children takes minutes, and the report benchmark needs only plausible rows: each home-visit
child gets a weekly visit by a tutor taken in turn (up to the tutor's weekly limit) on the child's first
free window, every school week of the year; each site holds its target of sessions on its opening days,
staffed by two tutors who can reach it, attended by up to its capacity of children whose home site it is.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    CalendarEntry, CalendarKind, Household, Mode, Plan, PlanKind, PlanStatus, Programme, Session as RoomSession,
    SessionStaff, Site, Student, StudentSiteAssignment, Tutor, TutorSite, Visit, VisitOccurrence,
)
from seed_data.attendance_history import HistorySummary, mark_history

BATCH = 5000
STAFF_PER_SESSION = 2


def _blocked_days(session: Session, programme: Programme) -> set[date]:
    """Holidays and closures of the programme's calendar: nothing runs on them."""
    days = set()
    for entry in session.scalars(select(CalendarEntry).where(
            CalendarEntry.programme_id == programme.id, CalendarEntry.site_id.is_(None),
            CalendarEntry.kind.in_([CalendarKind.HOLIDAY, CalendarKind.CLOSURE]))):
        days |= {entry.starts_on + timedelta(days=k) for k in range((entry.ends_on - entry.starts_on).days + 1)}
    return days


def _days_on(programme: Programme, weekday: int, blocked: set[date]) -> list[date]:
    first = programme.starts_on + timedelta(days=(weekday - programme.starts_on.weekday()) % 7)
    return [d for d in (first + timedelta(weeks=k) for k in range(53)) if d <= programme.ends_on and d not in blocked]


def _plan(session: Session, programme_id: int, kind: PlanKind) -> Plan:
    plan = Plan(programme_id=programme_id, kind=kind, status=PlanStatus.PUBLISHED, version=1,
                solver_status="feasible", published_at=None)
    session.add(plan)
    session.flush()
    return plan


def _next_free(turn, n_tutors: int, load: dict[int, int]):
    """The next tutor in turn with a weekly visit left, None when all are full."""
    for _ in range(n_tutors):
        tutor = next(turn)
        if load[tutor.id] < tutor.max_visits_per_week:
            return tutor
    return None


def _visits_plan(session: Session, programme: Programme, blocked: set[date]) -> None:
    plan = _plan(session, programme.id, PlanKind.VISITS)
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == programme.id).order_by(Tutor.id)).all()
    load = {t.id: 0 for t in tutors}
    turn = cycle(tutors)
    children = session.scalars(
        select(Student).join(Household).where(Household.programme_id == programme.id, Student.mode == Mode.HOME_VISIT)
        .options(selectinload(Student.needs), selectinload(Student.availability)).order_by(Student.id)).all()
    visits = []
    for child in children:
        if not child.needs or not child.availability:
            continue
        tutor = _next_free(turn, len(tutors), load)
        if tutor is None:
            break  # every tutor is full: the rest of the children wait
        load[tutor.id] += 1
        need, window = child.needs[0], child.availability[0]
        end = min(window.end_minute, window.start_minute + need.minutes_per_visit)
        visits.append(dict(plan_id=plan.id, student_id=child.id, need_id=need.id, subject=need.subject,
                           tutor_id=tutor.id, weekday=window.weekday, start_minute=window.start_minute,
                           end_minute=end, travel_minutes=15))
    ids = list(session.scalars(insert(Visit).returning(Visit.id, sort_by_parameter_order=True), visits)) if visits else []
    occurrences = [dict(visit_id=visit_id, on_date=day, start_minute=v["start_minute"], end_minute=v["end_minute"])
                   for visit_id, v in zip(ids, visits) for day in _days_on(programme, v["weekday"], blocked)]
    for start in range(0, len(occurrences), BATCH):
        session.execute(insert(VisitOccurrence), occurrences[start:start + BATCH])


def _rooms_plan(session: Session, programme: Programme, blocked: set[date]) -> None:
    plan = _plan(session, programme.id, PlanKind.ROOMS)
    sites = session.scalars(select(Site).where(Site.programme_id == programme.id)
                            .options(selectinload(Site.openings)).order_by(Site.id)).all()
    for site in sites:
        openings = {o.weekday: o for o in site.openings}
        days = sorted(d for weekday in openings for d in _days_on(programme, weekday, blocked))
        step = max(1, len(days) / max(1, site.target_sessions))
        chosen = [days[int(k * step)] for k in range(min(site.target_sessions, len(days)))]
        staff = cycle(session.scalars(select(TutorSite.tutor_id).where(TutorSite.site_id == site.id)
                                      .order_by(TutorSite.id)).all() or [None])
        for day in chosen:
            opening = openings[day.weekday()]
            tutors = {next(staff) for _ in range(STAFF_PER_SESSION)} - {None}
            session.add(RoomSession(plan_id=plan.id, site_id=site.id, on_date=day, start_minute=opening.start_minute,
                                    end_minute=opening.end_minute,
                                    staff=[SessionStaff(tutor_id=t) for t in sorted(tutors)]))
        children = session.scalars(select(Student.id).where(Student.home_site_id == site.id,
                                                            Student.mode == Mode.STUDY_ROOM)
                                   .order_by(Student.id).limit(site.capacity)).all()
        session.add_all([StudentSiteAssignment(plan_id=plan.id, student_id=c, site_id=site.id) for c in children])
    session.flush()


def load_large_history(session: Session, programme_id: int, seed: int = 1) -> HistorySummary:
    """Publish rule-made plans for the whole school year and mark every item of it: a year of attendance."""
    programme = session.get(Programme, programme_id)
    blocked = _blocked_days(session, programme)
    _visits_plan(session, programme, blocked)
    _rooms_plan(session, programme, blocked)
    session.commit()
    return mark_history(session, programme_id, programme.ends_on + timedelta(days=1), seed)
