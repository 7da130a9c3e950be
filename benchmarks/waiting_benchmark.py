"""Benchmark of why needs wait and what it would take: time of the counts and the suggestions, and whether a re-solve agrees.

    python benchmarks/waiting_benchmark.py [--sizes demo,1000,10000] [--seed 1] [--suggest-seconds 5] [--resolve]

Per size: the plan (the site's time limit), then the waiting counts of every unmet
need and the suggestions within the budget, with wall and CPU seconds (the
machine is shared). With --resolve, each suggestion is applied to the whole
problem and the whole solver re-solves it from the plan with the same time limit:
the line says how many of the needs that whole re-solve serves (the suggestions'
own check re-solves only around the change, see docs/solver-visits.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seed_data.visits_instances import generate_visits_problem  # noqa: E402
from solver.visits.check import check_visits  # noqa: E402
from solver.visits.recheck import with_current_visits  # noqa: E402
from solver.visits.solve import solve_visits  # noqa: E402
from solver.visits.suggestions import apply_change, suggest_changes  # noqa: E402
from solver.visits.waiting import waiting_counts  # noqa: E402

SIZES = {"demo": (150, 70, 10.0), "1000": (1000, 400, 10.0), "10000": (10_000, 3000, 60.0)}


def timed(fn):
    """Run fn(); return its result, wall and CPU seconds."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def run_size(name: str, seed: int, budget: float, resolve: bool) -> None:
    """Solve one size, explain its unmet needs and print the figures."""
    n_children, n_tutors, limit = SIZES[name]
    problem = generate_visits_problem(n_children, n_tutors, seed)
    solution, solve_s, solve_cpu = timed(lambda: solve_visits(problem, time_limit_s=limit, seed=seed))
    print(f"\n== {name}: {n_children} children, {n_tutors} tutors, seed {seed}, limit {limit:g}s, load {os.getloadavg()[0]:.1f} ==")
    print(f"plan         {solve_s:6.2f}s (cpu {solve_cpu:.2f}s)  visits {len(solution.visits)}/{solution.visits_wanted}  unmet needs {len(solution.unmet)}")
    unmet, count_s, count_cpu = timed(lambda: waiting_counts(problem, solution.visits, solution.unmet))
    codes = Counter()
    for u in unmet:
        codes.update(dict(u.waiting.counts))
    print(f"counts       {count_s:6.2f}s (cpu {count_cpu:.2f}s)  tutor-need pairs by reason: {dict(codes.most_common())}")
    unmet, sugg_s, sugg_cpu = timed(lambda: suggest_changes(problem, solution.visits, unmet, budget, seed))
    found = [u for u in unmet if u.suggestion is not None]
    kinds = Counter(u.suggestion.kind for u in found)
    moved = sum(u.suggestion.other_changes for u in found)
    print(f"suggestions  {sugg_s:6.2f}s (cpu {sugg_cpu:.2f}s, budget {budget:g}s)  {len(found)} found {dict(kinds)}, other visits moved in all: {moved}")
    if resolve:
        served = 0
        for u in found:
            changed = with_current_visits(apply_change(problem, u.child_id, u.suggestion), solution.visits)
            after = solve_visits(changed, time_limit_s=limit, seed=seed)
            assert not check_visits(changed, after)
            served += sum(1 for v in after.visits if (v.child_id, v.subject) == (u.child_id, u.subject)) == u.visits_wanted
        print(f"whole re-solve with the change ({limit:g}s each) serves the need: {served} of {len(found)}")


def main() -> None:
    """Parse the sizes and run each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--suggest-seconds", type=float, default=5.0)
    parser.add_argument("--resolve", action="store_true")
    args = parser.parse_args()
    for name in args.sizes.split(","):
        run_size(name, args.seed, args.suggest_seconds, args.resolve)


if __name__ == "__main__":
    main()
