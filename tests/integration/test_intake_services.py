"""The intake services on SQLite and PostgreSQL: rules, audit without personal data, and optimistic locking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from matching.access_policy import Viewer
from matching.db import make_engine, make_session_factory
from matching.models import (
    AuditEntry, CalendarEntry, Channel, Eligibility, Mode, ReferralSource, Student, TutorKind,
)
from matching.services.errors import StaleEdit, ValidationFailed
from matching.services.intake.calendar_intake import fill_national_holidays
from matching.services.intake.site_intake import site_for_edit, update_site
from matching.services.intake.student_intake import (
    HouseholdInput, NeedInput, SensitiveInput, StudentInput, create_student, student_for_edit, update_student,
)
from matching.services.intake.tutor_intake import SubjectInput, TutorInput, create_tutor, tutor_for_edit
from tests.factories import make_programme, make_site, make_tutor

HOUSEHOLD = HouseholdInput("山田 花子", "やまだ はなこ", "03-1234-5678", "", "", "みどり区1", 35.7, 139.6, "ja",
                           Channel.PHONE, True, date(2026, 10, 1), True, date(2026, 10, 1))
CHILD = StudentInput(family_name="山田", given_name="一郎", family_name_kana="やまだ", given_name_kana="いちろう",
                     grade=9, school="みどり中", gender=None, mode=Mode.HOME_VISIT, home_site_id=None, priority=1,
                     required_tutor_gender=None, referral_source=ReferralSource.GUARDIAN, waiting_since=None,
                     household=HOUSEHOLD, needs=(NeedInput("math", "基礎"),), availability=((1, 1080, 1200),),
                     sensitive=SensitiveInput(Eligibility.LOW_INCOME, "メモ"))
TUTOR = TutorInput(family_name="佐藤", given_name="健", family_name_kana="さとう", given_name_kana="けん",
                   kind=TutorKind.OTHER, affiliation="", email="sato@example.jp",
                   phone="", gender=None, languages="ja", postal_code="", address="", lat=35.7, lon=139.6, max_visits_per_week=2,
                   max_sessions_per_month=4, max_travel_minutes=30, pledge_signed_on=None,
                   active_from=date(2026, 4, 1), active_until=None, notes="",
                   subjects=(SubjectInput("math", 7, 9),))


def test_a_child_is_created_with_the_household_and_audited_without_personal_data(session):
    programme = make_programme(session)
    student_id = create_student(session, programme.id, CHILD, user_id=None)
    student = session.get(Student, student_id)
    assert student.household.guardian_name == "山田 花子" and student.eligibility == Eligibility.LOW_INCOME
    [entry] = session.scalars(select(AuditEntry)).all()
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "student", student_id)
    assert "山田" not in str(entry.detail)


def test_domain_rules_name_the_fields_they_concern(session):
    programme = make_programme(session)
    bad = replace(CHILD, mode=Mode.STUDY_ROOM, needs=(NeedInput("math"), NeedInput("math")),
                  availability=((1, 1080, 1200), (1, 1140, 1260)))
    with pytest.raises(ValidationFailed) as failure:
        create_student(session, programme.id, bad, user_id=None)
    assert failure.value.field_errors == {
        "home_site_id": "home_site_required", "needs-1-subject": "duplicate_subject", "availability": "window_overlap"}


def test_editing_without_sensitive_input_keeps_the_stored_eligibility(session):
    programme = make_programme(session)
    student_id = create_student(session, programme.id, CHILD, user_id=None)
    loaded = student_for_edit(session, programme.id, student_id, Viewer.ADMIN, user_id=None)
    assert loaded.data.sensitive is None
    update_student(session, programme.id, student_id, replace(loaded.data, school="別の中学校"), loaded.version, None)
    student = session.get(Student, student_id)
    assert (student.school, student.eligibility, student.caseworker_notes) == ("別の中学校", Eligibility.LOW_INCOME,
                                                                              "メモ")


def test_a_save_on_a_version_that_moved_on_is_refused(session):
    programme = make_programme(session)
    student_id = create_student(session, programme.id, CHILD, user_id=None)
    update_student(session, programme.id, student_id, replace(CHILD, school="一人目"), 1, None)
    with pytest.raises(StaleEdit):
        update_student(session, programme.id, student_id, replace(CHILD, school="二人目"), 1, None)
    assert session.get(Student, student_id).school == "一人目"


def test_a_save_racing_another_between_check_and_commit_is_refused(session, database_url):
    programme = make_programme(session)
    student_id = create_student(session, programme.id, CHILD, user_id=None)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as other:
        version = other.get(Student, student_id).version_id  # the other editor's session holds version 1
        update_student(session, programme.id, student_id, replace(CHILD, school="先"), 1, None)
        with pytest.raises(StaleEdit):
            update_student(other, programme.id, student_id, replace(CHILD, school="後"), version, None)
    engine.dispose()
    session.expire_all()
    assert session.get(Student, student_id).school == "先"


def test_tutor_rules_grade_range_overlap_and_email(session):
    programme = make_programme(session)
    make_tutor(session, programme, email="taken@example.jp")
    bad = replace(TUTOR, email="taken@example.jp", active_until=date(2026, 3, 1),
                  subjects=(SubjectInput("math", 9, 7), SubjectInput("english", 1, 6), SubjectInput("english", 6, 9)))
    with pytest.raises(ValidationFailed) as failure:
        create_tutor(session, programme.id, bad, user_id=None)
    assert failure.value.field_errors == {
        "email": "duplicate_email", "active_until": "period_end_before_start",
        "subjects-0-max_grade": "grade_range", "subjects-2-subject": "duplicate_subject"}


def test_a_tutor_round_trips_through_the_edit_form_values(session):
    programme = make_programme(session)
    tutor_id = create_tutor(session, programme.id, TUTOR, user_id=None)
    assert tutor_for_edit(session, programme.id, tutor_id).data == TUTOR


def test_a_site_edit_on_an_old_version_is_refused(session):
    programme = make_programme(session)
    site = make_site(session, programme)
    session.commit()
    loaded = site_for_edit(session, programme.id, site.id)
    update_site(session, programme.id, site.id, replace(loaded.data, capacity=30), loaded.version, None)
    with pytest.raises(StaleEdit):
        update_site(session, programme.id, site.id, replace(loaded.data, capacity=12), loaded.version, None)


def test_national_holidays_are_filled_in_once(session):
    programme = make_programme(session)
    added = fill_national_holidays(session, programme.id, user_id=None)
    assert added >= 15
    assert fill_national_holidays(session, programme.id, user_id=None) == 0
    days = session.scalars(select(CalendarEntry.starts_on)).all()
    assert len(days) == len(set(days)) == added and date(2026, 4, 29) in days
