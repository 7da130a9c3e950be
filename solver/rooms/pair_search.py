"""Local search over the tutor-site pairs, each pair set staffed at least cost by staff_flow.

Pairs are what the staffing objective weighs most (W_TUTOR_SITE_PAIR), and what single-session swaps
cannot change: leaving a site means moving every session of the tutor there at once. Here a move
drops a pair or moves it to another site the tutor reaches, and the flow re-staffs everything
optimally for the new pairs. Pairs are tried in sorted order, so the same input gives the same plan;
a fixed number of flows (or the budget, on a slow machine) ends it.
"""

from __future__ import annotations

from collections.abc import Callable

from solver.rooms.budget import cpu_now
from solver.rooms.local_search import StaffState, pinned_staff
from solver.rooms.problem import RoomsProblem
from solver.rooms.staff_flow import PairFlow
from solver.rooms.weights import W_TUTOR_SITE_PAIR


MAX_EVALUATIONS = 100  # a fixed amount of work, so the same input gives the same plan on a busy machine too


def _pairs(slots, staff) -> set[tuple[str, str]]:
    return {(t, slots[k].site_id) for k, st in enumerate(staff) for t in st or ()}


def search_pairs(problem: RoomsProblem, slots, staff, fair: dict[str, int], budget_s: float,
                 should_stop: Callable[[], bool] | None = None) -> tuple[list, int]:
    """Improve a staffing by changing its tutor-site pairs; returns the staffing and its objective."""
    deadline = cpu_now() + budget_s
    best = StaffState(problem, slots, staff, fair)
    pinned = pinned_staff(problem, slots)
    locked = {(t, slots[k].site_id) for k, t in pinned}
    flow = PairFlow(problem, slots, fair, best.unit_cost, pinned)
    held = [st is not None for st in staff]
    reach = {t.id: sorted(set(t.site_ids)) for t in problem.tutors}
    cost = best.cost()
    # What the objective adds whatever the staff (previous staff counted as removed until kept).
    constant = cost - W_TUTOR_SITE_PAIR * len(_pairs(slots, staff)) - best.flow_terms()

    evaluations = 0

    def better(pairs) -> bool:
        nonlocal cost, staff, evaluations
        evaluations += 1
        found = flow.staff(pairs, held)
        if found is None:
            return False
        new_staff, flow_cost = found
        if flow_cost + W_TUTOR_SITE_PAIR * len(_pairs(slots, new_staff)) + constant >= cost:
            return False
        cost, staff = StaffState(problem, slots, new_staff, fair).cost(), new_staff
        return True

    better(_pairs(slots, staff))
    improved = True
    while improved:
        improved = False
        for t, site_id in sorted(_pairs(slots, staff) - locked):
            if (evaluations >= MAX_EVALUATIONS or cpu_now() > deadline
                    or (should_stop is not None and should_stop())):
                return staff, cost
            pairs = _pairs(slots, staff)
            if (t, site_id) not in pairs:
                continue
            rest = pairs - {(t, site_id)}
            moves = [rest] + [rest | {(t, other)} for other in reach[t] if (t, other) not in pairs]
            if any(better(move) for move in moves):
                improved = True
    return staff, cost
