"""Public entry: solve_visits(problem) -> VisitsSolution (candidates, greedy warm start, bound, CP-SAT)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.visits.candidates import Candidates, Combo, build_candidates
from solver.visits.changes import change_summary
from solver.visits.greedy import current_combos, greedy_plan, pinned_combos
from solver.visits.model import add_full_hint, build_model
from solver.visits.problem import VisitsProblem
from solver.visits.reasons import explain_unmet
from solver.visits.relaxation import relaxation_bound
from solver.visits.score import plan_score
from solver.visits.solution import Progress, Visit, VisitsSolution

log = logging.getLogger(__name__)

# Above this many combos one CP-SAT model is not built; the problem is split into regions.
MAX_COMBOS_ONE_MODEL = 60_000
# Measured cost of building the model in Python, per combo; the model is only built when it and some search fit.
BUILD_SECONDS_PER_COMBO = 70e-6
# CP-SAT deterministic time units per wall-clock second of budget (measured: one unit takes 1.3-1.9 s
# with two interleaved workers; 0.4 keeps the wall-clock backstop from deciding the stopping point).
DETERMINISTIC_PER_SECOND = 0.4
# Candidate tutors kept per need when the problem is large (all are kept below the threshold).
FULL_CANDIDATES_UP_TO = 400


class _Progress(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and stops the search when asked to."""

    def __init__(self, covered, wanted, started, on_progress, should_stop, offset_points):
        super().__init__()
        self._covered, self._wanted, self._started = covered, wanted, started
        self._on_progress, self._should_stop, self._offset = on_progress, should_stop, offset_points

    def on_solution_callback(self) -> None:
        if self._on_progress is not None:
            covered = self.value(self._covered) + self._offset
            self._on_progress(
                Progress(
                    coverage=covered / self._wanted if self._wanted else 1.0,
                    objective=int(self.objective_value),
                    bound=int(self.best_objective_bound),
                    seconds=time.perf_counter() - self._started,
                )
            )
        if self._should_stop is not None and self._should_stop():
            self.stop_search()


def _key(c: Combo) -> tuple[int, int, int, int]:
    return (c.need, c.tutor, c.weekday, c.start)


def _solve_cp(cands, combo_ids, caps, pinned, current_ids, hint, seconds, seed, callback_args) -> tuple[list[Combo] | None, str, float]:
    """Run CP-SAT on these combos with a hint; returns the chosen combos (or None), the status name and the bound."""
    m = build_model(cands, combo_ids, caps, pinned, current_ids)
    add_full_hint(m, cands, hint & set(combo_ids))
    solver = cp_model.CpSolver()
    # The deterministic limit makes the stopping point, and so the plan, reproducible; the wall-clock
    # limit is only a backstop for machines slower than the deterministic-time calibration.
    solver.parameters.max_deterministic_time = max(0.05, seconds * DETERMINISTIC_PER_SECOND)
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.random_seed = seed
    # Interleaved search runs both workers in lock-step, so the same input and seed give the same plan.
    solver.parameters.num_workers = 2
    solver.parameters.interleave_search = True
    started, on_progress, should_stop, wanted, offset = callback_args
    cb = _Progress(m.covered, wanted, started, on_progress, should_stop, offset)
    status = solver.solve(m.model, cb)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.status_name(status), solver.best_objective_bound
    chosen = [cands.combos[i] for i in combo_ids if solver.boolean_value(m.x[i])]
    return chosen, solver.status_name(status), solver.best_objective_bound


def solve_visits(
    problem: VisitsProblem,
    time_limit_s: float = 10.0,
    seed: int = 0,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> VisitsSolution:
    """Choose a tutor, weekday and start for each need; pins hold; the status and best bound are always set."""
    started = time.perf_counter()
    deadline = started + time_limit_s
    k = None if len(problem.children) <= FULL_CANDIDATES_UP_TO else 8
    cands = build_candidates(problem, max_tutors_per_need=k)
    wanted = sum(n.need.visits_per_week for n in cands.needs)
    current_keys = {_key(c) for c in current_combos(cands)}
    n_current = sum(len(c.current_visits) for c in problem.children)
    schedule = greedy_plan(cands)
    chosen = list(schedule.chosen)
    best = plan_score(cands, chosen, current_keys, n_current)
    bound = relaxation_bound(cands)
    status = "feasible"
    if on_progress is not None:
        on_progress(Progress(len(chosen) / wanted if wanted else 1.0, best, bound, time.perf_counter() - started))
    all_ids = list(range(len(cands.combos)))
    caps = {t: tutor.max_visits_per_week for t, tutor in enumerate(problem.tutors)}
    pinned_ids = _ids(cands, pinned_combos(cands))
    current_ids = set(_ids(cands, current_combos(cands)))
    remaining = deadline - time.perf_counter()
    # Building one model costs about 60 microseconds per combo in Python; beyond the threshold the greedy
    # plan (checked against the flow bound) is returned instead of a model that would not finish.
    build = BUILD_SECONDS_PER_COMBO * len(all_ids)
    if remaining > 2 * build + 0.05 and len(all_ids) <= MAX_COMBOS_ONE_MODEL and not (should_stop and should_stop()):
        hint = set(_ids(cands, chosen))
        found, cp_status, cp_bound = _solve_cp(
            cands, all_ids, caps, pinned_ids, current_ids, hint, remaining - build, seed, (started, on_progress, should_stop, wanted, 0)
        )
        if found is not None:
            score = plan_score(cands, found, current_keys, n_current)
            if score >= best:
                chosen, best = found, score
            if not cands.truncated:
                bound = min(bound, int(cp_bound))
                if cp_status == "OPTIMAL":
                    status = "optimal"
        elif cp_status == "INFEASIBLE":
            status, chosen, best = "infeasible", [], 0
    return _solution(problem, cands, chosen, status, best, max(bound, best), wanted, started)


def _ids(cands: Candidates, combos: list[Combo]) -> list[int]:
    index = {c: i for i, c in enumerate(cands.combos)}
    return [index[c] for c in combos]


def _solution(problem, cands, chosen, status, objective, bound, wanted, started) -> VisitsSolution:
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
