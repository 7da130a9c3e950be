"""Rows to a RoomsProblem: the programme's calendar, sites, tutors, study-room children, pins and previous plan.

Solver ids are the database ids written as strings; ``db_id`` turns them back.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.grades import grade_label
from matching.models import (
    CalendarEntry, CalendarKind, Household, Mode, Plan, Programme, RoomPin, RoomPinKind, Site, Student, Tutor,
)
from matching.planning.rooms.history import first_planned_day, held_per_site, published_history
from matching.planning.timetable import VISIT, load_timetable
from matching.services.support_end import supported_on
from solver.busy import BusyTime, clashes
from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.rooms import problem as rp
from solver.rooms.calendar import days_of, window_on

log = logging.getLogger(__name__)


def sid(row_id: int) -> str:
    """A database id as a solver id."""
    return str(row_id)


def db_id(solver_id: str) -> int:
    """A solver id back as a database id."""
    return int(solver_id)


def _calendar(entries: list[CalendarEntry], period: rp.Period):
    """Programme-wide closed dates, per-site closed dates and special periods from the calendar entries."""
    closed, site_closed, special = set(), defaultdict(set), []
    for e in entries:
        if e.kind in (CalendarKind.HOLIDAY, CalendarKind.CLOSURE):
            days = [d for d in days_of(e.starts_on, e.ends_on) if period.start <= d <= period.end]
            (site_closed[e.site_id] if e.site_id else closed).update(days)
        elif e.kind in (CalendarKind.EXAM, CalendarKind.INTENSIVE):
            kind = rp.BLACKOUT if e.kind is CalendarKind.EXAM else rp.INTENSIVE
            special.append(rp.SpecialPeriod(kind, e.starts_on, e.ends_on, (sid(e.site_id),) if e.site_id else (),
                                            e.name))
    return frozenset(closed), site_closed, tuple(special)


def _site(site: Site, closed: set[date], held: int) -> Optional[rp.Site]:
    """The site as the solver sees it, its target being what is left of the year's after the sessions held."""
    windows, seen = [], set()
    for o in site.openings:  # the solver holds one session a day: the first opening of each weekday
        if o.weekday not in seen:
            seen.add(o.weekday)
            windows.append(WeeklyWindow(o.weekday, o.start_minute, o.end_minute))
    if not windows:
        return None
    return rp.Site(sid(site.id), site.name, Coordinates(site.lat, site.lon), max(0, site.target_sessions - held),
                   tuple(windows),
                   site.capacity, frozenset(closed), site.min_days_between_sessions, site.min_tutors_per_session,
                   site.children_per_tutor)


def _tutor(tutor: Tutor, period: rp.Period, site_ids: set[str], busy: tuple[BusyTime, ...]) -> rp.Tutor:
    away = set()
    for e in tutor.exceptions:
        away.update(days_of(max(e.starts_on, period.start), min(e.ends_on, period.end)))
    # Days outside the tutor's active span count as days away.
    away.update(d for d in days_of(period.start, period.end)
                if d < tutor.active_from or (tutor.active_until and d > tutor.active_until))
    reachable = tuple(sid(ts.site_id) for ts in sorted(tutor.sites, key=lambda ts: ts.site_id)
                      if sid(ts.site_id) in site_ids)
    preferred = tuple(sid(ts.site_id) for ts in sorted(tutor.sites, key=lambda ts: ts.site_id)
                      if ts.preferred and sid(ts.site_id) in site_ids)
    return rp.Tutor(sid(tutor.id), sid(tutor.id), reachable,
                    tuple(WeeklyWindow(a.weekday, a.start_minute, a.end_minute) for a in tutor.availability),
                    tutor.max_sessions_per_month, frozenset(away), preferred, busy)


def _child(student: Student, site_ids: set[str]) -> Optional[rp.Child]:
    home = sid(student.home_site_id) if student.home_site_id and sid(student.home_site_id) in site_ids else None
    household = student.household
    if household.located:
        place = Coordinates(household.lat, household.lon)
    elif home:  # a home not yet on the map: the chosen site stands in for it (the child can go only there)
        place = Coordinates(student.home_site.lat, student.home_site.lon)
    else:
        log.info("child %s left out of the rooms problem: no location and no home site", student.id)
        return None
    return rp.Child(sid(student.id), grade_label(student.grade), place,
                    frozenset(a.weekday for a in student.availability),
                    (home,) if home else (), (home,) if home else ())


