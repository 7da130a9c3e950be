"""The rooms problem is built from the database: calendar, sites, tutors, children, pins and previous plan."""

from __future__ import annotations

from datetime import date

import pytest

from matching.models import RoomPin, RoomPinKind, Tutor, TutorException
from matching.planning.rooms.problem import build_rooms_problem
from solver.rooms.problem import BLACKOUT
from tests.integration.rooms_world import CLOSURE, EXAM_START, HOLIDAY, TODAY, build_rooms_world, draft, solve


@pytest.fixture
def world(session):
    return build_rooms_world(session)


def test_calendar_becomes_closed_dates_and_blackouts(session, world):
    problem = build_rooms_problem(session, world.programme_id, None, TODAY)
    assert {HOLIDAY, CLOSURE} <= problem.closed_dates
    (exam,) = problem.special_periods
    assert (exam.kind, exam.start, exam.site_ids) == (BLACKOUT, EXAM_START, (str(world.site_id),))


def test_sites_tutors_and_children_carry_their_rules(session, world):
    tutor = session.get(Tutor, world.tutor_ids[0])
    tutor.exceptions.append(TutorException(starts_on=date(2026, 6, 23), ends_on=date(2026, 6, 24), reason="旅行"))
    session.commit()
    problem = build_rooms_problem(session, world.programme_id, None, TODAY)
    (site,) = problem.sites
    assert (site.target_sessions, site.min_tutors, [w.weekday for w in site.windows]) == (5, 2, [1, 3])
    first = problem.tutors[0]
    assert first.site_ids == (str(world.site_id),) and first.preferred_site_ids == (str(world.site_id),)
    assert {date(2026, 6, 23), date(2026, 6, 24)} == set(first.unavailable_dates)
    assert [c.allowed_site_ids for c in problem.children] == [(str(world.site_id),)] * 4
    assert problem.children[0].weekdays == frozenset({1, 3}) and problem.children[0].grade == "中3"


def test_base_plan_gives_pins_and_the_previous_plan(session, world):
    solve(session, world)
    plan = draft(session, world)
    first = plan.sessions[0]
    session.add(RoomPin(plan_id=plan.id, kind=RoomPinKind.STAFF, site_id=first.site_id, on_date=first.on_date,
                        tutor_id=first.staff[0].tutor_id))
    session.commit()
    problem = build_rooms_problem(session, world.programme_id, plan.id, TODAY)
    assert [(p.date, p.tutor_id) for p in problem.pins.staff] == [(first.on_date, str(first.staff[0].tutor_id))]
    assert len(problem.previous.sessions) == len(plan.sessions)
    assert len(problem.previous.child_sites) == 4
