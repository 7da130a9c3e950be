"""Write the demo programme's home-visit problem as the site builds it for マッチング実行, as visits-problem JSON.

    python benchmarks/demo_visits_problem.py [--today 2026-11-30] [-o demo-visits-problem.json]

It loads the demo into a fresh SQLite database as `flask init-demo` does (with the year's plans published as
of 1 April) and builds the problem exactly as a solve started from the plan page does: children and tutors active on today, the published plan's visits as current visits and its
pins, the published study-room sessions from today on as busy time. The file is the input of
visits_quality.py and of `python -m solver visits`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from matching.models import PlanKind, PlanStatus  # noqa: E402
from matching.planning.lifecycle import plan_with_status  # noqa: E402
from matching.planning.visits.problem import build_visits_problem  # noqa: E402
from seed_data.fresh_demo import fresh_demo  # noqa: E402
from solver.visits.codec import problem_to_dict  # noqa: E402


def demo_visits_problem(today: date, history: bool = True) -> dict:
    """The demo's home-visit problem on today, from its published plan, as a JSON-ready dict.

    The history (the year's plans solved and published as of 1 April, as on the demo site) comes from a solve
    with a time limit, so its current visits can differ from one load to the next; without it the problem
    depends on the seed data alone."""
    with fresh_demo(history=history) as (factory, programme_id), factory() as session:
        base = plan_with_status(session, programme_id, PlanKind.VISITS, PlanStatus.PUBLISHED)
        return problem_to_dict(build_visits_problem(session, programme_id, base.id if base else None, today))


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", default="2026-11-30", type=date.fromisoformat)
    parser.add_argument("-o", "--output", default="demo-visits-problem.json")
    parser.add_argument("--without-history", action="store_true", help="the seed data only, no published plans")
    args = parser.parse_args()
    doc = demo_visits_problem(args.today, history=not args.without_history)
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False)
    wanted = sum(n["visits_per_week"] for c in doc["children"] for n in c["needs"])
    print(f"{args.output}: {len(doc['children'])} children, {len(doc['tutors'])} tutors, {wanted} weekly visits wanted")


if __name__ == "__main__":
    main()
