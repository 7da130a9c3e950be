"""The benchmark's large-programme generator gives the asked counts and the same rows for the same seed."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from matching.db import make_engine, make_session_factory
from matching.models import Household, Student, StudentNeed, Tutor, TutorSubject, UserAccount
from matching.passwords import verify_password
from seed_data.large_programme import (
    COORDINATOR_LOGIN, COORDINATOR_PASSWORD, LargeSummary, children_per_household, load_large_programme,
)

CHILDREN, TUTORS = 300, 90


def _load(template: str, path, seed: int = 1) -> tuple[object, LargeSummary]:
    """A copy of the migrated template at path with a small large-programme loaded."""
    shutil.copyfile(template, path)
    engine = make_engine(f"sqlite:///{path}")
    with make_session_factory(engine)() as session:
        summary = load_large_programme(session, CHILDREN, TUTORS, seed=seed)
    return engine, summary


def _rows(engine) -> list[tuple]:
    """What a coordinator sees of every child and tutor, in primary-key order."""
    with engine.connect() as connection:
        students = connection.execute(select(
            Student.id, Student.family_name, Student.given_name_kana, Student.grade, Student.school,
            Student.home_site_id, Student.created_at).order_by(Student.id)).all()
        tutors = connection.execute(select(
            Tutor.id, Tutor.family_name, Tutor.given_name_kana, Tutor.kind, Tutor.affiliation, Tutor.lat,
            Tutor.created_at).order_by(Tutor.id)).all()
        needs = connection.execute(select(StudentNeed.student_id, StudentNeed.subject).order_by(StudentNeed.id)).all()
        subjects = connection.execute(select(TutorSubject.tutor_id, TutorSubject.subject)
                                      .order_by(TutorSubject.id)).all()
    return [*students, *tutors, *needs, *subjects]


@pytest.fixture(scope="module")
def loaded(sqlite_template, tmp_path_factory):
    """One small large-programme on SQLite, shared by the read-only tests, and what the loader reported."""
    engine, summary = _load(sqlite_template, tmp_path_factory.mktemp("large") / "large.sqlite3")
    yield engine, summary
    engine.dispose()


def test_household_sizes_add_up_to_the_asked_number_of_children():
    assert sum(children_per_household(10_000)) == 10_000
    assert sum(children_per_household(CHILDREN)) == CHILDREN


def test_loads_the_asked_numbers_of_children_and_tutors(loaded):
    engine, summary = loaded
    assert (summary.students, summary.tutors) == (CHILDREN, TUTORS)
    with make_session_factory(engine)() as session:
        assert session.scalar(select(func.count(Student.id))) == CHILDREN
        assert session.scalar(select(func.count(Tutor.id))) == TUTORS
        assert session.scalar(select(func.count(Household.id))) == summary.households < CHILDREN
        assert session.scalar(select(func.count(StudentNeed.id))) == summary.needs >= CHILDREN


def test_one_coordinator_account_logs_in(loaded):
    engine, _ = loaded
    with make_session_factory(engine)() as session:
        accounts = session.scalars(select(UserAccount)).all()
    assert [account.login for account in accounts] == [COORDINATOR_LOGIN]
    assert verify_password(accounts[0].password_hash, COORDINATOR_PASSWORD)


def test_the_same_seed_gives_the_same_rows_and_another_seed_does_not(loaded, sqlite_template, tmp_path,
                                                                    monkeypatch):
    # Accounts are left out of the comparison, so the extra loads skip argon2's cost.
    monkeypatch.setattr("seed_data.large_programme.hash_password", lambda password: "not-hashed")
    first, _ = loaded
    again, _ = _load(sqlite_template, tmp_path / "again.sqlite3")
    other, _ = _load(sqlite_template, tmp_path / "other.sqlite3", seed=2)
    try:
        assert _rows(first) == _rows(again)
        assert _rows(first) != _rows(other)
    finally:
        again.dispose()
        other.dispose()
