"""The neighbourhood search: never worse, checker-clean, pins hold, and exact when the region is everything."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.graph.python import min_cost_flow

from seed_data.visits_instances import generate_visits_problem
from solver.visits import solve as solve_module
from solver.visits.candidates import build_candidates
from solver.visits.check import check_visits
from solver.visits.greedy import greedy_plan
from solver.visits.neighbourhood import improve, solve_step
from solver.visits.problem import Pin
from solver.visits.relaxation import relaxation_bound, tutor_fit_cap
from solver.visits.score import plan_score
from solver.visits.solve import _mask, solve_visits

SETTINGS = settings(max_examples=15, deadline=None, derandomize=True)


@pytest.fixture
def neighbourhoods_only(monkeypatch):
    """Force the neighbourhood search even on problems small enough for one whole model."""
    monkeypatch.setattr(solve_module, "MAX_COMBOS_ONE_MODEL", 0)
    monkeypatch.setattr(solve_module, "MAX_EDGE_COMBOS_ONE_MODEL", 0)


def _start(n_children, n_tutors, seed):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    cands = build_candidates(problem)
    chosen = _mask(cands, greedy_plan(cands).chosen)
    return problem, cands, chosen, np.zeros_like(chosen)


def test_edge_starts_are_the_first_and_last_start_of_each_need_tutor_and_weekday():
    cands = build_candidates(generate_visits_problem(30, 12, 4))
    a = cands.arrays
    expected = np.zeros(len(a.need), dtype=bool)
    for key in set(zip(a.need.tolist(), a.tutor.tolist(), a.weekday.tolist())):
        same = np.nonzero((a.need == key[0]) & (a.tutor == key[1]) & (a.weekday == key[2]))[0]
        expected[same[np.argmin(a.start[same])]] = expected[same[np.argmax(a.start[same])]] = True
    assert (cands.edge_starts == expected).all() and 0 < expected.sum() < len(expected)


def test_a_region_of_every_tutor_reaches_the_whole_models_optimum():
    problem, cands, chosen, current = _start(12, 5, 4)
    whole = solve_visits(problem, time_limit_s=20.0, seed=1)
    assert whole.status == "optimal"
    everyone = np.ones(len(problem.tutors), dtype=bool)
    step = solve_step(cands, chosen, everyone, np.zeros(len(cands.needs), dtype=bool), current, seed=1, dtime=20.0, wall=20.0)
    assert step.optimal
    assert plan_score(cands, step.chosen, current) == whole.objective


def test_neighbourhood_search_never_makes_the_plan_worse():
    problem, cands, chosen, current = _start(60, 25, 2)
    before = plan_score(cands, chosen, current)
    after = improve(cands, chosen, np.zeros(len(cands.needs), dtype=bool), current, 1.0, 1e18, 1, lambda plan: plan_score(cands, plan, current))
    assert plan_score(cands, after, current) >= before
    assert after.sum() >= chosen.sum() - 0  # coverage dominates the objective, so it never drops


@SETTINGS
@given(seed=st.integers(0, 10_000), n_children=st.integers(2, 14), n_tutors=st.integers(1, 6))
def test_neighbourhood_plans_pass_the_checker_and_keep_pins(seed, n_children, n_tutors):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(solve_module, "MAX_COMBOS_ONE_MODEL", 0)
        mp.setattr(solve_module, "MAX_EDGE_COMBOS_ONE_MODEL", 0)
        problem = generate_visits_problem(n_children, n_tutors, seed)
        free = solve_visits(problem, time_limit_s=1.0, seed=seed)
        assert check_visits(problem, free) == []
        if not free.visits:
            return
        v = free.visits[0]
        pinned = problem.__class__(problem.children, problem.tutors, (Pin(v.child_id, v.subject, v.tutor_id, v.weekday, v.start),))
        solution = solve_visits(pinned, time_limit_s=1.0, seed=seed)
        assert v in solution.visits
        assert check_visits(pinned, solution) == []


def test_neighbourhood_search_is_deterministic(neighbourhoods_only):
    # A generous limit: the search ends on its own (a pass without improvement), never on the wall clock.
    problem = generate_visits_problem(25, 10, 9)
    first = solve_visits(problem, time_limit_s=30.0, seed=2)
    second = solve_visits(problem, time_limit_s=30.0, seed=2)
    assert first.visits == second.visits and first.objective == second.objective


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flow_bound_is_at_least_the_proven_optimum(seed):
    problem = generate_visits_problem(10, 4, seed)
    solution = solve_visits(problem, time_limit_s=20.0, seed=seed)
    assert solution.status == "optimal"
    assert relaxation_bound(build_candidates(problem)) >= problem.coverage_points(solution.visits)


def _plain_flow_bound(cands) -> int:
    """The flow bound as first written: minus the points on every need-tutor arc, no common divisor taken out."""
    n_needs, n_tutors = len(cands.needs), len(cands.problem.tutors)
    source, sink = n_needs + n_tutors, n_needs + n_tutors + 1
    visits = np.array([n.need.visits_per_week for n in cands.needs], dtype=np.int64)
    points = np.array([n.points for n in cands.needs], dtype=np.int64)
    total = int(visits.sum())
    flow = min_cost_flow.SimpleMinCostFlow()
    for n in range(n_needs):
        flow.add_arc_with_capacity_and_unit_cost(source, n, int(visits[n]), 0)
    for n, t, d in zip(cands.pair_need.tolist(), cands.pair_tutor.tolist(), cands.pair_days.tolist()):
        flow.add_arc_with_capacity_and_unit_cost(n, n_needs + t, min(int(visits[n]), d), -int(points[n]))
    for t, cap in enumerate(tutor_fit_cap(cands).tolist()):
        flow.add_arc_with_capacity_and_unit_cost(n_needs + t, sink, cap, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total, 0)
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    assert flow.solve() == flow.OPTIMAL
    return -flow.optimal_cost()


@pytest.mark.parametrize(("n_children", "n_tutors", "seed", "weights"), [(30, 12, 1, {}), (60, 20, 2, {}), (40, 15, 3, {"visit": 100_003, "priority": 7, "waiting_per_week": 3})])
def test_flow_bound_equals_the_plain_formulation(n_children, n_tutors, seed, weights):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    problem = replace(problem, weights=replace(problem.weights, **weights))
    cands = build_candidates(problem)
    assert relaxation_bound(cands) == _plain_flow_bound(cands)
