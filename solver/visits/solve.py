"""Public entry: solve_visits(problem) -> VisitsSolution (candidates, greedy warm start, bound, CP-SAT)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

import numpy as np
from ortools.sat.python import cp_model

from solver.visits.candidates import Candidates, Combo, build_candidates
from solver.visits.changes import change_summary
from solver.visits.evening_bound import combo_limit, evening_bound
from solver.visits.greedy import current_combos, pinned_combos
from solver.visits.least_damage import least_damage_plan
from solver.visits.model import add_full_hint, build_model
from solver.visits.neighbourhood import improve, small_model_parameters
from solver.visits.problem import VisitsProblem
from solver.visits.reasons import explain_unmet
from solver.visits.relaxation import relaxation_bound
from solver.visits.score import plan_score
from solver.visits.solution import Progress, Visit, VisitsSolution

log = logging.getLogger(__name__)

# Up to this many combos one model of the whole problem is searched (and can be proven optimal). Above it,
# while the combos at the first and last start of each need, tutor and weekday are few enough, one model of
# those is searched (with wide evenings, as on the demo programme's data, it finds in 10 s what the
# neighbourhoods need minutes for, though it cannot prove the plan optimal); above that the plan is improved
# one neighbourhood at a time.
MAX_COMBOS_ONE_MODEL = 20_000
MAX_EDGE_COMBOS_ONE_MODEL = 30_000
# Building and presolving one whole model costs about this per combo (demo programme: 1.2 s for 24,877 edge
# combos) and cannot be cut short; a whole model is only searched when that is at most a quarter of the time
# left, otherwise (a short limit, a slow start) the neighbourhoods, which stop at the deadline, take over.
WHOLE_MODEL_SETUP_PER_COMBO, WHOLE_MODEL_SETUP_SHARE = 50e-6, 0.25
# CP-SAT deterministic time units per wall-clock second of budget (measured on the 2-core machine: 0.73-1.0 for
# one worker on whole models of 7,000-25,000 combos; at the low end, so that on a quiet machine the
# deterministic limit, not the wall clock, decides where the search stops).
DETERMINISTIC_PER_SECOND = 0.75
# Share of the remaining seconds given to the neighbourhood search, whose work is estimated from
# deterministic quantities (see neighbourhood.py); the rest is margin for a loaded machine (the wall clock still
# ends the search at the deadline: a step is not started when the last one would not fit).
NEIGHBOURHOOD_SHARE = 0.95
# Candidate tutors kept per need when the problem is large (all are kept below the threshold).
FULL_CANDIDATES_UP_TO = 400
TUTORS_PER_NEED = 20
# Wall-clock seconds kept back for writing the solution (unmet reasons, changes) after the search.
FINISH_SECONDS_PER_NEED = 3e-4


class _Progress(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution of a whole-problem model and stops the search when asked to."""

    def __init__(self, covered, wanted, started, on_progress, should_stop, bound_of):
        super().__init__()
        self._covered, self._wanted, self._started = covered, wanted, started
        self._on_progress, self._should_stop, self._bound_of = on_progress, should_stop, bound_of

    def on_solution_callback(self) -> None:
        if self._on_progress is not None:
            self._on_progress(
                Progress(
                    coverage=self.value(self._covered) / self._wanted if self._wanted else 1.0,
                    objective=int(self.objective_value),
                    bound=self._bound_of(self.best_objective_bound),
                    seconds=time.perf_counter() - self._started,
                    visits_planned=int(self.value(self._covered)),
                    visits_wanted=self._wanted,
                )
            )
        if self._should_stop is not None and self._should_stop():
            self.stop_search()


def _mask(cands: Candidates, combos: list[Combo]) -> np.ndarray:
    out = np.zeros(len(cands.combos), dtype=bool)
    out[cands.ids_of(combos)] = True
    return out


def _solve_whole(cands, ids, chosen, pinned, current, seconds, seed, wanted, started, on_progress, should_stop, bound_of):
    """CP-SAT on the whole problem over these combos, hinted with the plan; returns (plan or None, status name, bound).

    bound_of turns CP-SAT's bound into the one reported with each plan found (CP-SAT's own holds only for an
    exact model, and before its LP it is far above the flow and evening bounds)."""
    m = build_model(cands, ids, pinned[ids], current[ids])
    add_full_hint(m, cands, chosen[ids])
    solver = cp_model.CpSolver()
    # The deterministic limit makes the stopping point, and so the plan, reproducible; the wall-clock
    # limit is only a backstop for machines slower than the deterministic-time calibration.
    solver.parameters.max_deterministic_time = max(0.05, seconds * DETERMINISTIC_PER_SECOND)
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.random_seed = seed
    # One worker with the full LP relaxation proves these models optimal 20-100 times faster than two
    # interleaved default workers (0.04-0.2 s instead of 4-7 s for 600-2,700 combos), and is deterministic.
    solver.parameters.num_workers = 1
    small_model_parameters(solver)
    # The hint is already the first solution; following it further (by default up to 10 conflicts per
    # branch) delayed the LP-guided plan on the demo programme's data by 3-4 s.
    solver.parameters.hint_conflict_limit = 0
    status = solver.solve(m.model, _Progress(m.covered, wanted, started, on_progress, should_stop, bound_of))
    log.debug("whole model: %d combos, %.3f deterministic, %.2f s, %s", len(ids), solver.deterministic_time,
              solver.wall_time, solver.status_name(status))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.status_name(status), solver.best_objective_bound
    found = np.zeros(len(cands.combos), dtype=bool)
    found[ids] = [solver.boolean_value(v) for v in m.x]
    return found, solver.status_name(status), solver.best_objective_bound


