"""Reminders the day before a visit: to the tutor who goes (or the substitute) and to the family, once each."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from matching.models import Channel, Notification, OccurrenceStatus, PlanKind
from matching.notify.reminders import queue_reminders
from tests.factories import make_household, make_programme, make_student, make_tutor
from tests.plan_factories import add_visit, make_plan

TUESDAY = date(2026, 11, 24)


def _world(session):
    programme = make_programme(session)
    family = make_household(session, programme, language="vi", email="family@example.jp",
                            preferred_channel=Channel.EMAIL)
    tutor, stand_in = make_tutor(session, programme, given_name="太郎"), make_tutor(session, programme, given_name="次郎")
    visit = add_visit(session, make_plan(session, programme, PlanKind.VISITS), make_student(session, family), tutor,
                      [TUESDAY, date(2026, 12, 1)])
    session.commit()
    return programme, tutor, stand_in, visit


def test_one_reminder_to_the_tutor_and_one_to_the_family_in_its_language(session):
    programme, tutor, _, _ = _world(session)
    assert queue_reminders(session, programme.id, TUESDAY) == 2
    notices = {n.tutor_id is not None: n for n in session.scalars(select(Notification))}
    assert notices[True].tutor_id == tutor.id and "11月24日 18:00–20:00" in notices[True].body
    family = notices[False]
    assert family.channel is Channel.EMAIL and family.address == "family@example.jp"
    assert "Thứ Ba, 24/11/2026" in family.body and "明日(あした)" in family.body and "太郎" in family.body


def test_reminders_are_queued_once_however_often_the_round_runs(session):
    programme, *_ = _world(session)
    queue_reminders(session, programme.id, TUESDAY)
    assert queue_reminders(session, programme.id, TUESDAY) == 0
    assert len(session.scalars(select(Notification)).all()) == 2


def test_the_substitute_is_reminded_and_cancelled_dates_are_not(session):
    programme, tutor, stand_in, visit = _world(session)
    visit.occurrences[0].substitute_tutor_id = stand_in.id
    visit.occurrences[1].status = OccurrenceStatus.CANCELLED
    session.commit()
    queue_reminders(session, programme.id, TUESDAY)
    assert {n.tutor_id for n in session.scalars(select(Notification)) if n.tutor_id} == {stand_in.id}
    assert queue_reminders(session, programme.id, date(2026, 12, 1)) == 0
