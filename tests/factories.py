"""Rows for tests: a small programme with sensible defaults, every field overridable."""

from __future__ import annotations

from datetime import date
from functools import cache
from itertools import count
from typing import Any

from sqlalchemy.orm import Session

from matching.models import (
    CalendarEntry, CalendarKind, Eligibility, Household, Mode, Plan, PlanKind, PlanStatus, Programme, ReferralSource,
    Role, Session as RoomSession, SessionStaff, Site, SiteOpening, Student, StudentAvailability, StudentNeed, Tutor,
    TutorAvailability, TutorException, TutorKind, TutorSite, TutorSubject, UserAccount,
)
from matching.passwords import hash_password

_numbers = count(1)


def make_programme(session: Session, **fields: Any) -> Programme:
    """A programme for school year 2026."""
    values = dict(name="テスト区 学習支援事業", municipality="テスト区", school_year=2026,
                  starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), office_name="テスト区 学習支援事務局",
                  office_phone="03-5550-0001", office_hours="平日 9:00〜17:00")
    programme = Programme(**{**values, **fields})
    session.add(programme)
    session.flush()
    return programme


def make_site(session: Session, programme: Programme, **fields: Any) -> Site:
    """A site open on Tuesday and Thursday evenings."""
    n = next(_numbers)
    values = dict(programme=programme, name=f"テスト会場{n}", address=f"テスト区1-{n}", lat=35.735, lon=139.65,
                  capacity=20)
    site = Site(**{**values, **fields})
    if "openings" not in fields:
        site.openings = [SiteOpening(weekday=day, start_minute=18 * 60, end_minute=20 * 60) for day in (1, 3)]
    session.add(site)
    session.flush()
    return site


def make_household(session: Session, programme: Programme, **fields: Any) -> Household:
    """A Japanese-speaking household that consented to sharing its contact with the tutor."""
    n = next(_numbers)
    values = dict(programme_id=programme.id, guardian_name=f"保護者{n}", guardian_name_kana=f"ほごしゃ{n}",
                  phone=f"03-5550-{n:04d}", address=f"テスト区2-{n}", lat=35.736, lon=139.651,
                  consent_share_contact=True, consent_share_contact_on=date(2026, 4, 10),
                  consent_data_use=True, consent_data_use_on=date(2026, 4, 10))
    household = Household(**{**values, **fields})
    session.add(household)
    session.flush()
    return household


def make_student(session: Session, household: Household, **fields: Any) -> Student:
    """A 中3 child needing math once a week, free Tuesday evening, for home visits."""
    n = next(_numbers)
    values = dict(household=household, family_name="試験", given_name=f"花子{n}", family_name_kana="しけん",
                  given_name_kana=f"はなこ{n}", grade=9, school="テスト中学校", mode=Mode.HOME_VISIT,
                  referral_source=ReferralSource.CASEWORKER, eligibility=Eligibility.WELFARE,
                  caseworker_notes="テスト用メモ", waiting_since=date(2026, 5, 1))
    student = Student(**{**values, **fields})
    if "needs" not in fields:
        student.needs = [StudentNeed(subject="math", level="基礎から", minutes_per_visit=120, visits_per_week=1)]
    if "availability" not in fields:
        student.availability = [StudentAvailability(weekday=1, start_minute=17 * 60, end_minute=21 * 60)]
    session.add(student)
    session.flush()
    return student


def make_tutor(session: Session, programme: Programme, **fields: Any) -> Tutor:
    """A university student who teaches math and English to 中1-中3 on Tuesday evenings."""
    n = next(_numbers)
    values = dict(programme_id=programme.id, family_name="講師", given_name=f"太郎{n}", family_name_kana="こうし",
                  given_name_kana=f"たろう{n}", kind=TutorKind.STUDENT_VOLUNTEER, affiliation="テスト大学",
                  email=f"tutor{n}@example.jp", lat=35.74, lon=139.655, active_from=date(2026, 4, 1),
                  pledge_signed_on=date(2026, 4, 1))
    tutor = Tutor(**{**values, **fields})
    if "subjects" not in fields:
        tutor.subjects = [TutorSubject(subject="math", min_grade=7, max_grade=9),
                          TutorSubject(subject="english", min_grade=7, max_grade=9)]
    if "availability" not in fields:
        tutor.availability = [TutorAvailability(weekday=1, start_minute=17 * 60, end_minute=21 * 60)]
    session.add(tutor)
    session.flush()
    return tutor


@cache
def _password_hash(password: str) -> str:
    # argon2 is slow on purpose; tests reuse one hash per password.
    return hash_password(password)


def make_account(session: Session, login: str, password: str, role: Role, tutor: Tutor | None = None) -> UserAccount:
    """An active account with an argon2-hashed password."""
    account = UserAccount(login=login, display_name=login, password_hash=_password_hash(password), role=role,
                          tutor_id=tutor.id if tutor else None)
    session.add(account)
    session.flush()
    return account


def make_calendar_entry(session: Session, programme: Programme, kind: CalendarKind, starts_on: date,
                        ends_on: date | None = None, **fields: Any) -> CalendarEntry:
    """A calendar entry of one day (or a period), programme-wide unless site_id is given."""
    entry = CalendarEntry(programme_id=programme.id, kind=kind, name=fields.pop("name", kind.value),
                          starts_on=starts_on, ends_on=ends_on or starts_on, **fields)
    session.add(entry)
    session.flush()
    return entry


def make_tutor_exception(session: Session, tutor: Tutor, starts_on: date, ends_on: date | None = None) -> TutorException:
    """Dates the tutor cannot come."""
    exception = TutorException(tutor_id=tutor.id, starts_on=starts_on, ends_on=ends_on or starts_on, reason="試験")
    session.add(exception)
    session.flush()
    return exception


def make_room_tutor(session: Session, programme: Programme, sites: list[Site], **fields: Any) -> Tutor:
    """A tutor free Tuesday and Thursday evenings who can reach the given sites (the first preferred)."""
    fields.setdefault("availability", [TutorAvailability(weekday=day, start_minute=17 * 60, end_minute=21 * 60)
                                       for day in (1, 3)])
    tutor = make_tutor(session, programme, **fields)
    tutor.sites = [TutorSite(site_id=site.id, preferred=k == 0) for k, site in enumerate(sites)]
    session.flush()
    return tutor


def make_room_child(session: Session, programme: Programme, site: Site | None, **fields: Any) -> Student:
    """A study-room child of a new household, free Tuesday and Thursday evenings, with a home site."""
    fields.setdefault("availability", [StudentAvailability(weekday=day, start_minute=17 * 60, end_minute=21 * 60)
                                       for day in (1, 3)])
    return make_student(session, make_household(session, programme), mode=Mode.STUDY_ROOM,
                        home_site_id=site.id if site else None, **fields)


def make_room_plan(session: Session, programme: Programme, site: Site, tutor: Tutor,
                   on_date: date = date(2026, 6, 2)) -> Plan:
    """A draft rooms plan with one session staffed by the tutor."""
    plan = Plan(programme_id=programme.id, kind=PlanKind.ROOMS, status=PlanStatus.DRAFT, solver_status="feasible",
                report={"shortfalls": []})
    plan.sessions = [RoomSession(site_id=site.id, on_date=on_date, start_minute=18 * 60, end_minute=20 * 60,
                                 staff=[SessionStaff(tutor_id=tutor.id)])]
    session.add(plan)
    session.flush()
    return plan
