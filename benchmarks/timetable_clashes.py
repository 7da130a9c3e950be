"""Count tutors booked in two places at once on the demo, after solving and publishing in either order.

    python benchmarks/timetable_clashes.py [--today 2026-11-30] [--time-limit 10] [--orders visits,rooms rooms,visits]

For each order it loads the demo into a fresh SQLite database, solves and publishes the two services one after
the other as a coordinator would (in-process solve jobs), and counts, from today on, every pair of a tutor's
published dated items (as the tutor's own schedule lists them, cancelled ones left out) that overlap in time,
the published study-room sessions dated before today, the weekly visits planned, and the dated visits and
session places the tutors' schedules hold from today on (what the plans still deliver).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sqlalchemy import func, select  # noqa: E402

from matching.models import PlanKind, PlanStatus, Session as RoomSession, Tutor, Visit  # noqa: E402
from matching.planning.jobs import queue_solve, run_solve  # noqa: E402
from matching.planning.lifecycle import plan_with_status, publish  # noqa: E402
from matching.services.tutor_schedule import tutor_schedule  # noqa: E402
from seed_data.fresh_demo import fresh_demo  # noqa: E402


def solve_and_publish(factory, programme_id: int, kind: PlanKind, today: date, time_limit_s: float) -> None:
    """Solve one service from its published plan (if any) and publish the result, as the coordinator pages do."""
    with factory() as session:
        base = plan_with_status(session, programme_id, kind, PlanStatus.PUBLISHED)
        job_id = queue_solve(session, programme_id, kind, None, base.id if base else None)
    run_solve(factory, job_id, time_limit_s, today)
    with factory() as session:
        plan = plan_with_status(session, programme_id, kind, PlanStatus.PROPOSED) or \
            plan_with_status(session, programme_id, kind, PlanStatus.DRAFT)
        publish(session, programme_id, plan.id, plan.lock_version, None, today)


def count_clashes(session, programme_id: int, today: date) -> dict[str, int]:
    """Overlapping pairs of one tutor's published dated items from today on, by the kinds of the pair, and the items."""
    counts = {"visit-session": 0, "visit-visit": 0, "session-session": 0, "visit": 0, "session": 0}
    for tutor_id in session.scalars(select(Tutor.id).where(Tutor.programme_id == programme_id)):
        items = [i for i in tutor_schedule(session, programme_id, tutor_id, today) if not i.cancelled]
        for k, a in enumerate(items):
            counts[a.kind] += 1
            for b in items[k + 1:]:
                if b.on_date != a.on_date:
                    break
                if b.start < a.end and a.start < b.end:
                    counts["-".join(sorted((a.kind, b.kind), reverse=True))] += 1
    return counts


def past_sessions(session, programme_id: int, today: date) -> tuple[int, int]:
    """Published study-room sessions dated before today, and all of them."""
    plan = plan_with_status(session, programme_id, PlanKind.ROOMS, PlanStatus.PUBLISHED)
    if plan is None:
        return 0, 0
    query = select(func.count()).select_from(RoomSession).where(RoomSession.plan_id == plan.id)
    return session.scalar(query.where(RoomSession.on_date < today)), session.scalar(query)


def run_order(order: list[str], today: date, time_limit_s: float) -> str:
    """Load the demo, solve and publish the services in this order, and describe the clashes left."""
    with fresh_demo() as (factory, programme_id):
        started, cpu = time.perf_counter(), time.process_time()
        for kind in order:
            solve_and_publish(factory, programme_id, PlanKind(kind), today, time_limit_s)
        with factory() as session:
            counts = count_clashes(session, programme_id, today)
            past, total = past_sessions(session, programme_id, today)
            visits_plan = plan_with_status(session, programme_id, PlanKind.VISITS, PlanStatus.PUBLISHED)
            weekly = session.scalar(select(func.count()).select_from(Visit).where(Visit.plan_id == visits_plan.id))
    return (f"{' then '.join(order):<20} clashes from {today}: visit-session {counts['visit-session']}, "
            f"visit-visit {counts['visit-visit']}, session-session {counts['session-session']}; "
            f"sessions before today {past} of {total}; weekly visits {weekly}; tutors' dated visits from today "
            f"{counts['visit']}, session places {counts['session']}; "
            f"time {time.perf_counter() - started:.1f}s cpu {time.process_time() - cpu:.1f}s")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", default="2026-11-30", type=date.fromisoformat)
    parser.add_argument("--time-limit", default=10.0, type=float)
    parser.add_argument("--orders", nargs="+", default=["visits,rooms", "rooms,visits"])
    args = parser.parse_args()
    for order in args.orders:
        print(run_order(order.split(","), args.today, args.time_limit), flush=True)


if __name__ == "__main__":
    main()
