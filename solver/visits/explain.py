"""After a plan is made: each waiting need's tutors counted by reason, and for the first few a change checked by re-solving."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from solver.visits.problem import VisitsProblem
from solver.visits.solution import VisitsSolution
from solver.visits.suggestions import suggest_changes
from solver.visits.waiting import waiting_counts

# Seconds the command line and the site give the counts and suggestions after the plan, within their time limit
# (solver/visits/time_budget.py keeps a tenth of the limit for them, up to this).
DEFAULT_EXPLAIN_SECONDS = 5.0


def explain_plan(problem: VisitsProblem, solution: VisitsSolution, seconds: float = DEFAULT_EXPLAIN_SECONDS,
                 seed: int = 0, should_stop: Callable[[], bool] | None = None) -> VisitsSolution:
    """The solution with, within these seconds, waiting counts on the unmet needs and then checked suggestions.

    Both go most coverage points first; at demo and 1,000-child sizes the counts take a tenth of a second, at
    10,000 children about 11 CPU seconds for all 5,000 unmet needs, so there the budget reaches only the first.
    """
    if not solution.unmet or solution.status not in ("optimal", "feasible") or seconds <= 0:
        return solution
    deadline = time.perf_counter() + seconds
    unmet = waiting_counts(problem, solution.visits, solution.unmet, deadline)
    unmet = suggest_changes(problem, solution.visits, unmet, deadline - time.perf_counter(), seed, should_stop)
    return replace(solution, unmet=unmet)
