"""Benchmark of the study-room solver against the rule-of-thumb baseline, size by size.

    python benchmarks/rooms_benchmark.py [--sizes demo,large] [--seed 1]

Each run happens in a fresh process so that peak memory (ru_maxrss) belongs to that run alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from seed_data.rooms_instances import generate_rooms_problem  # noqa: E402
from solver.rooms.baseline import baseline_rooms  # noqa: E402
from solver.rooms.check import check_rooms  # noqa: E402
from solver.rooms.problem import ChildSitePin, PreviousPlan, PreviousSession  # noqa: E402
from solver.rooms.solve import solve_rooms  # noqa: E402

SIZES = {
    "demo": dict(n_sites=7, n_tutors=70, n_children=150, time_limit=10.0),
    "large": dict(n_sites=50, n_tutors=500, n_children=1500, time_limit=60.0),
}


def _figures(problem, solution, seconds: float) -> dict:
    """Sessions held and fully staffed, load spread, checker violations."""
    loads = Counter({t.id: 0 for t in problem.tutors})
    for s in solution.sessions:
        loads.update(s.staff)
    values = list(loads.values())
    violations = check_rooms(problem, solution)
    by_site = defaultdict(list)
    for s in solution.sessions:
        by_site[s.site_id].append(s.date)
    gaps = [(b - a).days for days in by_site.values() for a, b in zip(sorted(days), sorted(days)[1:])]
    intensive = [p for p in problem.special_periods if p.kind == "intensive"]
    in_intensive = sum(1 for s in solution.sessions if any(p.start <= s.date <= p.end for p in intensive))
    understaffed = sum(1 for v in violations if v.code == "understaffed")
    return {
        "held": len(solution.sessions), "target": sum(s.target_sessions for s in problem.sites),
        "fully_staffed": len(solution.sessions) - understaffed,
        "load_max_min": max(values) - min(values) if values else 0,
        "load_std": round(statistics.pstdev(values), 2) if values else 0.0,
        "longest_gap_days": max(gaps, default=0), "intensive_sessions": in_intensive,
        "tutor_site_pairs": len({(t, s.site_id) for s in solution.sessions for t in s.staff}),
        "violations": len(violations), "violation_codes": sorted({v.code for v in violations}),
        "seconds": round(seconds, 2), "cpu_seconds": round(time.process_time(), 2), "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "status": solution.status, "objective": solution.objective, "bound": solution.bound,
        "gap": round((solution.objective - solution.bound) / solution.objective, 4) if solution.objective else 0.0,
    }


def _one(size: str, method: str, seed: int) -> dict:
    spec = SIZES[size]
    problem = generate_rooms_problem(spec["n_sites"], spec["n_tutors"], spec["n_children"], seed)
    started = time.perf_counter()
    if method == "baseline":
        solution = baseline_rooms(problem)
    else:
        solution = solve_rooms(problem, time_limit_s=spec["time_limit"], seed=seed)
    figures = _figures(problem, solution, time.perf_counter() - started)
    if method == "resolve":
        figures["resolve"] = _resolve(problem, solution, seed)
    return figures


def _resolve(problem, first, seed: int) -> dict:
    """A tutor becomes unavailable for a month: re-solve from the previous plan with a 3 s limit."""
    per_month = Counter((t, (s.date.year, s.date.month)) for s in first.sessions for t in s.staff)
    (tutor_id, (year, month)), _count = max(per_month.items(), key=lambda kv: (kv[1], kv[0]))
    first_day = date(year, month, 1)
    away = {first_day + timedelta(days=k) for k in range(31) if (first_day + timedelta(days=k)).month == month}
    tutors = tuple(replace(t, unavailable_dates=t.unavailable_dates | frozenset(away)) if t.id == tutor_id else t
                   for t in problem.tutors)
    previous = PreviousPlan(tuple(PreviousSession(s.site_id, s.date, s.staff) for s in first.sessions),
                            tuple(ChildSitePin(a.child_id, a.site_id) for a in first.assignments if a.site_id))
    changed = replace(problem, tutors=tutors, previous=previous)
    started = time.perf_counter()
    second = solve_rooms(changed, time_limit_s=3.0, seed=seed)
    seconds = time.perf_counter() - started
    affected = {(s.site_id, s.date) for s in first.sessions if tutor_id in s.staff and s.date in away}
    restaffed = {(c.site_id, c.date) for c in second.changes.sessions_restaffed}
    return {
        "tutor": tutor_id, "month": f"{year}-{month:02d}", "seconds": round(seconds, 2),
        "affected_sessions": len(affected), "restaffed_sessions": len(restaffed),
        "restaffed_outside_affected": len(restaffed - affected),
        "sessions_added": len(second.changes.sessions_added), "sessions_dropped": len(second.changes.sessions_dropped),
        "children_moved": len(second.changes.children_moved), "violations": len(check_rooms(changed, second)),
    }


def _print(size: str, method: str, f: dict) -> None:
    print(f"{size:6s} {method:9s} held {f['held']}/{f['target']}  fully staffed {f['fully_staffed']}  "
          f"load max-min {f['load_max_min']} std {f['load_std']}  pairs {f['tutor_site_pairs']}  "
          f"longest gap {f['longest_gap_days']}d  intensive {f['intensive_sessions']}  "
          f"violations {f['violations']} {','.join(f['violation_codes'])}  time {f['seconds']}s cpu {f['cpu_seconds']}s  peak {f['peak_mib']} MiB  "
          f"status {f['status']} objective {f['objective']:.0f} bound {f['bound']:.0f} gap {f['gap']:.2%} "
          f"(bound of each phase given the earlier phases' choices)")
    if "resolve" in f:
        r = f["resolve"]
        print(f"{size:6s} re-solve  tutor {r['tutor']} away {r['month']}: time {r['seconds']}s, affected sessions "
              f"{r['affected_sessions']}, restaffed {r['restaffed_sessions']} ({r['restaffed_outside_affected']} outside "
              f"the affected), sessions added {r['sessions_added']} dropped {r['sessions_dropped']}, children moved "
              f"{r['children_moved']}, violations {r['violations']}")


def main() -> int:
    """Run each size with the baseline and the solver, each in its own process, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "METHOD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], args.one[1], args.seed)))
        return 0
    for size in args.sizes.split(","):
        methods = ["baseline", "resolve" if size == "demo" else "solver"]
        for method in methods:
            out = subprocess.run([sys.executable, __file__, "--one", size, method, "--seed", str(args.seed)],
                                 capture_output=True, text=True, check=True)
            _print(size, "solver" if method == "resolve" else method, json.loads(out.stdout.strip().splitlines()[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
