"""After a plan is made: each waiting need's tutors counted by reason, and for the first few a change checked by re-solving."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from solver.visits.problem import VisitsProblem
from solver.visits.solution import VisitsSolution
from solver.visits.suggestions import suggest_changes
from solver.visits.waiting import waiting_counts

# Seconds the command line gives the suggestions after the plan (the site gives half its time limit, up to this).
DEFAULT_SUGGEST_SECONDS = 5.0


def explain_plan(problem: VisitsProblem, solution: VisitsSolution, suggest_seconds: float = DEFAULT_SUGGEST_SECONDS,
                 seed: int = 0, should_stop: Callable[[], bool] | None = None) -> VisitsSolution:
    """The solution with waiting counts on every unmet need and, within suggest_seconds, checked suggestions."""
    if not solution.unmet or solution.status not in ("optimal", "feasible"):
        return solution
    unmet = waiting_counts(problem, solution.visits, solution.unmet)
    if suggest_seconds > 0:
        unmet = suggest_changes(problem, solution.visits, unmet, suggest_seconds, seed, should_stop)
    return replace(solution, unmet=unmet)
