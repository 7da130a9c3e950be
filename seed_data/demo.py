"""The demo: a fictional ward's programme for school year 2026, loaded from one fixed seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from matching.models import Programme, Role, UserAccount
from matching.models.base import Timestamped
from matching.passwords import hash_password
from seed_data.demo_calendar import ENDS_ON, SCHOOL_YEAR, STARTS_ON, build_calendar
from seed_data.demo_households import build_households
from seed_data.demo_sites import build_sites
from seed_data.demo_tutors import build_tutors
from seed_data.ward import MUNICIPALITY

SEED = 2026
# Rows are stamped with the demo's "today" instead of the wall clock, so two loads are identical.
DEMO_STAMP = datetime(2026, 11, 22, 0, 0, tzinfo=timezone.utc)
DEMO_TUTOR_NAME = ("青木", "あおき", "遥", "はるか")


@dataclass(frozen=True)
class DemoAccount:
    """A demo login: who signs in, with which password, in which role and under which name."""

    login: str
    password: str
    role: Role
    display_name: str


# Demo-only credentials, printed by the demo start command; never use them on a real deployment.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "demo-admin-2026", Role.ADMIN, "事業担当（管理者）"),
    DemoAccount("coordinator", "demo-coordinator-2026", Role.COORDINATOR, "コーディネーター 山下"),
    DemoAccount("coordinator2", "demo-coordinator-2026", Role.COORDINATOR, "コーディネーター 西村"),
    DemoAccount("tutor", "demo-tutor-2026", Role.TUTOR, f"{DEMO_TUTOR_NAME[0]} {DEMO_TUTOR_NAME[2]}"),
)


@dataclass(frozen=True)
class DemoSummary:
    """What load_demo inserted: row counts and the accounts that can log in."""

    sites: int
    students: int
    tutors: int
    households: int
    calendar_entries: int
    needs: int
    accounts: tuple[DemoAccount, ...]


def stamped(row: object) -> object:
    """The row with its created/updated stamps set to the demo's fixed time."""
    if isinstance(row, Timestamped):
        row.created_at = row.updated_at = DEMO_STAMP
    return row


def load_demo(session: Session) -> DemoSummary:
    """Insert and commit the demo programme, its sites, calendar, families, tutors and accounts."""
    rng = random.Random(SEED)
    programme = Programme(
        name=f"{MUNICIPALITY} 子どもの学習・生活支援事業",
        municipality=MUNICIPALITY,
        school_year=SCHOOL_YEAR,
        starts_on=STARTS_ON,
        ends_on=ENDS_ON,
        timezone="Asia/Tokyo",
        office_name=f"{MUNICIPALITY} 学習支援事務局",
        office_phone="03-5550-0100",
        office_email="gakushu-shien@example.jp",
        office_hours="平日 9:00〜17:00",
    )
    # Households and tutors refer to the programme by id only, so it gets its id first.
    session.add(stamped(programme))
    session.flush()
    sites = build_sites(programme)
    calendar = build_calendar(rng, programme, sites)
    households = build_households(rng, programme, sites)
    tutors = build_tutors(rng, programme, sites, DEMO_TUTOR_NAME)
    accounts = [
        UserAccount(
            login=account.login,
            display_name=account.display_name,
            password_hash=hash_password(account.password),
            role=account.role,
            tutor=tutors[0] if account.role is Role.TUTOR else None,
        )
        for account in DEMO_ACCOUNTS
    ]
    # Adding in a fixed order keeps primary keys the same from one load to the next.
    session.add_all([*sites, *calendar, *households, *tutors, *accounts])
    for row in session.new:
        stamped(row)
    session.commit()
    students = [student for household in households for student in household.students]
    return DemoSummary(
        sites=len(sites),
        students=len(students),
        tutors=len(tutors),
        households=len(households),
        calendar_entries=len(calendar),
        needs=sum(len(student.needs) for student in students),
        accounts=DEMO_ACCOUNTS,
    )
