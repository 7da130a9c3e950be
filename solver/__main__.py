"""Command line: ``python -m solver visits|rooms PROBLEM.json`` and ``python -m solver check PROBLEM.json SOLUTION.json``."""

from __future__ import annotations

import argparse
import sys
import time
from importlib import import_module

from solver.cli_io import read_problem

# Each solver kind lives in its own package with a ``cli`` module offering
# ``add_solve_arguments(parser)``, ``solve_command(args) -> int`` and
# ``check_command(problem: dict, solution: dict) -> int``.
KINDS = {"visits": "solver.visits.cli", "rooms": "solver.rooms.cli"}


def _cli(kind: str):
    return import_module(KINDS[kind])


def _kind_of(problem: dict) -> str | None:
    fmt = problem.get("format") if isinstance(problem, dict) else None
    if isinstance(fmt, str):
        for kind in KINDS:
            if fmt.startswith(f"{kind}-problem/"):
                return kind
    return None


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit code."""
    started = time.perf_counter()  # a solve's time limit covers loading the solvers and reading the problem too
    parser = argparse.ArgumentParser(prog="python -m solver", description=__doc__)
    parser.set_defaults(started=started)
    commands = parser.add_subparsers(dest="command", required=True)
    for kind in KINDS:
        sub = commands.add_parser(kind, help=f"solve a {kind} problem")
        _cli(kind).add_solve_arguments(sub)
    check = commands.add_parser("check", help="verify every hard rule of a solution, independently of the model")
    check.add_argument("problem")
    check.add_argument("solution")
    args = parser.parse_args(argv)

    if args.command == "check":
        problem = read_problem(args.problem, dict)
        solution = read_problem(args.solution, dict) if problem is not None else None
        if problem is None or solution is None:
            return 2
        kind = _kind_of(problem)
        if kind is None:
            print(f"error: format: {args.problem} has no known format (expected visits-problem/N or rooms-problem/N)", file=sys.stderr)
            return 2
        return _cli(kind).check_command(problem, solution)
    return _cli(args.command).solve_command(args)


if __name__ == "__main__":
    sys.exit(main())
