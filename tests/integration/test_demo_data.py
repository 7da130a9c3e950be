"""The demo data: a fresh database migrated by Alembic, loaded once, looks like the ward it describes."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import (
    Base, CalendarEntry, CalendarKind, Household, Site, Student, StudentNeed, Tutor, UserAccount,
)
from matching.passwords import verify_password
from seed_data.demo import DEMO_ACCOUNTS, DemoSummary, load_demo
from seed_data.ward import WARD_BOX

# Salted on every hash, so two loads can never agree on it; login is tested separately.
NONDETERMINISTIC_COLUMNS = {("user_account", "password_hash")}


def _load(path) -> tuple[object, DemoSummary]:
    """A fresh SQLite database at path with the demo loaded; returns its engine and the summary."""
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        summary = load_demo(session)
    return engine, summary


def _digest(engine) -> str:
    """A SHA-256 over every row of every table, in primary-key order."""
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [column for column in table.columns if (table.name, column.name) not in NONDETERMINISTIC_COLUMNS]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            digest.update(table.name.encode())
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One loaded demo database shared by the read-only tests of this module (loading costs a second)."""
    engine, summary = _load(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield engine, summary
    engine.dispose()


@pytest.fixture
def demo(loaded):
    """A session on the shared demo database, and what load_demo reported."""
    engine, summary = loaded
    with make_session_factory(engine)() as session:
        yield session, summary


def test_summary_counts_match_the_rows(demo):
    session, summary = demo
    assert summary.sites == len(session.scalars(select(Site)).all()) == 7
    assert summary.students == len(session.scalars(select(Student)).all())
    assert summary.tutors == len(session.scalars(select(Tutor)).all())
    assert summary.households == len(session.scalars(select(Household)).all())
    assert summary.calendar_entries == len(session.scalars(select(CalendarEntry)).all())
    assert summary.needs == len(session.scalars(select(StudentNeed)).all())
    assert summary.accounts == DEMO_ACCOUNTS


def test_seven_sites_each_target_80_sessions_a_year(demo):
    session, _ = demo
    sites = session.scalars(select(Site)).all()
    assert [site.target_sessions for site in sites] == [80] * 7
    for site in sites:
        assert 1 <= len(site.openings) <= 3
        for opening in site.openings:
            if opening.weekday < 5:  # weekday evenings
                assert (opening.start_minute, opening.end_minute) == (18 * 60, 20 * 60)
            else:  # Saturday afternoons
                assert (opening.weekday, opening.start_minute, opening.end_minute) == (5, 14 * 60, 16 * 60)


def test_about_150_children_and_70_tutors(demo):
    _, summary = demo
    assert 140 <= summary.students <= 160
    assert 60 <= summary.tutors <= 80
    assert summary.households < summary.students


def test_a_fifth_of_households_speak_another_language(demo):
    session, _ = demo
    languages = session.scalars(select(Household.language)).all()
    share = sum(language != "ja" for language in languages) / len(languages)
    assert 0.15 <= share <= 0.25


def test_grades_are_school_grades_and_chu3_is_the_largest(demo):
    session, _ = demo
    grades = Counter(session.scalars(select(Student.grade)))
    assert all(1 <= grade <= 12 for grade in grades)
    assert grades.most_common(1)[0][0] == 9


def test_every_coordinate_lies_inside_the_ward(demo):
    session, _ = demo
    places = [*session.scalars(select(Site)), *session.scalars(select(Household)), *session.scalars(select(Tutor))]
    outside = [place for place in places if not WARD_BOX.contains(place.lat, place.lon)]
    assert outside == []


def test_calendar_holds_national_holidays_closure_and_exam_run_up(demo):
    session, _ = demo
    entries = session.scalars(select(CalendarEntry)).all()
    holidays = {entry.starts_on: entry.name for entry in entries if entry.kind is CalendarKind.HOLIDAY}
    assert holidays[date(2026, 11, 3)] == "文化の日"
    kinds = {(entry.kind, entry.starts_on, entry.ends_on) for entry in entries}
    assert (CalendarKind.CLOSURE, date(2026, 12, 29), date(2027, 1, 3)) in kinds
    assert (CalendarKind.INTENSIVE, date(2027, 1, 10), date(2027, 2, 20)) in kinds
    assert any(entry.kind is CalendarKind.EXAM and entry.site_id is not None for entry in entries)


def test_demo_accounts_log_in_with_their_password(demo):
    session, _ = demo
    for account in DEMO_ACCOUNTS:
        row = session.scalars(select(UserAccount).where(UserAccount.login == account.login)).one()
        assert row.role is account.role
        assert verify_password(row.password_hash, account.password)
    tutor_account = session.scalars(select(UserAccount).where(UserAccount.login == "tutor")).one()
    assert tutor_account.tutor is not None and tutor_account.tutor.full_name == tutor_account.display_name


def test_the_same_seed_gives_identical_data(loaded, tmp_path, monkeypatch):
    # Hashes are left out of the digest, so the second load skips argon2's cost.
    monkeypatch.setattr("seed_data.demo.hash_password", lambda password: "not-hashed")
    first, _ = loaded
    second, _ = _load(tmp_path / "second.sqlite")
    try:
        assert _digest(first) == _digest(second)
    finally:
        second.dispose()
