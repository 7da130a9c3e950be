"""A large programme for benchmarks: the demo's ward, sites and shares, scaled to thousands of children and tutors."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import cycle, islice

from sqlalchemy.orm import Session

from matching.models import Programme, Role, UserAccount
from matching.passwords import hash_password
from seed_data.demo import DEMO_TUTOR_NAME, stamped
from seed_data.demo_calendar import ENDS_ON, SCHOOL_YEAR, STARTS_ON, build_calendar
from seed_data.demo_households import CHILDREN_PER_HOUSEHOLD, HOUSEHOLD_LANGUAGES, build_households
from seed_data.demo_sites import build_sites
from seed_data.demo_tutors import TUTOR_KINDS, build_tutors
from seed_data.ward import MUNICIPALITY

# Benchmark-only credentials: the one account the page benchmark signs in with.
COORDINATOR_LOGIN = "coordinator"
COORDINATOR_PASSWORD = "large-coordinator-2026"
# Rows per flush: small enough to keep each INSERT batch cheap, large enough to amortise the round trips.
BATCH = 1000


@dataclass(frozen=True)
class LargeSummary:
    """What load_large_programme inserted."""

    programme_id: int
    sites: int
    households: int
    students: int
    needs: int
    tutors: int


def children_per_household(n_students: int) -> tuple[int, ...]:
    """The demo's household sizes repeated, topped up with only children, summing to exactly n_students."""
    block = sum(CHILDREN_PER_HOUSEHOLD)
    return CHILDREN_PER_HOUSEHOLD * (n_students // block) + (1,) * (n_students % block)


def _repeated(shares: tuple, count: int) -> tuple:
    """The demo's shares cycled to count entries (the builders shuffle them)."""
    return tuple(islice(cycle(shares), count))


def _add_in_batches(session: Session, rows: list) -> None:
    """Add rows with their children a batch at a time, stamping every new row with the demo's time."""
    for start in range(0, len(rows), BATCH):
        session.add_all(rows[start:start + BATCH])
        for row in session.new:
            stamped(row)
        session.flush()


def load_large_programme(session: Session, n_students: int = 10_000, n_tutors: int = 3_000,
                         seed: int = 1) -> LargeSummary:
    """Insert and commit a programme of n_students children and n_tutors tutors, the same for the same seed."""
    rng = random.Random(seed)
    programme = Programme(name=f"{MUNICIPALITY} 子どもの学習・生活支援事業", municipality=MUNICIPALITY,
                          school_year=SCHOOL_YEAR, starts_on=STARTS_ON, ends_on=ENDS_ON, timezone="Asia/Tokyo")
    session.add(stamped(programme))
    session.flush()
    sites = build_sites(programme)
    _add_in_batches(session, [*sites, *build_calendar(rng, programme, sites)])
    sizes = children_per_household(n_students)
    households = build_households(rng, programme, sites, sizes, _repeated(HOUSEHOLD_LANGUAGES, len(sizes)))
    _add_in_batches(session, households)
    tutors = build_tutors(rng, programme, sites, DEMO_TUTOR_NAME, _repeated(TUTOR_KINDS, n_tutors))
    _add_in_batches(session, tutors)
    # One argon2 hash in all: the benchmark needs a single login, not an account per row.
    account = UserAccount(login=COORDINATOR_LOGIN, display_name="コーディネーター（ベンチマーク）",
                          password_hash=hash_password(COORDINATOR_PASSWORD), role=Role.COORDINATOR)
    _add_in_batches(session, [account])
    session.commit()
    students = [student for household in households for student in household.students]
    return LargeSummary(programme_id=programme.id, sites=len(sites), households=len(households),
                        students=len(students), needs=sum(len(student.needs) for student in students),
                        tutors=len(tutors))
