"""The MIP translation of the combo model: SCIP reaches CP-SAT's proven optimum, and the LP value bounds it."""

from __future__ import annotations

import numpy as np
import pytest

from seed_data.visits_instances import generate_visits_problem
from solver.visits.candidates import build_candidates
from solver.visits.greedy import current_combos, greedy_plan, pinned_combos
from solver.visits.mip import lp_bound, solve_mip
from solver.visits.model import add_full_hint, build_model
from solver.visits.score import plan_score
from solver.visits.solve import _mask, solve_visits


def _model(problem):
    cands = build_candidates(problem)
    current = _mask(cands, current_combos(cands))
    m = build_model(cands, np.arange(len(cands.combos)), _mask(cands, pinned_combos(cands)), current)
    add_full_hint(m, cands, _mask(cands, greedy_plan(cands).chosen))
    return cands, current, m


@pytest.mark.parametrize(("n_children", "n_tutors", "seed"), [(10, 4, 1), (12, 5, 4), (20, 8, 7)])
def test_mip_reaches_the_cp_sat_optimum_and_the_lp_bounds_it(n_children, n_tutors, seed):
    problem = generate_visits_problem(n_children, n_tutors, seed)
    whole = solve_visits(problem, time_limit_s=30.0, seed=1)
    assert whole.status == "optimal"
    cands, current, m = _model(problem)
    result = solve_mip(m, seconds=60.0, node_limit=10**6, seed=1)
    assert result.optimal
    chosen = result.values[: len(m.x)] > 0.5
    assert plan_score(cands, chosen, current) == whole.objective == round(result.objective)
    assert lp_bound(m) >= whole.objective - 1e-6
    assert result.bound >= whole.objective - 1e-6
