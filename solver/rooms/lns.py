"""Deterministic large-neighbourhood search: re-solve one neighbourhood at a time with the rest fixed.

Each step clones the model, fixes every variable outside the neighbourhood to its current value
and solves with one worker and a deterministic-time limit, so the same input and seed give the same
sequence of improvements; the wall-clock budget only decides when to stop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ortools.sat.python import cp_model

STEP_DETERMINISTIC_TIME = 0.4


def improve(model: cp_model.CpModel, values: list[int], objective: float, fixable: list[int],
            neighbourhoods: list[set[int]], budget_s: float, seed: int,
            should_stop: Callable[[], bool] | None = None, on_improve: Callable[[list[int], float], None] | None = None,
            ) -> tuple[list[int], float, int]:
    """Improve a solution by neighbourhoods until a full pass gains nothing or the budget ends; returns values, objective, steps."""
    started = time.perf_counter()
    steps = 0
    improved = True
    while improved:
        improved = False
        for free in neighbourhoods:
            if time.perf_counter() - started > budget_s or (should_stop is not None and should_stop()):
                return values, objective, steps
            sub = model.clone()
            variables = sub.proto.variables
            for index in fixable:
                if index not in free:
                    variables[index].domain.clear()
                    variables[index].domain.extend((values[index], values[index]))
            sub.clear_hints()
            for index in free:
                sub.proto.solution_hint.vars.append(index)
                sub.proto.solution_hint.values.append(values[index])
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 1
            solver.parameters.random_seed = seed
            solver.parameters.max_deterministic_time = STEP_DETERMINISTIC_TIME
            solver.parameters.max_time_in_seconds = max(0.05, budget_s - (time.perf_counter() - started))
            status = solver.solve(sub)
            steps += 1
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value < objective - 0.5:
                values = list(solver.response_proto.solution)
                objective = solver.objective_value
                improved = True
                if on_improve is not None:
                    on_improve(values, objective)
    return values, objective, steps
