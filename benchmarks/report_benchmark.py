"""Benchmark of the annual report (年次実績報告) on the 10,000-child programme with a year of attendance.

    python benchmarks/report_benchmark.py [--students 10000] [--tutors 3000] [--repeat 7]
                                          [--database-url postgresql://user:password@host:5432/postgres]

A fresh SQLite file (and, with --database-url, a fresh database on that PostgreSQL server, dropped
afterwards) is migrated by Alembic and seeded with seed_data/large_programme.py and a whole school year
of plans and attendance (seed_data/large_history.py). Then the annual report is built --repeat times
after a warm-up: the figures alone (build_report), and the whole export (figures, tables with small
cells hidden, the .xlsx). The target is a median of at most 2 s. Wall-clock and this process's CPU
seconds are printed side by side; the CPU figure leaves out the PostgreSQL server's own work.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text  # noqa: E402

from benchmarks.pages_benchmark import Database, postgres_database, sqlite_database  # noqa: E402
from matching.db import make_engine, make_session_factory, upgrade  # noqa: E402
from matching.models import Programme, RollCallChild, VisitAttendance  # noqa: E402
from matching.services.report.build import build_report  # noqa: E402
from matching.services.report.tables import masked, report_tables  # noqa: E402
from matching.services.report.workbook import report_workbook  # noqa: E402
from seed_data.large_history import load_large_history  # noqa: E402
from seed_data.large_programme import load_large_programme  # noqa: E402

TARGET_MEDIAN_S = 2.0
WARM_UP = 1


def seed(database: Database, students: int, tutors: int) -> str:
    """Migrate, load the large programme and its year; returns a line describing what was loaded."""
    upgrade(database.url)
    engine = make_engine(database.url)
    started = time.perf_counter()
    with make_session_factory(engine)() as session:
        summary = load_large_programme(session, students, tutors)
        history = load_large_history(session, summary.programme_id)
        attendances = session.scalar(select(func.count(VisitAttendance.id))), session.scalar(
            select(func.count(RollCallChild.id)))
    if engine.dialect.name == "postgresql":
        # Statistics a live server's autovacuum would gather within a minute of the bulk load.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    engine.dispose()
    return (f"{summary.students} children, {summary.tutors} tutors; {history.visits} visits and "
            f"{history.sessions} sessions marked ({attendances[0]} visit rows, {attendances[1]} child attendances); "
            f"seeded in {time.perf_counter() - started:.0f} s")


def timed(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Median wall and CPU seconds of runs calls after a warm-up."""
    for _ in range(WARM_UP):
        work()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def measure(database: Database, label: str, args: argparse.Namespace) -> None:
    """Seed one database and print the report's timings on it."""
    print(f"{label}: {seed(database, args.students, args.tutors)}; {database.size_mb():.0f} MB", flush=True)
    engine = make_engine(database.url)
    with make_session_factory(engine)() as session:
        programme = session.scalars(select(Programme)).one()
        year = (programme.starts_on, programme.ends_on, programme.ends_on)

        def figures():
            session.expire_all()
            return build_report(session, programme.id, *year)

        def export():
            return report_workbook(masked(report_tables(figures(), str)), str, programme.name)

        for name, work in (("figures (build_report)", figures), ("whole export (.xlsx)", export)):
            wall, cpu = timed(args.repeat, work)
            verdict = "ok" if wall <= TARGET_MEDIAN_S else "OVER TARGET"
            print(f"  {name:<24} median {wall:6.3f} s wall, {cpu:6.3f} s CPU   [{verdict}: target {TARGET_MEDIAN_S} s]",
                  flush=True)
        report = figures()
        print(f"  held {report.total.held} of {report.total.planned} sessions, {report.visits.done} of "
              f"{report.visits.planned} visits done")
    engine.dispose()


def main() -> None:
    """Run the benchmark on SQLite, then on PostgreSQL when a server URL is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--tutors", type=int, default=3_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default="", help="a PostgreSQL server to measure as well")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        databases = [("SQLite", sqlite_database(Path(folder), "report"))]
        if args.database_url:
            databases.append(("PostgreSQL", postgres_database(args.database_url, "report")))
        for label, database in databases:
            try:
                measure(database, label, args)
            finally:
                database.drop()


if __name__ == "__main__":
    main()
