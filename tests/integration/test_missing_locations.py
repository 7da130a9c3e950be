"""Homes without coordinates: saved, listed, and left out of home-visit solves with that reason."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from matching.models import Household, JobStatus, Mode, Plan, Student
from matching.planning.rooms.problem import build_rooms_problem
from matching.planning.visits.problem import build_visits_problem
from tests.factories import make_household, make_programme, make_site, make_student
from tests.integration.visit_world import TODAY, make_visit_world, solve


def test_a_child_without_a_location_is_left_out_of_the_solve_with_the_reason(session, database_url):
    world = make_visit_world(session)
    household = session.get(Student, world.student_ids[1]).household
    household.lat = household.lon = None
    session.commit()
    assert [c.id for c in build_visits_problem(session, world.programme_id, None, TODAY).children] == [
        str(world.student_ids[0])]
    status, _job = solve(sessionmaker(bind=session.get_bind()), world.programme_id)
    assert status is JobStatus.SUCCEEDED
    session.expire_all()
    plan = session.scalars(select(Plan)).one()
    [entry] = [u for u in plan.report["unmet"] if u["student_id"] == world.student_ids[1]]
    assert entry["reason_code"] == "no_location" and "緯度" in entry["reason_ja"]
    assert session.scalars(select(Household).where(Household.lat.is_(None))).one().id == household.id


def test_a_study_room_child_without_a_location_goes_to_their_chosen_site(session):
    programme = make_programme(session)
    site = make_site(session, programme)
    child = make_student(session, make_household(session, programme, lat=None, lon=None), mode=Mode.STUDY_ROOM,
                         home_site_id=site.id)
    session.commit()
    [solver_child] = build_rooms_problem(session, programme.id, None, TODAY).children
    assert solver_child.id == str(child.id) and solver_child.allowed_site_ids == (str(site.id),)
    assert (solver_child.home.lat, solver_child.home.lon) == (site.lat, site.lon)
