"""A new school year: grades advance, 中3 leave unless kept, tutors and sites carry over, the old year is unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import (
    CalendarEntry, CalendarKind, Household, Mode, Programme, Site, Student, Tutor, TutorSite, UserAccount, Role,
)
from matching.closed_years import YearClosed
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.site_intake import site_for_edit
from matching.services.new_school_year import new_year_preview, start_next_year
from matching.services.programme import current_programme
from tests.factories import (
    make_account, make_calendar_entry, make_household, make_programme, make_site, make_student, make_tutor,
)

TODAY = date(2027, 3, 20)


def snapshot(session: Session, programme_id: int) -> dict:
    """Every value of a year's own rows, to compare before and after."""
    session.expire_all()
    programme = session.get(Programme, programme_id)
    students = session.scalars(select(Student).join(Household).where(Household.programme_id == programme_id)
                               .order_by(Student.id)).all()
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == programme_id).order_by(Tutor.id)).all()
    return {
        "programme": (programme.name, programme.school_year, programme.starts_on, programme.ends_on),
        "sites": [(s.id, s.name, s.capacity, [(o.weekday, o.start_minute) for o in s.openings])
                  for s in programme.sites],
        "students": [(s.id, s.household_id, s.grade, s.active, s.home_site_id, s.version_id,
                      [(n.id, n.subject) for n in s.needs]) for s in students],
        "tutors": [(t.id, t.version_id, t.active_until, [(x.subject, x.min_grade) for x in t.subjects],
                    [x.site_id for x in t.sites]) for t in tutors],
        "calendar": [(e.id, e.kind, e.starts_on) for e in session.scalars(
            select(CalendarEntry).where(CalendarEntry.programme_id == programme_id).order_by(CalendarEntry.id))],
    }


@pytest.fixture
def year(session):
    """School year 2026: a site, siblings (中3 and 中1), a kept 中3, a 高3, a child no longer supported,
    a tutor who goes on (with an account) and one whose activity ended in January."""
    programme = make_programme(session)
    site = make_site(session, programme)
    make_calendar_entry(session, programme, CalendarKind.HOLIDAY, date(2026, 5, 5), name="こどもの日")
    siblings = make_household(session, programme)
    leaver = make_student(session, siblings, grade=9)
    younger = make_student(session, siblings, grade=7, mode=Mode.STUDY_ROOM, home_site_id=site.id)
    kept = make_student(session, make_household(session, programme), grade=9)
    senior = make_student(session, make_household(session, programme), grade=12)
    stopped = make_student(session, make_household(session, programme), grade=4, active=False)
    tutor = make_tutor(session, programme)
    tutor.sites = [TutorSite(site_id=site.id, preferred=True)]
    gone = make_tutor(session, programme, active_until=date(2027, 1, 31))
    account = make_account(session, "tutor", "a tutor password", Role.TUTOR, tutor=tutor)
    session.commit()
    return dict(programme=programme.id, site=site.id, leaver=leaver.id, younger=younger.id, kept=kept.id,
                senior=senior.id, stopped=stopped.id, tutor=tutor.id, gone=gone.id, account=account.id)


def test_the_preview_lists_the_middle_school_leavers_to_decide_about(session, year):
    preview = new_year_preview(session, year["programme"])
    assert preview.next_school_year == 2027
    assert {child.student_id for child in preview.graduating} == {year["leaver"], year["kept"]}
    assert (preview.sites, preview.tutors, preview.children, preview.leaving_high_school) == (1, 1, 4, 1)


def test_grades_advance_and_middle_school_leavers_leave_unless_kept(session, year):
    result = start_next_year(session, year["programme"], {year["kept"]}, None, TODAY)
    new = current_programme(session)
    assert new.id == result.programme_id and new.school_year == 2027
    assert (new.starts_on, new.ends_on) == (date(2027, 4, 1), date(2028, 3, 31))
    children = session.scalars(select(Student).join(Household).where(Household.programme_id == new.id)).all()
    grades = sorted((child.given_name, child.grade) for child in children)
    old = {s.id: s for s in session.scalars(select(Student).where(Student.id.in_([year["younger"], year["kept"]])))}
    assert grades == sorted([(old[year["younger"]].given_name, 8), (old[year["kept"]].given_name, 10)])
    assert (result.children, result.left, result.households) == (2, 2, 2)
    younger = next(child for child in children if child.grade == 8)
    assert younger.home_site.programme_id == new.id and younger.needs[0].subject == "math"


def test_sites_active_tutors_and_the_new_years_holidays_carry_over(session, year):
    result = start_next_year(session, year["programme"], set(), None, TODAY)
    sites = session.scalars(select(Site).where(Site.programme_id == result.programme_id)).all()
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == result.programme_id)).all()
    assert len(sites) == 1 and len(sites[0].openings) == 2
    assert len(tutors) == 1 and [s.site_id for s in tutors[0].sites] == [sites[0].id]
    assert tutors[0].active_from == date(2027, 4, 1) and len(tutors[0].subjects) == 2
    assert session.get(UserAccount, year["account"]).tutor_id == tutors[0].id  # the tutor keeps their login
    holidays = session.scalars(select(CalendarEntry.starts_on).where(
        CalendarEntry.programme_id == result.programme_id, CalendarEntry.kind == CalendarKind.HOLIDAY)).all()
    assert date(2027, 4, 29) in holidays and date(2028, 1, 1) in holidays and result.holidays == len(holidays)


def test_the_old_year_stays_unchanged_readable_and_read_only(session, year):
    before = snapshot(session, year["programme"])
    start_next_year(session, year["programme"], {year["kept"]}, None, TODAY)
    assert snapshot(session, year["programme"]) == before
    old = session.get(Programme, year["programme"])
    assert old.closed_on == TODAY
    with pytest.raises(ValidationFailed):  # a closed year cannot start another
        start_next_year(session, year["programme"], set(), None, TODAY)
    current = current_programme(session)
    with pytest.raises(NotFound):  # the pages edit the current year only: the old site is not found there
        site_for_edit(session, current.id, year["site"])
    assert site_for_edit(session, year["programme"], year["site"]).data.name  # still readable


def test_nothing_can_be_written_into_a_closed_year(session, year):
    start_next_year(session, year["programme"], set(), None, TODAY)
    session.get(Site, year["site"]).name = "書き換え"
    with pytest.raises(YearClosed):
        session.commit()
    session.rollback()
    session.get(Student, year["younger"]).needs[0].visits_per_week = 3
    with pytest.raises(YearClosed):
        session.commit()
    session.rollback()
    with pytest.raises(YearClosed):
        make_household(session, session.get(Programme, year["programme"]))
    session.rollback()
    assert session.get(Site, year["site"]).name != "書き換え"
