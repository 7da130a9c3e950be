"""The instance generator is deterministic and realistic: a school year with Japanese holidays and exam weeks."""

from __future__ import annotations

from datetime import date

from seed_data.rooms_instances import demo_rooms_problem, generate_rooms_problem
from solver.rooms.codec import problem_from_json, problem_to_json
from solver.rooms.problem import BLACKOUT, INTENSIVE


def test_same_seed_same_problem_and_other_seed_other_problem():
    assert generate_rooms_problem(3, 10, 20, seed=4) == generate_rooms_problem(3, 10, 20, seed=4)
    assert generate_rooms_problem(3, 10, 20, seed=4) != generate_rooms_problem(3, 10, 20, seed=5)


def test_school_year_closes_on_holidays_and_new_year():
    problem = generate_rooms_problem(2, 4, 4, seed=1)
    assert (problem.period.start, problem.period.end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert {date(2026, 4, 29), date(2026, 11, 3), date(2026, 12, 31), date(2027, 1, 2)} <= problem.closed_dates


def test_exam_week_blackouts_per_site_and_one_intensive_period():
    problem = generate_rooms_problem(2, 4, 4, seed=1)
    blackouts = [p for p in problem.special_periods if p.kind == BLACKOUT]
    assert len(blackouts) == 5 * 2 and all(len(p.site_ids) == 1 for p in blackouts)
    assert [(p.start, p.end) for p in problem.special_periods if p.kind == INTENSIVE] == [(date(2027, 1, 10), date(2027, 2, 20))]


def test_demo_has_seven_sites_of_eighty_sessions_and_round_trips_through_json():
    problem = demo_rooms_problem()
    assert [s.target_sessions for s in problem.sites] == [80] * 7
    assert (len(problem.tutors), len(problem.children)) == (70, 150)
    assert problem_from_json(problem_to_json(problem)) == problem
