"""One time limit for a whole home-visit run: reading the problem, the plan, the explanation and writing fit in it.

The plan gets what is left of the limit after reading, less a share kept for the explanation (``explain_plan``:
the waiting counts and checked suggestions) and the seconds the caller keeps to finish (writing the result to a
file, or storing it in the database). The explanation then gets
what is left after the plan, up to the seconds asked for, still keeping the writing's seconds. So a plan that ends
early leaves its time to the explanation, and a plan that uses all of its time leaves the explanation its share.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from solver.visits.explain import DEFAULT_EXPLAIN_SECONDS, explain_plan
from solver.visits.problem import VisitsProblem
from solver.visits.solution import Progress, VisitsSolution
from solver.visits.solve import solve_visits

# At most this share of the limit is kept for the explanation (at 60 s: 5 s; at the site's 10 s: 1 s, which the
# demo programme's suggestions need 0.3-0.7 s of, while the plan gains most from every second it gets).
EXPLAIN_SHARE = 0.1
# The plan always gets at least this, even when reading used up the limit: a plan late beats no plan.
MIN_PLAN_SECONDS = 0.5


@dataclass(frozen=True)
class TimeBudget:
    """A time limit in seconds, counted from ``started`` on ``clock`` (injectable so tests need no wall timing)."""

    limit_s: float
    started: float
    clock: Callable[[], float] = field(default=time.perf_counter)

    def elapsed(self) -> float:
        """Seconds since the start."""
        return self.clock() - self.started

    def left(self) -> float:
        """Seconds left of the limit (0 once it is spent)."""
        return max(0.0, self.limit_s - self.elapsed())


def plan_seconds(budget: TimeBudget, explain_s: float, finish_s: float) -> float:
    """The time limit for ``solve_visits`` now: what is left, less the explanation's share and the finish."""
    kept = min(max(explain_s, 0.0), EXPLAIN_SHARE * budget.limit_s) + finish_s
    return max(MIN_PLAN_SECONDS, budget.left() - kept)


def explain_seconds(budget: TimeBudget, explain_s: float, finish_s: float) -> float:
    """The seconds for ``explain_plan`` now: up to ``explain_s``, within what is left after keeping the finish."""
    return max(0.0, min(explain_s, budget.left() - finish_s))


@dataclass(frozen=True)
class BudgetedSolution:
    """A solution made within a budget, with the limits its two steps were given (the command line reports them)."""

    solution: VisitsSolution
    plan_s: float
    explain_s: float


def solve_within(problem: VisitsProblem, budget: TimeBudget, finish_s: float, explain_s: float = DEFAULT_EXPLAIN_SECONDS,
                 seed: int = 0, on_progress: Callable[[Progress], None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> BudgetedSolution:
    """The plan, then its explanation, each given its part of the budget, ``finish_s`` kept (see the module's text)."""
    plan_s = plan_seconds(budget, explain_s, finish_s)
    solution = solve_visits(problem, time_limit_s=plan_s, seed=seed, on_progress=on_progress, should_stop=should_stop)
    explain_left = explain_seconds(budget, explain_s, finish_s)
    return BudgetedSolution(explain_plan(problem, solution, explain_left, seed, should_stop), plan_s, explain_left)
