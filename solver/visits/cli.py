"""Command line for home visits: ``python -m solver visits PROBLEM.json`` and the visits half of ``check``."""

from __future__ import annotations

import argparse
import json
import sys

from solver.errors import ProblemError
from solver.visits.check import check_visits
from solver.visits.codec import problem_from_dict, problem_from_json, solution_from_dict, solution_to_dict
from solver.visits.solution import Progress
from solver.visits.solve import solve_visits


def add_solve_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m solver visits``."""
    parser.add_argument("problem", help="a visits-problem/1 JSON file")
    parser.add_argument("-o", "--output", help="write the visits-solution/1 JSON here (default: stdout)")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; same input and seed give the same plan")


def _progress(p: Progress) -> None:
    print(f"coverage {p.coverage:.2%}  objective {p.objective}  bound {p.bound}  {p.seconds:.2f}s", file=sys.stderr, flush=True)


def solve_command(args: argparse.Namespace) -> int:
    """Solve a problem file and write the solution; bad input gives one error line and exit code 2."""
    try:
        with open(args.problem, encoding="utf-8") as handle:
            problem = problem_from_json(handle.read())
        solution = solve_visits(problem, time_limit_s=args.time_limit, seed=args.seed, on_progress=_progress)
    except OSError as exc:
        print(f"error: cannot read {args.problem}: {exc.strerror}", file=sys.stderr)
        return 2
    except ProblemError as exc:
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    text = json.dumps(solution_to_dict(solution), ensure_ascii=False, indent=1)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        print(text)
    print(f"{solution.status}: {len(solution.visits)} of {solution.visits_wanted} visits, objective {solution.objective}, bound {solution.best_bound}", file=sys.stderr)
    return 0


def check_command(problem: dict, solution: dict) -> int:
    """Print every hard-rule violation; 0 when there is none, 1 when there is, 2 for bad input."""
    try:
        violations = check_visits(problem_from_dict(problem), solution_from_dict(solution))
    except ProblemError as exc:
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    for v in violations:
        print(f"[{v.code}] {v.message_ja} / {v.message_en}")
    print(f"{len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0
