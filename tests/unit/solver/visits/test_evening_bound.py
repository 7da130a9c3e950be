"""The evening bound: never below the most coverage points a plan can earn (CP-SAT's proven optimum), and tighter than the flow."""

from __future__ import annotations

import numpy as np
import pytest
from ortools.sat.python import cp_model

from seed_data.visits_instances import Shape, generate_visits_problem
from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.visits.candidates import build_candidates
from solver.visits.evening_bound import combo_limit, evening_bound
from solver.visits.model import build_model
from solver.visits.problem import Need, TutorSubject
from solver.visits.relaxation import relaxation_bound
from solver.visits.solve import solve_visits

from tests.unit.solver.visits.conftest import HOME, make_child, make_problem, make_tutor

THREE_HOURS = WeeklyWindow(1, 17 * 60, 20 * 60)
ACROSS_TOWN = Coordinates(35.745, 139.66)  # about 10 minutes from HOME


def most_coverage_points(problem) -> int:
    """The most coverage points any plan earns, proven optimal by CP-SAT on the whole combo model."""
    cands = build_candidates(problem)
    n = len(cands.combos)
    if not n:
        return 0
    ids = np.arange(n)
    m = build_model(cands, ids, np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    points = cands.need_points[cands.arrays.need]
    m.model.maximize(cp_model.LinearExpr.weighted_sum(m.x, points.tolist()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 60.0
    assert solver.solve(m.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


SMALL = [
    (10, 4, 1, Shape("wide", "clustered")),
    (14, 6, 2, Shape("narrow", "clustered")),
    (14, 6, 3, Shape("wide", "spread")),
    (16, 6, 4, Shape("narrow", "spread")),
    (20, 8, 7, Shape("wide", "clustered")),
    (24, 9, 11, Shape("narrow", "clustered")),
    (24, 9, 12, Shape("wide", "spread")),
    (30, 12, 5, Shape("narrow", "spread")),
]


@pytest.mark.parametrize(("n_children", "n_tutors", "seed", "shape"), SMALL)
def test_the_bound_is_never_below_the_proven_most_coverage_points_and_never_above_the_flow(n_children, n_tutors, seed, shape):
    problem = generate_visits_problem(n_children, n_tutors, seed, shape)
    cands = build_candidates(problem)
    bound = evening_bound(cands)
    assert most_coverage_points(problem) <= bound <= relaxation_bound(cands)


def test_one_tutor_evening_of_three_hours_holds_one_of_two_children_ninety_minutes_each_with_travel():
    short = (Need("数学", 90, 1),)
    children = [make_child("c1", needs=short, availability=(THREE_HOURS,)),
                make_child("c2", needs=short, availability=(THREE_HOURS,), home=ACROSS_TOWN)]
    problem = make_problem(children, [make_tutor(availability=(THREE_HOURS,))])
    cands = build_candidates(problem)
    points = problem.visit_points(children[0])
    # The flow counts two 90-minute visits in three hours; the travel between the homes leaves room for one.
    assert relaxation_bound(cands) == 2 * points
    assert evening_bound(cands) == points == most_coverage_points(problem)


def test_two_subjects_of_one_child_fit_back_to_back_in_the_same_evening():
    child = make_child("c1", needs=(Need("数学", 90, 1), Need("英語", 90, 1)), availability=(THREE_HOURS,), home=HOME)
    tutor = make_tutor(availability=(THREE_HOURS,), subjects=make_tutor().subjects + (TutorSubject("英語", 1, 12),))
    problem = make_problem([child], [tutor])
    assert evening_bound(build_candidates(problem)) == 2 * problem.visit_points(child) == most_coverage_points(problem)


def test_a_child_with_one_short_evening_gets_one_of_its_two_subjects():
    two_hours = WeeklyWindow(1, 18 * 60, 20 * 60)
    child = make_child("c1", needs=(Need("数学", 120, 1), Need("英語", 90, 1)), availability=(two_hours,))
    tutors = [make_tutor("t1"), make_tutor("t2", subjects=(TutorSubject("英語", 1, 12),))]
    problem = make_problem([child], tutors)
    cands = build_candidates(problem)
    assert relaxation_bound(cands) == 2 * problem.visit_points(child)
    assert evening_bound(cands) == problem.visit_points(child) == most_coverage_points(problem)


def test_the_bound_is_the_same_every_time():
    problem = generate_visits_problem(40, 15, 3, Shape("wide", "spread"))
    assert len({evening_bound(build_candidates(problem)) for _ in range(3)}) == 1


@pytest.mark.parametrize("shape", [Shape("wide", "clustered"), Shape("narrow", "spread")])
def test_the_solvers_best_bound_is_the_lower_of_both_and_never_below_its_objective(shape):
    problem = generate_visits_problem(150, 70, 1, shape)
    cands = build_candidates(problem)
    solution = solve_visits(problem, time_limit_s=3.0, seed=1)
    assert solution.objective <= solution.best_bound <= min(relaxation_bound(cands), evening_bound(cands))


def test_a_short_solve_keeps_its_time_for_the_search_and_reports_the_flow_bound():
    problem = generate_visits_problem(150, 70, 1, Shape("wide", "spread"))
    cands = build_candidates(problem)
    assert combo_limit(0.5) < len(cands.arrays.need) <= combo_limit(3.0)
    short, longer = solve_visits(problem, time_limit_s=0.5, seed=1), solve_visits(problem, time_limit_s=3.0, seed=1)
    assert short.best_bound == relaxation_bound(cands)
    assert longer.best_bound == evening_bound(cands) < relaxation_bound(cands)
