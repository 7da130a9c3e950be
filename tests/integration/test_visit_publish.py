"""Publishing a home-visit plan: dated occurrences around holidays and absences, and what changed for whom."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from matching.models import (
    CalendarKind, ChangeKind, Plan, PlanChange, PlanStatus, Programme, Tutor, Visit, VisitOccurrence,
)
from matching.planning.lifecycle import publish
from matching.planning.visits.occurrences import weekly_dates
from tests.factories import make_calendar_entry, make_tutor_exception
from tests.integration.visit_world import TODAY, make_visit_world, tuesday_draft



def _dates(session, plan) -> list[date]:
    return list(session.scalars(select(VisitOccurrence.on_date).join(Visit).where(Visit.plan_id == plan.id)
                                .order_by(VisitOccurrence.on_date)))


def test_weekly_dates_fall_on_the_weekday_and_skip_given_days():
    assert weekly_dates(1, date(2026, 11, 1), date(2026, 11, 20), {date(2026, 11, 10)}) == [
        date(2026, 11, 3), date(2026, 11, 17)]


def test_occurrences_skip_national_holidays_and_closures_but_not_exams(session):
    world = make_visit_world(session)
    programme = session.get(Programme, world.programme_id)
    make_calendar_entry(session, programme, CalendarKind.HOLIDAY, date(2026, 11, 3), name="文化の日")
    make_calendar_entry(session, programme, CalendarKind.CLOSURE, date(2026, 12, 29), date(2027, 1, 3))
    make_calendar_entry(session, programme, CalendarKind.EXAM, date(2026, 10, 13), date(2026, 10, 20))
    make_calendar_entry(session, programme, CalendarKind.CLOSURE, date(2026, 10, 27), site_id=world.site_id)
    plan = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, plan.id, plan.lock_version, None, date(2026, 10, 1))
    dates = _dates(session, plan)
    assert dates[0] == date(2026, 10, 6) and dates[-1] == date(2027, 3, 30)
    assert all(d.weekday() == 1 for d in dates)
    assert date(2026, 11, 3) not in dates  # 文化の日
    assert date(2026, 12, 29) not in dates  # 年末年始
    assert date(2026, 10, 27) not in dates  # the child's home site is closed
    assert date(2026, 10, 13) in dates and date(2026, 10, 20) in dates  # exams do not stop home visits


def test_occurrences_start_today_and_skip_the_tutors_exception_dates(session):
    world = make_visit_world(session)
    make_tutor_exception(session, session.get(Tutor, world.tutor_ids[0]), date(2026, 12, 1), date(2026, 12, 8))
    plan = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, plan.id, plan.lock_version, None, TODAY)
    dates = _dates(session, plan)
    assert dates[0] == date(2026, 11, 24)  # nothing before today (Sunday 22 November)
    assert date(2026, 12, 1) not in dates and date(2026, 12, 8) not in dates
    assert date(2026, 12, 15) in dates
    occurrence = session.scalars(select(VisitOccurrence)).first()
    assert (occurrence.start_minute, occurrence.end_minute) == (18 * 60, 20 * 60)


def test_publish_records_kept_moved_new_and_dropped_per_child_and_tutor(session):
    world = make_visit_world(session)
    first = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, first.id, first.lock_version, None, TODAY)
    assert [(c.kind, c.student_id) for c in session.scalars(select(PlanChange))] == [
        (ChangeKind.NEW, world.student_ids[0])]
    second = tuesday_draft(session, world, [(0, 1, 17), (1, 0, 18)])
    publish(session, world.programme_id, second.id, second.lock_version, None, TODAY)
    changes = session.scalars(select(PlanChange).where(PlanChange.plan_id == second.id)
                              .order_by(PlanChange.student_id)).all()
    assert [(c.kind, c.student_id, c.tutor_id, c.site_id) for c in changes] == [
        (ChangeKind.MOVED, world.student_ids[0], world.tutor_ids[1], world.site_id),
        (ChangeKind.NEW, world.student_ids[1], world.tutor_ids[0], world.site_id),
    ]
    assert changes[0].detail["before"]["tutor_id"] == world.tutor_ids[0]
    assert changes[0].detail["after"]["start_minute"] == 17 * 60
    assert session.get(Plan, first.id).status is PlanStatus.ARCHIVED
    assert session.get(Plan, second.id).version == 2
    third = tuesday_draft(session, world, [(1, 0, 18)])
    publish(session, world.programme_id, third.id, third.lock_version, None, TODAY)
    kinds = sorted((c.kind.value, c.student_id) for c in session.scalars(
        select(PlanChange).where(PlanChange.plan_id == third.id)))
    assert kinds == [("dropped", world.student_ids[0]), ("kept", world.student_ids[1])]
