"""Deterministic large-neighbourhood search over the staffing: re-staff one site at a time, the rest fixed.

Each step builds the staffing model of one site's sessions with a StaffContext holding what the
other sites already use, starts from the current staff and solves with one worker and a
deterministic-time limit, so the same input and seed give the same sequence of improvements; the
wall-clock budget only decides when to stop. A step is kept only if the whole plan's cost drops.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from solver.rooms.calendar import month_key
from solver.rooms.model import solve_phase
from solver.rooms.model_staff import StaffContext, build_staff_model, hint_staff, read_staff
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import Progress
from solver.rooms.staff_cost import staff_objective

STEP_DETERMINISTIC_TIME = 0.5


def _context(slots, staff, outside: list[int]) -> StaffContext:
    """What the sessions outside the neighbourhood use."""
    context = StaffContext()
    for k in outside:
        if staff[k] is None:
            continue
        slot = slots[k]
        for t in staff[k]:
            context.used_month[t, month_key(slot.date)] += 1
            context.busy[t, slot.date].append((slot.start, slot.end))
            context.load[t] += 1
            context.pairs.add((t, slot.site_id))
    return context


def improve_by_site(problem: RoomsProblem, slots, staff, objective: float, fair: dict[str, int], budget_s: float,
                    seed: int, should_stop: Callable[[], bool] | None = None,
                    on_progress: Callable[[Progress], None] | None = None, started: float | None = None):
    """Improve a complete staffing site by site until a full pass gains nothing or the budget ends."""
    begun = time.perf_counter()
    started = started if started is not None else begun
    cost = staff_objective(problem, slots, staff, fair)
    site_ids = sorted({s.site_id for s in slots})
    improved = True
    while improved:
        improved = False
        for site_id in site_ids:
            left = budget_s - (time.perf_counter() - begun)
            if left < 0.2 or (should_stop is not None and should_stop()):
                return staff, objective
            inside = [k for k, s in enumerate(slots) if s.site_id == site_id]
            outside = [k for k, s in enumerate(slots) if s.site_id != site_id]
            context = _context(slots, staff, outside)
            sub_slots = [slots[k] for k in inside]
            built = build_staff_model(problem, sub_slots, fair, context)
            hint_staff(built, sub_slots, [staff[k] for k in inside], context, fair)
            run = solve_phase(built.model, f"lns:{site_id}", left, seed, deterministic_time=STEP_DETERMINISTIC_TIME,
                              linearization_level=2)
            if not run.has_solution:
                continue
            candidate = list(staff)
            for k, st in zip(inside, read_staff(built, run.solver.boolean_value)):
                candidate[k] = st
            new_cost = staff_objective(problem, slots, candidate, fair)
            if new_cost < cost:
                objective += new_cost - cost
                staff, cost, improved = candidate, new_cost, True
                if on_progress is not None:
                    held = sum(1 for st in staff if st is not None)
                    on_progress(Progress("staff", held, held, objective, float("nan"), time.perf_counter() - started))
    return staff, objective
