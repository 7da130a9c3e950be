"""Command line of the rooms solver: ``python -m solver rooms PROBLEM.json`` and the rooms half of ``check``."""

from __future__ import annotations

import argparse
import json
import sys

from solver.errors import ProblemError
from solver.rooms.check import check_rooms
from solver.rooms.codec import problem_from_json, solution_from_json, solution_to_json
from solver.rooms.solution import Progress
from solver.rooms.solve import solve_rooms


def add_solve_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m solver rooms``."""
    parser.add_argument("problem", help="a rooms-problem/1 JSON file")
    parser.add_argument("-o", "--output", help="write the rooms-solution/1 JSON here (default: standard output)")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds for the whole solve (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same input and seed give the same plan")


def _progress(p: Progress) -> None:
    print(f"[{p.seconds:6.2f}s] {p.phase}: held {p.sessions_held}, staffed {p.sessions_staffed}, "
          f"objective {p.objective:.0f}, bound {p.bound:.0f}", file=sys.stderr)


def solve_command(args: argparse.Namespace) -> int:
    """Solve a problem file; exit 0 with a plan, 2 on bad input."""
    try:
        with open(args.problem, encoding="utf-8") as handle:
            problem = problem_from_json(json.load(handle))
    except OSError as exc:
        print(f"error: cannot read {args.problem}: {exc.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"error: {args.problem} is not valid JSON (line {exc.lineno}: {exc.msg})", file=sys.stderr)
        return 2
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    solution = solve_rooms(problem, time_limit_s=args.time_limit, seed=args.seed, on_progress=_progress)
    text = json.dumps(solution_to_json(solution), ensure_ascii=False, indent=1)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        print(text)
    held = len(solution.sessions)
    print(f"{solution.status}: {held} sessions, {len(solution.shortfalls)} shortfalls, "
          f"objective {solution.objective:.0f}, bound {solution.bound:.0f}, {solution.seconds:.1f}s", file=sys.stderr)
    return 0


def check_command(problem: dict, solution: dict) -> int:
    """Check a plan against its problem; print each violation; exit 0 if sound, 1 if not, 2 on bad input."""
    try:
        violations = check_rooms(problem_from_json(problem), solution_from_json(solution))
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for v in violations:
        print(f"{v.code}: {v.message_ja} / {v.message_en}")
    print(f"{len(violations)} violations", file=sys.stderr)
    return 1 if violations else 0
