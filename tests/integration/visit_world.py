"""A tiny home-visit programme for planning tests: two children, two tutors, and helpers to solve it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matching.models import JobStatus, Plan, PlanKind, PlanStatus, Student, Visit
from matching.planning.jobs import queue_solve, run_solve
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor

TODAY = date(2026, 11, 22)


@dataclass
class VisitWorld:
    """Ids of the rows of the tiny programme."""

    programme_id: int
    site_id: int
    student_ids: list[int]
    tutor_ids: list[int]


def make_visit_world(session: Session) -> VisitWorld:
    """Two 中3 children needing math on Tuesday evening, two tutors free then (one speaks Vietnamese)."""
    programme = make_programme(session)
    site = make_site(session, programme)
    students = [
        make_student(session, make_household(session, programme), home_site_id=site.id),
        make_student(session, make_household(session, programme, language="vi"), home_site_id=site.id,
                     waiting_since=date(2026, 9, 1), priority=2),
    ]
    tutors = [make_tutor(session, programme), make_tutor(session, programme, languages="ja,vi")]
    session.commit()
    return VisitWorld(programme.id, site.id, [s.id for s in students], [t.id for t in tutors])


def tuesday_draft(session: Session, world: VisitWorld, slots: list[tuple[int, int, int]]) -> Plan:
    """A draft with one Tuesday math visit per (student index, tutor index, start hour), committed."""
    plan = Plan(programme_id=world.programme_id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT)
    session.add(plan)
    session.flush()
    for s, t, hour in slots:
        student = session.get(Student, world.student_ids[s])
        plan.visits.append(Visit(student_id=student.id, need_id=student.needs[0].id, subject="math",
                                 tutor_id=world.tutor_ids[t], weekday=1, start_minute=hour * 60,
                                 end_minute=hour * 60 + 120, travel_minutes=5))
    session.commit()
    return plan


def solve(factory: sessionmaker, programme_id: int, base_plan_id: int | None = None,
          time_limit_s: float = 1.0) -> tuple[JobStatus, int]:
    """Queue and run a visits solve in this thread; returns its status and job id."""
    with factory() as session:
        job_id = queue_solve(session, programme_id, PlanKind.VISITS, None, base_plan_id)
    return run_solve(factory, job_id, time_limit_s, TODAY), job_id


def visit_slots(session: Session, plan_id: int) -> list[tuple]:
    """A plan's visits as comparable tuples."""
    session.expire_all()
    return [(v.student_id, v.need_id, v.tutor_id, v.weekday, v.start_minute, v.end_minute)
            for v in session.scalars(select(Visit).where(Visit.plan_id == plan_id).order_by(Visit.id))]


def plan_state(session: Session, plan_id: int) -> tuple:
    """A plan's status, lock version and visits, to compare before and after."""
    session.expire_all()
    plan = session.get(Plan, plan_id)
    return plan.status, plan.lock_version, visit_slots(session, plan_id)
