"""Command line for home visits: ``python -m solver visits PROBLEM.json`` and the visits half of ``check``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from solver.cli_io import read_problem, report_violations, write_solution
from solver.errors import ProblemError
from solver.visits.check import check_visits
from solver.visits.codec import problem_from_dict, solution_from_dict, solution_to_dict
from solver.visits.explain import DEFAULT_EXPLAIN_SECONDS
from solver.visits.solution import Progress
from solver.visits.time_budget import TimeBudget, solve_within

# Seconds kept for writing the solution, per child: at 10,000 children turning the plan into JSON and writing it
# takes about 0.3 CPU s (0.75 s wall on a loaded machine), and the search may end half a second past its deadline.
WRITE_SECONDS_PER_CHILD = 1e-4


def add_solve_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m solver visits``."""
    parser.add_argument("problem", help="a visits-problem/1 JSON file")
    parser.add_argument("-o", "--output", help="write the visits-solution/2 JSON here (default: stdout)")
    parser.add_argument("--time-limit", type=float, default=10.0,
                        help="seconds for the whole command, reading and writing included (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; same input and seed give the same plan")
    parser.add_argument("--explain-seconds", type=float, default=DEFAULT_EXPLAIN_SECONDS,
                        help="up to these seconds of the time limit, after the plan, for each waiting need's counts, then checked "
                             f"changes that would serve it (default {DEFAULT_EXPLAIN_SECONDS:g}; the plan leaves it at least this or a "
                             "tenth of the limit, whichever is less; 0: none)")


def _progress(p: Progress) -> None:
    print(f"coverage {p.coverage:.2%}  objective {p.objective}  bound {p.bound}  {p.seconds:.2f}s", file=sys.stderr, flush=True)


def solve_command(args: argparse.Namespace, clock: Callable[[], float] = time.perf_counter) -> int:
    """Solve a problem file and write the solution within the time limit; bad input gives one error line and exit code 2.

    The limit counts from ``args.started`` (set by ``python -m solver`` when it starts) on ``clock``.
    """
    started = getattr(args, "started", None)
    budget = TimeBudget(args.time_limit, clock() if started is None else started, clock)
    problem = read_problem(args.problem, problem_from_dict)
    if problem is None:
        return 2
    read_s = budget.elapsed()
    try:
        made = solve_within(problem, budget, WRITE_SECONDS_PER_CHILD * len(problem.children), args.explain_seconds,
                            args.seed, on_progress=_progress)
    except ProblemError as exc:  # e.g. a pin that breaks a rule, found while building the model
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    solution = made.solution
    write_solution(solution_to_dict(solution), args.output)
    print(f"{solution.status}: {len(solution.visits)} of {solution.visits_wanted} visits, objective {solution.objective}, bound {solution.best_bound}", file=sys.stderr)
    print(f"time: read {read_s:.2f}s, plan limit {made.plan_s:.2f}s, explanation limit {made.explain_s:.2f}s, "
          f"done at {budget.elapsed():.2f}s of {budget.limit_s:g}s", file=sys.stderr)
    return 0


def check_command(problem: dict, solution: dict) -> int:
    """Print every hard-rule violation; 0 when there is none, 1 when there is, 2 for bad input."""
    return report_violations(lambda: check_visits(problem_from_dict(problem), solution_from_dict(solution)))
