"""Benchmark of the home-visit solver: time, coverage, objective, gap to the bound and peak memory per size.

    python benchmarks/visits_benchmark.py [--sizes demo,1000,10000] [--seed 1]

Each size also runs, in the same process on the same instance, the greedy
most-constrained-first baseline and the min-cost-flow relaxation bound; the
1,000-child size also re-solves after its busiest tutor leaves.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seed_data.visits_instances import generate_visits_problem  # noqa: E402
from solver.visits.candidates import build_candidates  # noqa: E402
from solver.visits.check import check_visits  # noqa: E402
from solver.visits.greedy import greedy_plan  # noqa: E402
from solver.visits.problem import CurrentVisit  # noqa: E402
from solver.visits.relaxation import relaxation_bound  # noqa: E402
from solver.visits.solve import FULL_CANDIDATES_UP_TO, TUTORS_PER_NEED, solve_visits  # noqa: E402

SIZES = {"demo": (150, 70, 2.0), "1000": (1000, 400, 10.0), "10000": (10_000, 3000, 60.0)}


def peak_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(name: str, seed: int) -> None:
    """Solve one size and print its table."""
    n_children, n_tutors, limit = SIZES[name]
    problem = generate_visits_problem(n_children, n_tutors, seed)
    t0, c0 = time.perf_counter(), time.process_time()
    solution = solve_visits(problem, time_limit_s=limit, seed=seed)
    solve_s, solve_cpu = time.perf_counter() - t0, time.process_time() - c0
    violations = check_visits(problem, solution)
    t1 = time.perf_counter()
    cands = build_candidates(problem, None if n_children <= FULL_CANDIDATES_UP_TO else TUTORS_PER_NEED)
    greedy = greedy_plan(cands)
    greedy_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    bound = relaxation_bound(cands)
    bound_s = time.perf_counter() - t2
    greedy_points = sum(cands.needs[c.need].points for c in greedy.chosen)
    wanted = solution.visits_wanted
    covered_points = problem.coverage_points(solution.visits)
    print(f"\n== {name}: {n_children} children, {n_tutors} tutors, seed {seed}, time limit {limit:g}s ==")
    print(f"solver    time {solve_s:6.2f}s (cpu {solve_cpu:.2f}s, load {os.getloadavg()[0]:.1f})  status {solution.status:9s} visits {len(solution.visits)}/{wanted} ({solution.coverage:.2%})  objective {solution.objective}  bound {solution.best_bound}  gap {(solution.best_bound - solution.objective) / max(1, solution.best_bound):.3%}  violations {len(violations)}")
    print(f"          coverage points {covered_points} = {covered_points / bound:.2%} of the flow bound")
    print(f"greedy    time {greedy_s:6.2f}s  visits {len(greedy.chosen)}/{wanted} ({len(greedy.chosen) / max(1, wanted):.2%})  coverage points {greedy_points} = {greedy_points / max(1, bound):.2%} of the flow bound")
    print(f"flow      time {bound_s:6.2f}s  bound (coverage points) {bound}")
    print(f"memory    peak RSS so far {peak_mib():.0f} MiB")
    if name == "1000":
        resolve(problem, solution, seed)


def resolve(problem, solution, seed: int) -> None:
    """The busiest tutor leaves a solved plan; re-solve with the plan as current visits."""
    by_child: dict[str, list[CurrentVisit]] = {}
    for v in solution.visits:
        by_child.setdefault(v.child_id, []).append(CurrentVisit(v.subject, v.tutor_id, v.weekday, v.start))
    counts: dict[str, int] = {}
    for v in solution.visits:
        counts[v.tutor_id] = counts.get(v.tutor_id, 0) + 1
    leaving = max(sorted(counts), key=lambda t: counts[t])
    children = tuple(replace(c, current_visits=tuple(by_child.get(c.id, ()))) for c in problem.children)
    after = replace(problem, children=children, tutors=tuple(t for t in problem.tutors if t.id != leaving))
    t0, c0 = time.perf_counter(), time.process_time()
    again = solve_visits(after, time_limit_s=2.0, seed=seed)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    ch = again.changes
    moved_stayed = {m.before.child_id for m in ch.moved if m.before.tutor_id != leaving} | {v.child_id for v in ch.dropped if v.tutor_id != leaving}
    cands = build_candidates(after, None if len(after.children) <= FULL_CANDIDATES_UP_TO else TUTORS_PER_NEED)
    keep_all = sum(cands.needs[c.need].points for c in greedy_plan(cands).chosen)
    print(
        f"re-solve  tutor {leaving} leaves ({counts[leaving]} visits): time {seconds:.2f}s (cpu {cpu:.2f}s)  kept {len(ch.kept)} moved {len(ch.moved)} new {len(ch.new)} dropped {len(ch.dropped)}"
        f"  children moved whose tutor stayed {len(moved_stayed)}  violations {len(check_visits(after, again))}"
    )
    # A move is allowed only when it covers strictly more: compare with keeping every still-valid visit.
    print(f"          coverage points {after.coverage_points(again.visits)} against {keep_all} keeping every still-valid visit (greedy for the rest)")


def main() -> int:
    """Run the chosen sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for name in args.sizes.split(","):
        run_size(name.strip(), args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
