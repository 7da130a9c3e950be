"""The tutor's home visits as busy time: no session staffed by a tutor who is on a home visit then (travel included)."""

from __future__ import annotations

from datetime import date

from solver.busy import BusyTime
from solver.geo import Coordinates
from solver.rooms.check import check_rooms
from solver.rooms.codec import problem_from_json, problem_to_json
from solver.rooms.solve import solve_rooms

from .conftest import make_problem, make_tutor
from .test_rules import GOOD, codes, plan

TUE = date(2026, 6, 2)
SITE = Coordinates(35.735, 139.65)
FAR_HOME = Coordinates(35.765, 139.65)  # about 18 minutes from the site


def visit(day=TUE, start=18 * 60, end=20 * 60, place=SITE) -> BusyTime:
    return BusyTime(day, start, end, place)


def test_checker_flags_a_tutor_on_a_home_visit_during_the_session():
    problem = make_problem(tutors=(make_tutor("T1", busy=(visit(),)), make_tutor("T2"), make_tutor("T3")))
    assert "busy_clash" in codes(problem, plan(problem, GOOD))


def test_checker_accepts_a_home_visit_on_another_day():
    problem = make_problem(tutors=(make_tutor("T1", busy=(visit(day=date(2026, 6, 3)),)), make_tutor("T2"),
                                   make_tutor("T3")))
    assert codes(problem, plan(problem, GOOD)) == set()


def test_checker_counts_the_travel_between_the_home_and_the_site():
    before = visit(start=16 * 60, end=17 * 60 + 50, place=FAR_HOME)  # ends 10 minutes before, 18 minutes away
    problem = make_problem(tutors=(make_tutor("T1", busy=(before,)), make_tutor("T2"), make_tutor("T3")))
    assert "busy_clash" in codes(problem, plan(problem, GOOD))
    near = visit(start=16 * 60, end=17 * 60 + 50, place=SITE)
    problem = make_problem(tutors=(make_tutor("T1", busy=(near,)), make_tutor("T2"), make_tutor("T3")))
    assert codes(problem, plan(problem, GOOD)) == set()


def test_solver_never_staffs_a_session_with_a_busy_tutor():
    # Two tutors per session and three tutors: T1's Tuesday visit leaves T2 and T3 for that date.
    problem = make_problem(tutors=(make_tutor("T1", busy=(visit(),)), make_tutor("T2"), make_tutor("T3")))
    solution = solve_rooms(problem, time_limit_s=5)
    assert check_rooms(problem, solution) == []
    tuesday = [s for s in solution.sessions if s.date == TUE]
    assert tuesday and all("T1" not in s.staff for s in tuesday)


def test_solver_uses_the_tutor_when_the_visit_is_elsewhere_in_time():
    problem = make_problem(tutors=(make_tutor("T1", busy=(visit(start=14 * 60, end=16 * 60),)),
                                   make_tutor("T2", unavailable_dates=frozenset({TUE})), make_tutor("T3")))
    solution = solve_rooms(problem, time_limit_s=5)
    assert check_rooms(problem, solution) == []
    assert any(s.date == TUE and "T1" in s.staff for s in solution.sessions)


def test_busy_time_survives_the_json_round_trip():
    problem = make_problem(tutors=(make_tutor("T1", busy=(visit(),)), make_tutor("T2"), make_tutor("T3")))
    data = problem_to_json(problem)
    assert data["format"] == "rooms-problem/2" and data["tutors"][0]["busy"][0]["start"] == "18:00"
    assert problem_from_json(data) == problem
