"""Benchmark of the roster import: a workbook of sites, tutors and children (siblings in pairs) into a fresh database.

    python benchmarks/roster_benchmark.py [--children 1000] [--tutors 300] [--sites 7]

The file is built in memory (every second household has two children), imported into a fresh SQLite
file migrated by Alembic, then imported again (every row an update, nothing added). Each step prints
wall-clock and CPU seconds of this process; CPU time is less disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.db import make_engine, make_session_factory, upgrade  # noqa: E402
from matching.models import Programme  # noqa: E402
from matching.roster.importer import import_roster  # noqa: E402
from tests.roster_files import ELDER, SITE, TUTOR, workbook  # noqa: E402


def roster(children: int, tutors: int, sites: int) -> bytes:
    """A workbook with the given numbers of rows; households of one or two children."""
    site_rows = [{**SITE, "会場ID": f"S{i:02d}", "会場名": f"会場{i}"} for i in range(sites)]
    tutor_rows = [{**TUTOR, "講師ID": f"T{i:04d}", "メール": f"t{i}@example.jp", "通える会場": f"会場{i % sites}"}
                  for i in range(tutors)]
    child_rows = [{**ELDER, "子どもID": f"C{i:05d}", "世帯キー": f"H{i // 2 if i % 4 < 2 else i:05d}",
                   "電話": f"03-0000-{i // 2 if i % 4 < 2 else i:04d}"} for i in range(children)]
    return workbook(site_rows, tutor_rows, child_rows)


def timed(label: str, step) -> None:
    """Run a step and print its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    print(f"{label:<12} wall {time.perf_counter() - wall:6.2f} s   cpu {time.process_time() - cpu:6.2f} s   {result}")


def main() -> None:
    """Build the file, import it twice and print the timings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=1000)
    parser.add_argument("--tutors", type=int, default=300)
    parser.add_argument("--sites", type=int, default=7)
    args = parser.parse_args()
    content = roster(args.children, args.tutors, args.sites)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/roster.sqlite3"
        upgrade(url)
        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            programme = Programme(name="ベンチ区", municipality="ベンチ区", school_year=2026,
                                  starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
            session.add(programme)
            session.commit()
            run = lambda: import_roster(session, programme.id, "roster.xlsx", content, None, None, True)  # noqa: E731
            print(f"{args.sites} sites, {args.tutors} tutors, {args.children} children ({len(content)} bytes)")
            timed("first import", run)
            timed("re-import", run)
        engine.dispose()


if __name__ == "__main__":
    main()