def solve_visits(
    problem: VisitsProblem,
    time_limit_s: float = 10.0,
    seed: int = 0,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> VisitsSolution:
    """Choose a tutor, weekday and start for each need; pins hold; the status and best bound are always set."""
    started = time.perf_counter()
    k = None if len(problem.children) <= FULL_CANDIDATES_UP_TO else TUTORS_PER_NEED
    cands = build_candidates(problem, max_tutors_per_need=k)
    deadline = started + time_limit_s - FINISH_SECONDS_PER_NEED * len(cands.needs)
    wanted = int(cands.need_visits.sum())
    kept, pins = current_combos(cands), pinned_combos(cands)
    current, pinned = _mask(cands, kept), _mask(cands, pins)
    log.debug("candidates: %d combos, %.2f s, cpu %.2f s", len(cands.combos), time.perf_counter() - started, time.process_time())
    chosen = least_damage_plan(cands, cands.ids_of(pins).tolist() + cands.ids_of(kept).tolist())
    best = plan_score(cands, chosen, current)
    log.debug("warm start: %d visits, %.2f s, cpu %.2f s", int(chosen.sum()), time.perf_counter() - started, time.process_time())
    bound = relaxation_bound(cands)
    log.debug("flow bound: %d, %.2f s, cpu %.2f s", bound, time.perf_counter() - started, time.process_time())
    evening = evening_bound(cands, combo_limit(time_limit_s))
    if evening is not None:
        bound = min(bound, evening)
    log.debug("evening bound: %s, %.2f s, cpu %.2f s", evening, time.perf_counter() - started, time.process_time())
    status = "feasible"

    def report(plan: np.ndarray, value: int) -> bool:
        if on_progress is not None:  # reads bound as it stands when called: the last report gets the final one
            on_progress(Progress(int(plan.sum()) / wanted if wanted else 1.0, value, bound,
                                 time.perf_counter() - started, int(plan.sum()), wanted))
        return bool(should_stop and should_stop())

    if report(chosen, best):
        return _solution(problem, cands, chosen, status, best, max(bound, best), wanted, started)
    remaining = deadline - time.perf_counter()
    exact = len(cands.combos) <= MAX_COMBOS_ONE_MODEL
    ids = np.arange(len(cands.combos)) if exact else np.nonzero(cands.edge_starts | chosen | pinned | current)[0]
    whole = exact or len(ids) <= MAX_EDGE_COMBOS_ONE_MODEL
    if whole and len(ids) * WHOLE_MODEL_SETUP_PER_COMBO <= WHOLE_MODEL_SETUP_SHARE * remaining:
        exact_bound = exact and not cands.truncated

        def bound_of(cp_bound: float) -> int:
            return min(bound, int(cp_bound)) if exact_bound and math.isfinite(cp_bound) else bound

        found, cp_status, cp_bound = _solve_whole(cands, ids, chosen, pinned, current, remaining, seed, wanted,
                                                  started, on_progress, should_stop, bound_of)
        if found is not None:
            score = plan_score(cands, found, current)
            if score >= best:
                chosen, best = found, score
            if exact_bound:
                bound = bound_of(cp_bound)
                if cp_status == "OPTIMAL":
                    status = "optimal"
        elif cp_status == "INFEASIBLE" and exact:
            status, chosen, best = "infeasible", np.zeros_like(chosen), 0
        # The edge model can be solved before the limit; the neighbourhoods then try the middle starts.
        searched = exact or cp_status == "INFEASIBLE"
    else:
        searched = False
    if not searched:
        frozen = np.zeros(len(cands.needs), dtype=bool)
        frozen[cands.arrays.need[pinned]] = True
        remaining = deadline - time.perf_counter()
        chosen = improve(cands, chosen, frozen, current, remaining * NEIGHBOURHOOD_SHARE, deadline, seed,
                         lambda plan: plan_score(cands, plan, current), report, follow_links=not cands.truncated)
        best = plan_score(cands, chosen, current)
    bound = max(bound, best)
    report(chosen, best)  # the final figures, so that a progress display ends on what the plan says
    return _solution(problem, cands, chosen, status, best, bound, wanted, started)


def _solution(problem, cands, mask, status, objective, bound, wanted, started) -> VisitsSolution:
    chosen = [cands.combos[i] for i in np.nonzero(mask)[0].tolist()]
    visits = tuple(
        sorted(
            Visit(cands.needs[c.need].child.id, cands.needs[c.need].need.subject, problem.tutors[c.tutor].id, c.weekday, c.start, c.end, c.travel)
            for c in chosen
        )
    )
    return VisitsSolution(
        status=status,
        objective=objective,
        best_bound=bound,
        visits=visits,
        unmet=tuple(explain_unmet(cands, chosen)),
        changes=change_summary(problem, visits),
        visits_wanted=wanted,
        seconds=time.perf_counter() - started,
    )
