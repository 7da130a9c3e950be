"""Benchmark of the study-room solver over a family of generated instances, each against references.

    python benchmarks/rooms_benchmark.py [--sizes 7,20,50] [--seeds 1,2] [--supply ample,scarce]
                                         [--pins none,sessions,staff,both,children] [--reference-seconds 60] [--resolve]

An instance is a size (7, 20 or 50 sites x 80 sessions), a tutor supply (ample or scarce), a seed and a
kind of pins (seed_data/rooms_pins.py: sessions and/or staff on one April evening at three sites that
share tutors, or child sites). Each instance runs in a fresh process (so ru_maxrss is that instance's)
with the rule-of-thumb baseline, the solver, and the references: the calendar bound always, and the
exact model (benchmarks/rooms_reference.py) started from the solver's plan where --reference-seconds
is given for that size. Sessions are compared as held and fully staffed (checker-clean).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from benchmarks.rooms_reference import calendar_bound, exact_sessions  # noqa: E402
from seed_data.rooms_instances import generate_rooms_problem  # noqa: E402
from seed_data.rooms_pins import with_pins  # noqa: E402
from solver.rooms.baseline import baseline_rooms  # noqa: E402
from solver.rooms.check import check_rooms  # noqa: E402
from solver.rooms.eligibility import child_can_attend  # noqa: E402
from solver.rooms.problem import ChildSitePin, PreviousPlan, PreviousSession  # noqa: E402
from solver.rooms.solve import solve_rooms  # noqa: E402

# sites: (tutors when ample, tutors when scarce, children, solver time limit in seconds)
SIZES = {7: (70, 45, 150, 10.0), 20: (200, 130, 600, 30.0), 50: (500, 350, 1500, 60.0)}


def problem_of(size: int, supply: str, seed: int, pins: str):
    """The instance: generated problem of that size and supply, with pins of that kind."""
    ample, scarce, children, _limit = SIZES[size]
    problem = generate_rooms_problem(size, ample if supply == "ample" else scarce, children, seed)
    return with_pins(problem, pins, seed)


def _plan_figures(problem, solution) -> dict:
    violations = check_rooms(problem, solution)
    understaffed = sum(1 for v in violations if v.code == "understaffed")
    return {"held": len(solution.sessions), "staffed": len(solution.sessions) - understaffed,
            "seated": sum(1 for a in solution.assignments if a.site_id),
            "violations": sorted(Counter(v.code for v in violations).items())}


def _one(size: int, supply: str, seed: int, pins: str, reference_s: float, resolve: bool) -> dict:
    problem = problem_of(size, supply, seed, pins)
    out = {"target": sum(s.target_sessions for s in problem.sites),
           "seatable": sum(1 for c in problem.children if any(child_can_attend(c, s) for s in problem.sites))}
    out["baseline"] = _plan_figures(problem, baseline_rooms(problem))
    cpu, wall = time.process_time(), time.perf_counter()
    solution = solve_rooms(problem, time_limit_s=SIZES[size][3], seed=seed)
    out["solver"] = _plan_figures(problem, solution) | {
        "seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "status": solution.status,
        "objective": solution.objective, "bound": solution.bound}
    site_of = {a.child_id: a.site_id for a in solution.assignments}
    out["calendar_bound"] = calendar_bound(problem, site_of)
    if reference_s > 0:
        best, upper, status = exact_sessions(problem, site_of, reference_s, start=solution.sessions, seed=seed)
        out["exact"] = {"best": best, "upper": upper, "status": status, "seconds": reference_s}
    if resolve:
        out["resolve"] = _resolve(problem, solution, seed)
    return out


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
    cpu, started = time.process_time(), time.perf_counter()
    second = solve_rooms(changed, time_limit_s=3.0, seed=seed)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    affected = {(s.site_id, s.date) for s in first.sessions if tutor_id in s.staff and s.date in away}
    restaffed = {(c.site_id, c.date) for c in second.changes.sessions_restaffed}
    return {
        "tutor": tutor_id, "month": f"{year}-{month:02d}", "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
        "affected": len(affected), "restaffed": len(restaffed), "outside": len(restaffed - affected),
        "added": len(second.changes.sessions_added), "dropped": len(second.changes.sessions_dropped),
        "moved": len(second.changes.children_moved), "violations": len(check_rooms(changed, second)),
    }


def _line(name: str, f: dict) -> str:
    b, s = f["baseline"], f["solver"]
    best = max(s["staffed"], f.get("exact", {}).get("best", 0))
    upper = min(f["calendar_bound"], f.get("exact", {}).get("upper", f["calendar_bound"]))
    viol = lambda v: ",".join(f"{c}:{n}" for c, n in v) or "0"  # noqa: E731
    text = (f"{name:24s} target {f['target']}  baseline staffed {b['staffed']}/{b['held']} viol {viol(b['violations'])}"
            f"  | solver staffed {s['staffed']}/{s['held']} seated {s['seated']}/{f['seatable']} viol {viol(s['violations'])}"
            f" {s['seconds']}s cpu {s['cpu_seconds']}s {s['peak_mib']}MiB {s['status']}"
            f"  | reference best {best} upper {upper}")
    if "exact" in f:
        e = f["exact"]
        text += f" (exact {e['status']} {e['best']}/{e['upper']} in {e['seconds']:.0f}s)"
    text += f"  solver/best {100 * s['staffed'] / max(1, best):.1f}%"
    if "resolve" in f:
        r = f["resolve"]
        text += (f"\n{'':24s} re-solve: tutor {r['tutor']} away {r['month']}: {r['seconds']}s cpu {r['cpu_seconds']}s,"
                 f" affected {r['affected']}, restaffed {r['restaffed']} ({r['outside']} outside), added {r['added']}"
                 f" dropped {r['dropped']}, children moved {r['moved']}, violations {r['violations']}")
    return text


def main() -> int:
    """Run every instance of the family in its own process and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="7,20,50")
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--supply", default="ample,scarce")
    parser.add_argument("--pins", default="none,sessions,staff,both,children")
    parser.add_argument("--reference-seconds", default="7:60,20:60,50:0",
                        help="per size, the exact model's time limit (0: calendar bound only)")
    parser.add_argument("--resolve", action="store_true", help="also re-solve the first instance after a tutor's absence")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, supply, seed, pins, reference_s, resolve = json.loads(args.one)
        print(json.dumps(_one(size, supply, seed, pins, reference_s, resolve)))
        return 0
    reference = {int(k): float(v) for k, v in (p.split(":") for p in args.reference_seconds.split(","))}
    first = True
    for size in map(int, args.sizes.split(",")):
        for supply in args.supply.split(","):
            for seed in map(int, args.seeds.split(",")):
                for pins in args.pins.split(","):
                    spec = [size, supply, seed, pins, reference.get(size, 0.0), args.resolve and first]
                    first = False
                    done = subprocess.run([sys.executable, __file__, "--one", json.dumps(spec)],
                                          capture_output=True, text=True, check=True)
                    print(_line(f"{size} {supply} s{seed} {pins}", json.loads(done.stdout.strip().splitlines()[-1])),
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
