"""How far from the best possible: the flow bound and the evening bound beside the best plan known, per instance.

    python benchmarks/visits_bound.py [--demo DEMO.json] [--sizes 150,400,1000] [--best-seconds 300]
                                      [--plans PLANS.json] [--seed 1]

For the demo's problem file (benchmarks/demo_visits_problem.py writes it) and
generated instances of each size and shape (wide or narrow evenings, clustered
or spread homes), prints with their wall and CPU seconds: the flow bound, the
evening bound as solve_visits computes it (skipped above its size limit), and
the evening LP on every candidate with no size limit (how tight it would be, and
what it would cost), beside the coverage points of the best plan known:
solve_visits given --best-seconds. The solve's gap is of the lower of the first two. Those solves are the slow part, so their coverage points are kept
in --plans (a JSON file, read when it exists) and reused on the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seed_data.visits_instances import Shape, generate_visits_problem  # noqa: E402
from solver.visits.candidates import build_candidates  # noqa: E402
from solver.visits.codec import problem_from_dict  # noqa: E402
from solver.visits.evening_bound import evening_bound  # noqa: E402
from solver.visits.relaxation import relaxation_bound  # noqa: E402
from solver.visits.solve import FULL_CANDIDATES_UP_TO, TUTORS_PER_NEED, solve_visits  # noqa: E402

TUTORS_FOR = {150: 70, 400: 160, 1000: 400}
SHAPES = [Shape(w, h) for w in ("wide", "narrow") for h in ("clustered", "spread")]


def timed(fn, *args):
    """(result, wall seconds, CPU seconds) of one call."""
    w, c = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - w, time.process_time() - c


def best_points(problem, seconds: float) -> int:
    """Coverage points of the plan solve_visits finds in this many seconds."""
    return problem.coverage_points(solve_visits(problem, time_limit_s=seconds, seed=1).visits)


def instances(args):
    """(name, problem) for the demo file, then every size and shape."""
    if args.demo:
        with open(args.demo, encoding="utf-8") as f:
            yield "demo", problem_from_dict(json.load(f))
    for size in [int(s) for s in args.sizes.split(",") if s]:
        for shape in SHAPES:
            yield f"{size}-{shape.name}", generate_visits_problem(size, TUTORS_FOR.get(size, size * 2 // 5), args.seed, shape)


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", default="", help="the demo's visits-problem JSON (skipped when empty)")
    parser.add_argument("--sizes", default="150,400,1000")
    parser.add_argument("--best-seconds", type=float, default=300.0)
    parser.add_argument("--plans", default="", help="JSON file caching the best plans' coverage points")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    known = json.loads(Path(args.plans).read_text()) if args.plans and os.path.exists(args.plans) else {}
    print("| instance | combos | flow bound | s (cpu) | evening bound in the solve | s (cpu) | evening LP, no size limit | s (cpu) | best plan known | flow gap | solve's gap | LP gap |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, problem in instances(args):
        k = None if len(problem.children) <= FULL_CANDIDATES_UP_TO else TUTORS_PER_NEED
        cands = build_candidates(problem, max_tutors_per_need=k)
        flow, flow_s, flow_cpu = timed(relaxation_bound, cands)
        guarded, g_s, g_cpu = timed(evening_bound, cands)
        full = cands if k is None else build_candidates(problem)
        lp, lp_s, lp_cpu = timed(evening_bound, full, None)
        key = f"{name}/{args.seed}/{args.best_seconds:g}s"
        if key not in known:
            known[key] = best_points(problem, args.best_seconds)
            if args.plans:
                Path(args.plans).write_text(json.dumps(known, indent=1))
        best = known[key]
        solve_bound = min(flow, guarded) if guarded is not None else flow
        gap = lambda b: f"{(b - best) / max(1, best):.2%}"  # noqa: E731
        shown = f"{guarded:,}" if guarded is not None else "skipped"
        print(f"| {name} | {len(full.arrays.need):,} | {flow:,} | {flow_s:.2f} ({flow_cpu:.2f}) | {shown} | {g_s:.2f} ({g_cpu:.2f}) "
              f"| {lp:,} | {lp_s:.2f} ({lp_cpu:.2f}) | {best:,} | {gap(flow)} | {gap(solve_bound)} | {gap(lp)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
