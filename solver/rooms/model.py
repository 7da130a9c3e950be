"""Running one CP-SAT phase of the rooms solver: parameters, progress callback, status and bound.

The plan is built in three phases, each a small CP-SAT model (see docs/solver-rooms.md):
1. ``model_children``: each child's home site (nearest allowed site with room);
2. ``model_dates``: each site's session dates (target, gap, spread, intensive periods), one model per site;
3. ``model_staff``: the tutors of every chosen session, across all sites at once.
Sessions the staffing phase cannot staff go back to the dates phase once, as excluded dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.rooms.budget import WALL_CAP, cpu_now
from solver.rooms.solution import PhaseStats

DTIME_PER_SECOND = 0.2

STATUS_NAMES = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.MODEL_INVALID: "infeasible",
    cp_model.UNKNOWN: "unknown",
}


@dataclass(frozen=True)
class PhaseRun:
    """A solved phase: the solver holding the values (if any solution), the phase statistics, and conflicting pins."""

    solver: cp_model.CpSolver
    stats: PhaseStats
    conflict: tuple = ()  # the smallest set of pins that cannot hold together (staffing phase, status infeasible)

    @property
    def has_solution(self) -> bool:
        """Whether the solver holds a feasible assignment."""
        return self.stats.status in ("optimal", "feasible")


class _Callback(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and stops the search when asked."""

    def __init__(self, on_solution: Callable[[cp_model.CpSolverSolutionCallback], None] | None,
                 should_stop: Callable[[], bool] | None):
        super().__init__()
        self._on_solution = on_solution
        self._should_stop = should_stop

    def on_solution_callback(self) -> None:
        """Forward the solution, then stop if the caller wants to cancel."""
        if self._on_solution is not None:
            self._on_solution(self)
        if self._should_stop is not None and self._should_stop():
            # Stopping on the hint itself (found before presolve) aborts OR-Tools 9.15; wait for the next one.
            if "hint" not in self.response_proto.solution_info:
                self.stop_search()


def solve_phase(model: cp_model.CpModel, name: str, time_limit_s: float, seed: int, workers: int = 1,
                on_solution: Callable[[cp_model.CpSolverSolutionCallback], None] | None = None,
                should_stop: Callable[[], bool] | None = None, linearization_level: int = 1,
                deterministic_time: float | None = None) -> PhaseRun:
    """Solve one phase with a time limit and a fixed seed; deterministic worker setup (interleaved when several)."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.random_seed = seed
    # The budget is CPU seconds (budget.py); the wall limit is only a cap for a busy machine.
    params.max_time_in_seconds = WALL_CAP * max(0.05, time_limit_s)
    if should_stop is not None and should_stop():
        params.max_time_in_seconds = 0.05  # cancelled: keep whatever the first moments (and the hint) give
    params.num_workers = workers
    # Interleaving runs the portfolio in fixed batches, so several workers still give one answer per seed.
    params.interleave_search = workers > 1
    params.linearization_level = linearization_level
    # The deterministic-time limit normally ends the search before the wall clock does, so the same
    # input and seed give the same plan even on a busy machine; the wall limit stays as the hard cap.
    params.max_deterministic_time = deterministic_time if deterministic_time is not None else DTIME_PER_SECOND * time_limit_s
    started = cpu_now()
    status = solver.solve(model, _Callback(on_solution, should_stop))
    seconds = cpu_now() - started
    status_name = STATUS_NAMES.get(status, "unknown")
    has = status_name in ("optimal", "feasible")
    objective = float(solver.objective_value) if has else 0.0
    bound = float(solver.best_objective_bound) if has else 0.0
    return PhaseRun(solver, PhaseStats(name, status_name, objective, bound, seconds))
