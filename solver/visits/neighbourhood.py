"""Improve a complete plan one neighbourhood at a time: a few nearby tutors and the needs they could serve, by CP-SAT.

A whole-problem model is too big to search well in the time limit (the demo's
14,000 combos already stall CP-SAT's own LNS for seconds), but a neighbourhood of
a handful of tutors is small enough to be solved to optimality in a fraction of a
second. Each step frees every need that has a visit with one of the chosen tutors
or is not fully covered and could use one of them, offers those needs only the
chosen tutors, and keeps everything else fixed (the children's other visits are
in the model as fixed combos, so overlaps with them are ruled out exactly). The
step is hinted with the current plan, so it never gets worse. Neighbourhoods grow
while they are solved to optimality and shrink when they are not; the work is
estimated from CP-SAT deterministic time and model sizes, not the wall clock, so
the same input and seed give the same plan.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from solver.visits.candidates import Candidates
from solver.visits.model import add_full_hint, build_model
from solver.visits.regions import TutorLinks, nearest_tutors

log = logging.getLogger(__name__)

# Deterministic time given to one neighbourhood, and the tutors it starts with and may grow to.
STEP_DETERMINISTIC = 0.3
FIRST_TUTORS, MIN_TUTORS, MAX_TUTORS, GROW = 12, 4, 24, 2
# A step's work, in estimated seconds, from quantities that do not depend on the machine's load (fitted on
# the 2-core machine's CPU time: 1.1-1.6 s per CP-SAT deterministic unit, 30-80 us to build a combo with the
# one-home boundary rows, 15 ms per step),
# so the stopping point, and so the plan, is the same for the same input and seed.
SECONDS_PER_DETERMINISTIC, SECONDS_PER_COMBO, SECONDS_PER_STEP = 1.5, 30e-6, 0.015
# Passes over the open needs that may end without a gain before the search stops (regions that follow links
# break ties at random, so a new pass tries other chains).
STALE_PASSES = 3
LEAN_ABOVE = 8000


@dataclass
class Step:
    """What one neighbourhood step did: the new plan (a boolean per combo), whether it was proven optimal, its work."""

    chosen: np.ndarray
    optimal: bool
    work: float


def solve_step(cands: Candidates, chosen: np.ndarray, region: np.ndarray, frozen_need: np.ndarray, current: np.ndarray, seed: int, dtime: float, wall: float) -> Step:
    """Re-plan the needs around these tutors (region: a boolean per tutor) with the rest of the plan fixed."""
    a = cands.arrays
    in_region = region[a.tutor]
    planned = np.bincount(a.need[chosen], minlength=len(cands.needs))
    free = np.zeros(len(cands.needs), dtype=bool)
    free[a.need[chosen & in_region]] = True
    free[a.need[in_region & (planned[a.need] < cands.need_visits[a.need])]] = True
    # A need with a visit outside the region stays as it is: its tutor's other visits are not in the model.
    free[a.need[chosen & ~in_region]] = False
    free &= ~frozen_need
    # Only the first and last start of a need with a tutor on a day are offered (and what the plan holds): a
    # visit alone in an evening can sit at either edge, and two share one evening best when pushed apart, so
    # the middle starts rarely add a plan, while they make up half the combos of every step.
    offered = free[a.need] & in_region
    if offered.sum() > LEAN_ABOVE:
        offered &= cands.edge_starts | chosen
    touched_child = np.zeros(len(cands.problem.children), dtype=bool)
    touched_child[cands.need_child[free]] = True
    context = chosen & ~free[a.need] & (in_region | touched_child[cands.need_child[a.need]])
    ids = np.nonzero(offered | context)[0]
    if not offered.any():
        return Step(chosen, True, SECONDS_PER_STEP)
    began = time.perf_counter()
    m = build_model(cands, ids, context[ids], current[ids])
    add_full_hint(m, cands, chosen[ids])
    solver = cp_model.CpSolver()
    solver.parameters.max_deterministic_time = dtime
    solver.parameters.max_time_in_seconds = max(0.01, wall - (time.perf_counter() - began))
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1
    small_model_parameters(solver)
    status = solver.solve(m.model)
    work = SECONDS_PER_DETERMINISTIC * solver.deterministic_time + SECONDS_PER_COMBO * len(ids) + SECONDS_PER_STEP
    log.debug("step: %d combos, %.4f deterministic, %s", len(ids), solver.deterministic_time, solver.status_name(status))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Step(chosen, False, work)
    out = chosen.copy()
    out[ids] = [solver.boolean_value(v) for v in m.x]
    return Step(out, status == cp_model.OPTIMAL, work)


def small_model_parameters(solver: cp_model.CpSolver) -> None:
    """Parameters for models of up to a few thousand combos (a neighbourhood, or a small whole problem).

    Tuned on neighbourhoods of the 1,000-child instance: 27 % less CPU for the same plans, all proven optimal.

    One presolve pass without symmetry or probing (the full presolve costs more than
    the search on these models), and the full LP relaxation with cuts (level 2),
    which proves the small models optimal faster than the default level.
    """
    solver.parameters.max_presolve_iterations = 1
    solver.parameters.symmetry_level = 0
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.linearization_level = 2


def _centres(cands: Candidates, chosen: np.ndarray, frozen_need: np.ndarray) -> list[int]:
    """Needs not fully covered that have candidates, most points first: each step is centred on one of them."""
    a = cands.arrays
    planned = np.bincount(a.need[chosen], minlength=len(cands.needs))
    has = np.zeros(len(cands.needs), dtype=bool)
    has[a.need] = True
    open_needs = np.nonzero((planned < cands.need_visits) & has & ~frozen_need)[0]
    return sorted(open_needs.tolist(), key=lambda n: (-int(cands.need_points[n]), n))


def improve(
    cands: Candidates,
    chosen: np.ndarray,
    frozen_need: np.ndarray,
    current: np.ndarray,
    budget: float,
    deadline: float,
    seed: int,
    score: Callable[[np.ndarray], int],
    on_improve: Callable[[np.ndarray, int], bool] | None = None,
    follow_links: bool = False,
) -> np.ndarray:
    """Neighbourhood steps around uncovered needs until none is left, or the budget or the deadline is spent.

    Each step's tutors are those the centre need's plan depends on (follow_links, see regions.py) or the
    tutors living nearest it.
    """
    n_tutors = len(cands.problem.tutors)
    if not n_tutors or not len(cands.combos):
        return chosen
    links = TutorLinks(cands) if follow_links else None
    rng = np.random.default_rng(seed)
    best = score(chosen)
    size, spent, steps, last, stale = FIRST_TUTORS, 0.0, 0, 0.0, 0
    while spent < budget:
        queue = _centres(cands, chosen, frozen_need)
        improved = False
        for n in queue:
            wall = deadline - time.perf_counter()
            # A step is not started when the last one would not fit before the deadline (a loaded machine).
            if spent >= budget or wall <= max(0.02, last):
                break
            began = time.perf_counter()
            child = cands.need_child[n]
            if links is not None:
                region = links.region(n, chosen, min(size, n_tutors), rng)
            else:
                region = nearest_tutors(cands, cands.child_lat[child], cands.child_lon[child], min(size, n_tutors))
            steps += 1
            step = solve_step(cands, chosen, region, frozen_need, current, seed + steps, min(STEP_DETERMINISTIC, (budget - spent) / SECONDS_PER_DETERMINISTIC + 0.01), wall)
            spent += step.work
            last = time.perf_counter() - began
            value = score(step.chosen)
            if value > best:
                chosen, best, improved = step.chosen, value, True
                if on_improve is not None and on_improve(chosen, best):
                    return chosen
            size = min(MAX_TUTORS, n_tutors, size + GROW) if step.optimal else max(MIN_TUTORS, size - GROW)
        stale = 0 if improved else stale + 1
        if not queue or stale >= (STALE_PASSES if links is not None else 1):
            break
    log.debug("neighbourhood search: %d steps, %.2f s past the deadline, %.2f work, objective %d", steps, time.perf_counter() - deadline, spent, best)
    return chosen
