"""The objective value of a plan, computed the same way the model's objective is built."""

from __future__ import annotations

from collections import Counter

from solver.visits.candidates import Candidates, Combo


def plan_score(cands: Candidates, chosen: list[Combo], current: set[tuple[int, int, int, int]], n_current: int) -> int:
    """Coverage points minus visit costs, change costs and the convex load penalty."""
    w = cands.problem.weights
    total = -(w.change_child + w.change_tutor) * n_current
    for c in chosen:
        total += cands.needs[c.need].points - c.cost
        if (c.need, c.tutor, c.weekday, c.start) in current:
            total += w.change_child + w.change_tutor
    for load in Counter(c.tutor for c in chosen).values():
        total -= w.load_step * load * (load - 1) // 2
    return total
