"""Each suggested change, applied to the problem, gets the need served by the solver without dropping a higher-priority visit."""

from __future__ import annotations

from collections import Counter

import pytest

from seed_data.visits_instances import generate_visits_problem
from solver.clock import WeeklyWindow
from solver.geo import Coordinates, travel_minutes
from solver.visits.check import check_visits
from solver.visits.codec import solution_from_dict, solution_to_dict
from solver.visits.explain import explain_plan
from solver.visits.recheck import with_current_visits
from solver.visits.solve import solve_visits
from solver.visits.suggestions import apply_change, suggest_changes
from tests.unit.solver.visits.conftest import HOME, make_child, make_problem, make_tutor

THU_EVENING = WeeklyWindow(3, 16 * 60, 21 * 60)


def solved(problem, seed=0):
    """The problem's plan (a few seconds at most: these problems are proven optimal) and its suggestions."""
    solution = solve_visits(problem, time_limit_s=10, seed=seed)
    return solution, suggest_changes(problem, solution.visits, solution.unmet, budget_s=60, seed=seed)


def assert_served_by_the_solver(problem, solution, u, seed=0):
    """Apply the change, re-solve from the plan: the need is served, no visit of equal or higher priority is lost."""
    changed = with_current_visits(apply_change(problem, u.child_id, u.suggestion), solution.visits)
    after = solve_visits(changed, time_limit_s=10, seed=seed)
    assert not check_visits(changed, after)
    count = lambda plan: Counter((v.child_id, v.subject) for v in plan.visits)  # noqa: E731
    before_n, after_n = count(solution), count(after)
    assert after_n[(u.child_id, u.subject)] == u.visits_wanted
    points = {c.id: problem.visit_points(c) for c in problem.children}
    for key, n in before_n.items():
        if key != (u.child_id, u.subject) and points[key[0]] >= points[u.child_id]:
            assert after_n[key] >= n, key


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_suggested_change_gets_its_need_served_by_the_solver(seed):
    problem = generate_visits_problem(50, 16, seed)
    solution, unmet = solved(problem, seed)
    suggested = [u for u in unmet if u.suggestion is not None]
    assert suggested
    for u in suggested:
        assert_served_by_the_solver(problem, solution, u, seed)


def test_a_full_tutor_taking_one_more_visit():
    kids = [make_child("c1", priority=2), make_child("c2")]
    problem = make_problem(children=kids, tutors=[make_tutor("t1", max_visits_per_week=1)])
    solution, (u,) = solved(problem)
    assert u.child_id == "c2" and u.suggestion.kind == "tutor_cap" and u.suggestion.tutor_id == "t1"
    assert u.suggestion.text_ja == "講師t1が週の訪問を1回から2回に増やせば入ります"
    assert u.suggestion.other_changes == 0
    assert_served_by_the_solver(problem, solution, u)


def test_a_tutor_just_beyond_the_travel_limit_going_ten_minutes_further():
    away = Coordinates(HOME.lat + 0.058, HOME.lon)  # about 35 minutes from the child
    assert 30 < travel_minutes(away, HOME) <= 40
    problem = make_problem(tutors=[make_tutor("t1", home=away)])
    solution, (u,) = solved(problem)
    assert u.suggestion.kind == "tutor_travel" and u.suggestion.tutor_id == "t1"
    assert u.suggestion.text_ja == "講師t1の移動時間の上限を30分から40分に延ばせば入ります"
    assert_served_by_the_solver(problem, solution, u)


def test_the_child_free_one_more_evening_at_its_usual_hours():
    problem = make_problem(tutors=[make_tutor("t1", availability=(THU_EVENING,))])
    solution, (u,) = solved(problem)
    s = u.suggestion
    assert (s.kind, s.weekday, s.start, s.end) == ("child_time", 3, 16 * 60, 21 * 60)
    assert s.text_ja == "木曜16:00-21:00にも空きがあれば入ります"
    assert_served_by_the_solver(problem, solution, u)


def test_no_suggestion_that_would_take_a_visit_from_a_higher_priority_child():
    kids = [make_child("c1", priority=2, availability=(THU_EVENING,)), make_child("c2")]
    problem = make_problem(children=kids, tutors=[make_tutor("t1", max_visits_per_week=1, availability=(THU_EVENING,))])
    _, (u,) = solved(problem)
    assert u.child_id == "c2" and u.suggestion is None


def test_no_budget_no_suggestion():
    kids = [make_child("c1", priority=2), make_child("c2")]
    problem = make_problem(children=kids, tutors=[make_tutor("t1", max_visits_per_week=1)])
    solution = solve_visits(problem, time_limit_s=2)
    (u,) = suggest_changes(problem, solution.visits, solution.unmet, budget_s=0)
    assert u.suggestion is None


def test_counts_and_suggestions_survive_the_json_round_trip():
    kids = [make_child("c1", priority=2), make_child("c2")]
    problem = make_problem(children=kids, tutors=[make_tutor("t1", max_visits_per_week=1)])
    solution = explain_plan(problem, solve_visits(problem, time_limit_s=2))
    assert solution.unmet[0].waiting is not None and solution.unmet[0].suggestion is not None
    doc = solution_to_dict(solution)
    assert doc["format"] == "visits-solution/2"
    assert doc["unmet"][0]["tutors"]["counts"] == {"full": 1}
    assert solution_from_dict(doc).unmet == solution.unmet
