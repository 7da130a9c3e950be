"""Count the study-room sessions a solve places before today on the demo (they should be none).

    python benchmarks/past_sessions.py [--today 2026-11-30] [--time-limit 5]

Loads the demo into a fresh SQLite file, runs the study-room solve as the site does on that day,
stores its plan, and prints the sessions the plan holds before and from today, with CPU and wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from matching.models import Plan, PlanKind  # noqa: E402
from matching.planning.rooms.handler import HANDLER  # noqa: E402
from seed_data.fresh_demo import fresh_demo  # noqa: E402


def count_past_sessions(today: date, time_limit_s: float) -> dict:
    """Solve the demo's study rooms on that day and count the stored sessions before and from it."""
    with fresh_demo() as (factory, programme_id):
        with factory() as session:
            wall, cpu = time.perf_counter(), time.process_time()
            problem = HANDLER.build_problem(session, programme_id, None, today)
            solution = HANDLER.solve(problem, time_limit_s, 0, lambda _p: None, lambda: False)
            plan = Plan(programme_id=programme_id, kind=PlanKind.ROOMS)
            session.add(plan)
            session.flush()
            HANDLER.store(session, plan, problem, solution)
            session.commit()
            figures = {
                "today": today.isoformat(),
                "sessions": len(plan.sessions),
                "before_today": sum(1 for s in plan.sessions if s.on_date < today),
                "from_today": sum(1 for s in plan.sessions if s.on_date >= today),
                "wall_s": round(time.perf_counter() - wall, 1),
                "cpu_s": round(time.process_time() - cpu, 1),
            }
    return figures


def main() -> None:
    """Print the counts as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", default="2026-11-30")
    parser.add_argument("--time-limit", type=float, default=5.0)
    args = parser.parse_args()
    print(json.dumps(count_past_sessions(date.fromisoformat(args.today), args.time_limit)))


if __name__ == "__main__":
    main()
