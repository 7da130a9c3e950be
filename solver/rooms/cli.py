"""Command line of the rooms solver: ``python -m solver rooms PROBLEM.json`` and the rooms half of ``check``."""

from __future__ import annotations

import argparse
import sys

from solver.cli_io import read_problem, report_violations, write_solution
from solver.rooms.check import check_rooms
from solver.rooms.codec import problem_from_json, solution_from_json, solution_to_json
from solver.rooms.solution import Progress
from solver.rooms.solve import solve_rooms


def add_solve_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m solver rooms``."""
    parser.add_argument("problem", help="a rooms-problem/1 JSON file")
    parser.add_argument("-o", "--output", help="write the rooms-solution/1 JSON here (default: standard output)")
    parser.add_argument("--time-limit", type=float, default=10.0, help="CPU seconds for the whole solve (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same input and seed give the same plan")


def _progress(p: Progress) -> None:
    print(f"[{p.seconds:6.2f}s] {p.phase}: held {p.sessions_held}, staffed {p.sessions_staffed}, "
          f"objective {p.objective:.0f}, bound {p.bound:.0f}", file=sys.stderr)


def solve_command(args: argparse.Namespace) -> int:
    """Solve a problem file; exit 0 with a plan, 2 on bad input."""
    problem = read_problem(args.problem, problem_from_json)
    if problem is None:
        return 2
    solution = solve_rooms(problem, time_limit_s=args.time_limit, seed=args.seed, on_progress=_progress)
    write_solution(solution_to_json(solution), args.output)
    held = len(solution.sessions)
    print(f"{solution.status}: {held} sessions, {len(solution.shortfalls)} shortfalls, "
          f"objective {solution.objective:.0f}, bound {solution.bound:.0f}, {solution.seconds:.1f}s", file=sys.stderr)
    return 0


def check_command(problem: dict, solution: dict) -> int:
    """Check a plan against its problem; print each violation; exit 0 if sound, 1 if not, 2 on bad input."""
    return report_violations(lambda: check_rooms(problem_from_json(problem), solution_from_json(solution)))
