"""The warm start books the most constrained needs first, where they take the fewest options from others."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seed_data.visits_instances import generate_visits_problem
from solver.visits.candidates import build_candidates
from solver.visits.check import check_visits
from solver.visits.greedy import current_combos, greedy_plan, pinned_combos
from solver.visits.least_damage import least_damage_plan
from solver.visits.problem import CurrentVisit, Pin
from solver.visits.solve import _solution
from tests.unit.solver.visits.conftest import FAR, HOME, NEAR, make_child, make_problem, make_tutor


def _plan(problem, first=()):
    cands = build_candidates(problem)
    chosen = least_damage_plan(cands, list(first))
    return cands, chosen, _solution(problem, cands, chosen, "feasible", 0, 0, int(cands.need_visits.sum()), 0.0)


def test_a_scarce_tutor_is_left_to_the_child_who_has_no_one_else():
    # The 中3 child comes first and the nearer tutor is cheaper for her, but the other child can only have that
    # tutor, who has one visit a week: the plain greedy matcher books him and leaves the other child out.
    near = make_tutor("t_near", home=HOME, max_visits_per_week=1, gender="male")
    other = make_tutor("t_other", home=NEAR)
    first = make_child("c_first", priority=2)
    only = make_child("c_only", home=NEAR, required_gender="male")
    problem = make_problem([first, only], [near, other])
    cands, chosen, solution = _plan(problem)
    assert len(greedy_plan(cands).chosen) == 1
    assert {(v.child_id, v.tutor_id) for v in solution.visits} == {("c_first", "t_other"), ("c_only", "t_near")}
    assert check_visits(problem, solution) == []


def test_pins_are_booked_first_and_current_visits_kept_while_they_fit():
    pinned = make_child("c_pin")
    kept = make_child("c_kept", home=NEAR, current_visits=(CurrentVisit("数学", "t1", 1, 18 * 60 + 30),))
    clash = make_child("c_clash", home=NEAR, current_visits=(CurrentVisit("数学", "t1", 1, 16 * 60),))
    problem = make_problem([pinned, kept, clash], [make_tutor("t1")], pins=(Pin("c_pin", "数学", "t1", 1, 16 * 60),))
    cands = build_candidates(problem)
    first = cands.ids_of(pinned_combos(cands)).tolist() + cands.ids_of(current_combos(cands)).tolist()
    _, _, solution = _plan(problem, first)
    placed = {(v.child_id, v.start) for v in solution.visits}
    assert ("c_pin", 16 * 60) in placed
    assert ("c_kept", 18 * 60 + 30) in placed
    assert not any(child == "c_clash" and start == 16 * 60 for child, start in placed)
    assert check_visits(problem, solution) == []


def test_a_child_no_tutor_can_reach_stays_unplanned():
    problem = make_problem([make_child(home=FAR)], [make_tutor()])
    _, chosen, solution = _plan(problem)
    assert not chosen.any() and solution.visits == ()


@settings(max_examples=30, deadline=None, derandomize=True)
@given(seed=st.integers(0, 10_000), n_children=st.integers(1, 25), n_tutors=st.integers(1, 8))
def test_every_warm_start_passes_the_checker(seed, n_children, n_tutors):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    _, _, solution = _plan(problem)
    assert check_visits(problem, solution) == []


@pytest.mark.parametrize("seed", [1, 2])
def test_it_starts_at_least_as_high_as_the_plain_greedy_matcher_on_benchmark_like_problems(seed):
    problem = generate_visits_problem(60, 25, seed)
    cands, chosen, _ = _plan(problem)
    plain = len(greedy_plan(cands).chosen)
    assert int(chosen.sum()) >= plain
    assert np.all(np.bincount(cands.arrays.need[chosen], minlength=len(cands.needs)) <= cands.need_visits)