def _pins(session: Session, plan_id: int, sites: set[str], tutors: set[str], children: set[str],
          first: date) -> rp.Pins:
    """The base plan's pins, leaving out any whose site, tutor or child is no longer in the problem, or dated
    before the first planned day (that session is history, copied as published)."""
    pins = session.scalars(select(RoomPin).where(RoomPin.plan_id == plan_id).order_by(RoomPin.id)).all()
    out = defaultdict(list)
    for p in pins:
        if sid(p.site_id) not in sites:
            log.info("room pin %s dropped: site %s has no session windows", p.id, p.site_id)
        elif p.on_date is not None and p.on_date < first:
            log.info("room pin %s left out: its session is before the first planned day", p.id)
        elif p.kind is RoomPinKind.SESSION:
            out["s"].append(rp.SessionPin(sid(p.site_id), p.on_date))
        elif p.kind is RoomPinKind.STAFF and sid(p.tutor_id) in tutors:
            out["t"].append(rp.StaffPin(sid(p.site_id), p.on_date, sid(p.tutor_id)))
        elif p.kind is RoomPinKind.CHILD_SITE and sid(p.student_id) in children:
            out["c"].append(rp.ChildSitePin(sid(p.student_id), sid(p.site_id)))
        else:
            log.info("room pin %s dropped: its tutor or child is no longer active", p.id)
    return rp.Pins(tuple(out["s"]), tuple(out["t"]), tuple(out["c"]))


def previous_plan(plan: Plan, sites: set[str], tutors: set[str], children: set[str],
                  first: date) -> rp.PreviousPlan:
    """A stored plan's sessions from the first planned day on and its child sites as the solver's previous plan
    (unknown rows left out)."""
    sessions = tuple(rp.PreviousSession(sid(s.site_id), s.on_date,
                                        tuple(sorted(sid(st.tutor_id) for st in s.staff if sid(st.tutor_id) in tutors)))
                     for s in plan.sessions if sid(s.site_id) in sites and s.on_date >= first)
    child_sites = tuple(rp.ChildSitePin(sid(a.student_id), sid(a.site_id)) for a in plan.assignments
                        if sid(a.student_id) in children and sid(a.site_id) in sites)
    return rp.PreviousPlan(sessions, child_sites)


def build_rooms_problem(session: Session, programme_id: int, base_plan_id: Optional[int],
                        today: date) -> rp.RoomsProblem:
    """The study-room problem from today to the programme's end, with the base plan's pins and rows from today on;
    each site's target is what is left after the sessions the published plan held before today."""
    programme = session.get(Programme, programme_id)
    period = rp.Period(first_planned_day(programme.starts_on, today), programme.ends_on)
    held = held_per_site(published_history(session, programme_id, period.start))
    entries = session.scalars(select(CalendarEntry).where(CalendarEntry.programme_id == programme_id)).all()
    closed, site_closed, special = _calendar(list(entries), period)
    site_rows = session.scalars(select(Site).where(Site.programme_id == programme_id).order_by(Site.id)
                                .options(selectinload(Site.openings))).all()
    sites = tuple(s for s in (_site(row, site_closed[row.id], held[row.id]) for row in site_rows) if s is not None)
    site_ids = {s.id for s in sites}
    tutor_rows = session.scalars(
        select(Tutor).where(Tutor.programme_id == programme_id, Tutor.active_from <= period.end,
                            (Tutor.active_until.is_(None)) | (Tutor.active_until >= period.start))
        .order_by(Tutor.id)
        .options(selectinload(Tutor.availability), selectinload(Tutor.exceptions), selectinload(Tutor.sites))).all()
    # The tutors' published home visits are busy time: the same timetable the visits' own checks read.
    visits = load_timetable(session, programme_id, period.start, period.end, kinds=(VISIT,))
    tutors = tuple(_tutor(t, period, site_ids, visits.busy(t.id, VISIT)) for t in tutor_rows)
    student_rows = session.scalars(
        select(Student).join(Household).where(Household.programme_id == programme_id,
                                              supported_on(period.start), Student.mode == Mode.STUDY_ROOM)
        .order_by(Student.id).options(selectinload(Student.availability), selectinload(Student.household),
                                      selectinload(Student.home_site))).all()
    children = tuple(c for c in (_child(s, site_ids) for s in student_rows) if c is not None)
    tutor_ids, child_ids = {t.id for t in tutors}, {c.id for c in children}
    pins, previous = rp.Pins(), None
    if base_plan_id is not None:
        pins = _pins(session, base_plan_id, site_ids, tutor_ids, child_ids, period.start)
        previous = previous_plan(session.get(Plan, base_plan_id), site_ids, tutor_ids, child_ids, period.start)
    tutors = tuple(replace(t, busy=_outside_pins(t, pins, sites)) for t in tutors)
    return rp.RoomsProblem(period, sites, tutors, children, closed, special, pins, previous)


def _outside_pins(tutor: rp.Tutor, pins: rp.Pins, sites: tuple[rp.Site, ...]) -> tuple[BusyTime, ...]:
    """The tutor's busy times no staff pin of theirs meets: a pin stands, the visit dates it meets are marked."""
    by_id = {s.id: s for s in sites}
    pinned = []
    for p in pins.staff:
        window = window_on(by_id[p.site_id], p.date) if p.tutor_id == tutor.id and p.site_id in by_id else None
        if window is not None:
            pinned.append((p.date, window.start, window.end, by_id[p.site_id].location))
    return tuple(b for b in tutor.busy if not any(clashes(b, *when) for when in pinned))
