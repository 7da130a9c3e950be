"""Random small problems: every plan passes the checker, pins always hold, same input and seed give the same plan."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seed_data.visits_instances import generate_visits_problem
from solver.visits.check import check_visits
from solver.visits.problem import Pin
from solver.visits.solve import solve_visits

SETTINGS = settings(max_examples=30, deadline=None, derandomize=True)


@SETTINGS
@given(seed=st.integers(0, 10_000), n_children=st.integers(1, 12), n_tutors=st.integers(1, 6))
def test_every_plan_passes_the_checker(seed, n_children, n_tutors):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    solution = solve_visits(problem, time_limit_s=1.0, seed=seed)
    assert check_visits(problem, solution) == []


@SETTINGS
@given(seed=st.integers(0, 10_000), n_children=st.integers(2, 10), n_tutors=st.integers(2, 5))
def test_pins_always_hold(seed, n_children, n_tutors):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    free = solve_visits(problem, time_limit_s=1.0, seed=seed)
    if not free.visits:
        return
    v = free.visits[-1]  # pin a visit that is known to be feasible on its own
    pinned = problem.__class__(problem.children, problem.tutors, (Pin(v.child_id, v.subject, v.tutor_id, v.weekday, v.start),))
    solution = solve_visits(pinned, time_limit_s=1.0, seed=seed)
    assert v in solution.visits
    assert check_visits(pinned, solution) == []


@pytest.mark.parametrize(("n_children", "n_tutors", "instance_seed"), [(20, 8, 7), (40, 15, 3)])
def test_same_input_and_seed_give_the_same_plan(n_children, n_tutors, instance_seed):
    # Proven optimal well inside a generous limit (0.1-0.3 s of a 30-s limit), so the search ends on the proof,
    # never on the wall clock: the plan cannot depend on how loaded the machine is (the suite runs on 2 workers).
    problem = generate_visits_problem(n_children, n_tutors, instance_seed)
    first = solve_visits(problem, time_limit_s=30.0, seed=3)
    second = solve_visits(problem, time_limit_s=30.0, seed=3)
    assert first.status == second.status == "optimal"
    assert first.visits == second.visits and first.objective == second.objective
