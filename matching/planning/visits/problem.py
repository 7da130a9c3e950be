"""Rows -> the home-visit solver's problem: active children and tutors, the base plan's visits and pins."""

from __future__ import annotations

import logging
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    ForbiddenPair, Household, Mode, Student, StudentNeed, Tutor, Visit, VisitPin,
)
from matching.planning.timetable import SESSION, load_timetable
from matching.services.support_end import supported_on
from matching.services.tutors import tutor_active_on
from solver.busy import BusyTime, clashes
from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.visits import problem as sp

log = logging.getLogger(__name__)


def _windows(rows) -> tuple[WeeklyWindow, ...]:
    return tuple(WeeklyWindow(r.weekday, r.start_minute, r.end_minute) for r in rows if r.end_minute > r.start_minute)


def home_visit_students(session: Session, programme_id: int, today: date) -> list[Student]:
    """The programme's home-visit children still supported on today, with their needs, availability and household."""
    return list(session.scalars(
        select(Student).join(Household)
        .where(Household.programme_id == programme_id, supported_on(today), Student.mode == Mode.HOME_VISIT)
        .options(selectinload(Student.needs), selectinload(Student.availability), selectinload(Student.household))
        .order_by(Student.id)
    ))


def active_tutors(session: Session, programme_id: int, today: date) -> list[Tutor]:
    """The programme's tutors active today, with subjects and availability."""
    return list(session.scalars(
        select(Tutor).where(Tutor.programme_id == programme_id, tutor_active_on(today))
        .options(selectinload(Tutor.subjects), selectinload(Tutor.availability))
        .order_by(Tutor.id)
    ))


def child_of(student: Student, today: date, current: tuple[sp.CurrentVisit, ...] = ()) -> sp.Child:
    """A student row as the solver's child (one need per subject: the solver names a need by its subject)."""
    needs: dict[str, sp.Need] = {}
    for need in student.needs:
        needs.setdefault(need.subject, sp.Need(need.subject, need.minutes_per_visit, need.visits_per_week))
    waiting = max(0, (today - student.waiting_since).days) if student.waiting_since else 0
    household = student.household
    return sp.Child(
        id=str(student.id), grade=student.grade, home=Coordinates(household.lat, household.lon),
        needs=tuple(needs.values()), availability=_windows(student.availability),
        required_gender=student.required_tutor_gender or None,
        languages=(household.language,) if household.language else (), priority=student.priority,
        days_waiting=waiting, current_visits=current,
    )


def tutor_of(tutor: Tutor, busy: tuple[BusyTime, ...]) -> sp.Tutor:
    """A tutor row as the solver's tutor, busy at the given times (their study-room sessions)."""
    return sp.Tutor(
        id=str(tutor.id),
        subjects=tuple(sp.TutorSubject(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects),
        availability=_windows(tutor.availability), max_visits_per_week=tutor.max_visits_per_week,
        max_travel_minutes=tutor.max_travel_minutes, home=Coordinates(tutor.lat, tutor.lon),
        gender=tutor.gender or None, languages=tuple(tutor.language_list), busy=busy,
    )


def build_visits_problem(session: Session, programme_id: int, base_plan_id: Optional[int],
                         today: date) -> sp.VisitsProblem:
    """The problem as the database holds it now; the base plan's visits are current, its pins hold, and each
    tutor's published study-room sessions from today on are busy time."""
    # Travel times need both homes on the map: children and tutors without coordinates are left out (the
    # plan's report names the children with that reason, see left_out.py).
    students = [s for s in home_visit_students(session, programme_id, today) if s.household.located]
    tutors = [t for t in active_tutors(session, programme_id, today) if t.located]
    tutor_ids = {t.id for t in tutors}
    current: dict[int, list[sp.CurrentVisit]] = {}
    pins: list[sp.Pin] = []
    if base_plan_id is not None:
        for v in session.scalars(select(Visit).where(Visit.plan_id == base_plan_id).order_by(Visit.id)):
            current.setdefault(v.student_id, []).append(sp.CurrentVisit(v.subject, str(v.tutor_id), v.weekday,
                                                                        v.start_minute))
        pins = _pins(session, base_plan_id, {s.id for s in students}, tutor_ids)
    children = tuple(child_of(s, today, tuple(current.get(s.id, ()))) for s in students)
    child_ids = {c.id for c in children}
    forbidden = tuple(
        sp.ForbiddenPair(str(f.student_id), str(f.tutor_id))
        for f in session.scalars(select(ForbiddenPair).order_by(ForbiddenPair.id))
        if str(f.student_id) in child_ids and f.tutor_id in tutor_ids
    )
    sessions = load_timetable(session, programme_id, today, tutor_ids=tutor_ids, kinds=(SESSION,))
    busy = {t.id: _outside_pins(sessions.busy(t.id, SESSION), str(t.id), pins, children) for t in tutors}
    return sp.VisitsProblem(children=children, tutors=tuple(tutor_of(t, busy[t.id]) for t in tutors),
                            pins=tuple(pins), forbidden_pairs=forbidden)


def _outside_pins(busy: tuple[BusyTime, ...], tutor_id: str, pins: list[sp.Pin],
                  children: tuple[sp.Child, ...]) -> tuple[BusyTime, ...]:
    """The busy times no pinned visit of the tutor meets: a pin stands, the dates it meets are marked at publish."""
    homes = {c.id: c for c in children}
    pinned = []
    for p in pins:
        if p.tutor_id == tutor_id:
            minutes = next(n.minutes for n in homes[p.child_id].needs if n.subject == p.subject)
            pinned.append((p.weekday, p.start, p.start + minutes, homes[p.child_id].home))
    return tuple(b for b in busy if not any(b.date.weekday() == day and clashes(b, b.date, start, end, home)
                                            for day, start, end, home in pinned))


def _pins(session: Session, plan_id: int, student_ids: set[int], tutor_ids: set[int]) -> list[sp.Pin]:
    """The plan's pins on current needs of children and tutors still in the programme (others logged, left out)."""
    out = []
    rows = session.execute(
        select(VisitPin, StudentNeed).join(StudentNeed, StudentNeed.id == VisitPin.need_id)
        .where(VisitPin.plan_id == plan_id).order_by(VisitPin.id)
    )
    for pin, need in rows:
        if need.removed_at is not None or need.student_id not in student_ids or pin.tutor_id not in tutor_ids:
            log.info("pin %s left out: its need was removed or its child or tutor is no longer active", pin.id)
            continue
        out.append(sp.Pin(str(need.student_id), need.subject, str(pin.tutor_id), pin.weekday, pin.start_minute))
    return out

