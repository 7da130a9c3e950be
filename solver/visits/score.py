"""The objective value of a plan, computed the same way the model's objective is built."""

from __future__ import annotations

import numpy as np

from solver.visits.candidates import Candidates


def plan_score(cands: Candidates, chosen: np.ndarray, current: np.ndarray) -> int:
    """Coverage points minus visit costs, change costs and the convex load penalty (chosen, current: a boolean per combo)."""
    w = cands.problem.weights
    a = cands.arrays
    change = w.change_child + w.change_tutor
    total = -change * cands.n_current
    total += int((cands.need_points[a.need[chosen]] - a.cost[chosen]).sum()) + change * int((chosen & current).sum())
    load = np.bincount(a.tutor[chosen], minlength=len(cands.problem.tutors))
    return total - w.load_step * int((load * (load - 1) // 2).sum())
