"""After a publish only the tutors and families whose dates changed are told; a down server loses nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from matching.models import Channel, Notification, NotificationStatus, PlanKind, PlanStatus, Visit
from matching.notify.outbox import backoff, deliver_due
from matching.notify.senders import SmtpSender
from matching.planning.lifecycle import preview_publish, publish
from tests.factories import make_household, make_programme, make_student, make_tutor
from tests.plan_factories import add_visit, make_plan
from tests.smtp_server import LoopbackSmtp, free_port

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def smtp():
    """A real SMTP server on a free loopback port, started by the test."""
    server = LoopbackSmtp(free_port())
    yield server
    server.stop()


def _draft_visit(plan, published_visit: Visit, start: int) -> Visit:
    return Visit(plan_id=plan.id, student_id=published_visit.student_id, need_id=published_visit.need_id,
                 subject=published_visit.subject, tutor_id=published_visit.tutor_id, weekday=published_visit.weekday,
                 start_minute=start, end_minute=start + 120, travel_minutes=published_visit.travel_minutes)


@pytest.fixture
def moved_one_visit(session):
    """Two children and two tutors are published; the draft moves one child's visit an hour later."""
    programme = make_programme(session)
    moved_family = make_household(session, programme, email="family-a@example.jp", preferred_channel=Channel.EMAIL,
                                  language="en")
    kept_family = make_household(session, programme, email="family-b@example.jp", preferred_channel=Channel.EMAIL)
    moved_tutor = make_tutor(session, programme, email="tutor-a@example.jp")
    kept_tutor = make_tutor(session, programme, email="tutor-b@example.jp")
    moved_child = make_student(session, moved_family, given_name="花子")
    kept_child = make_student(session, kept_family, given_name="次郎")
    published = make_plan(session, programme, PlanKind.VISITS)
    moving = add_visit(session, published, moved_child, moved_tutor, [date(2026, 11, 24)], start=17 * 60, end=19 * 60)
    staying = add_visit(session, published, kept_child, kept_tutor, [date(2026, 11, 25)])
    draft = make_plan(session, programme, PlanKind.VISITS, status=PlanStatus.DRAFT)
    draft.visits = [_draft_visit(draft, moving, 18 * 60), _draft_visit(draft, staying, staying.start_minute)]
    session.commit()
    return programme, draft


def _publish(session, programme, draft):
    publish(session, programme.id, draft.id, draft.lock_version, user_id=None, today=TODAY)


def test_a_publish_that_moves_one_visit_mails_exactly_that_tutor_and_that_family(session, smtp, moved_one_visit):
    programme, draft = moved_one_visit
    smtp.start()
    _publish(session, programme, draft)
    report = deliver_due(session, SmtpSender("127.0.0.1", smtp.port, "office@example.jp"), NOW)
    assert (report.sent, report.failed) == (2, 0)
    assert sorted(m["To"] for m in smtp.inbox) == ["family-a@example.jp", "tutor-a@example.jp"]
    family = next(m for m in smtp.inbox if m["To"] == "family-a@example.jp")
    body = family.get_content()
    assert "Tuesday 24 November 2026 18:00–20:00" in body  # the new time, in the family's language
    assert "2026年11月24日" in body  # and in Japanese
    assert "テスト区 学習支援事務局" in body and "TEL 03-5550-0001 (平日 9:00〜17:00)" in body  # whom to call
    tutor = next(m for m in smtp.inbox if m["To"] == "tutor-a@example.jp").get_content()
    assert "11月24日 18:00–20:00" in tutor and "花子" in tutor and "次郎" not in tutor


def test_with_the_smtp_server_down_the_publish_notices_wait_and_go_out_later(session, smtp, moved_one_visit):
    programme, draft = moved_one_visit
    _publish(session, programme, draft)
    sender = SmtpSender("127.0.0.1", smtp.port, "office@example.jp", timeout_s=2)
    assert deliver_due(session, sender, NOW).failed == 2
    statuses = [n.status for n in session.scalars(select(Notification))]
    assert statuses == [NotificationStatus.FAILED, NotificationStatus.FAILED]
    smtp.start()
    assert deliver_due(session, sender, NOW + backoff(1) + timedelta(seconds=1)).sent == 2
    assert sorted(m["To"] for m in smtp.inbox) == ["family-a@example.jp", "tutor-a@example.jp"]


def test_a_family_without_email_gets_a_letter_in_the_outbox(session, moved_one_visit):
    programme, draft = moved_one_visit
    household = session.get(Visit, draft.visits[0].id).student.household
    household.preferred_channel = Channel.LETTER
    session.commit()
    _publish(session, programme, draft)
    channels = {(n.household_id is not None, n.channel) for n in session.scalars(select(Notification))}
    assert channels == {(True, Channel.LETTER), (False, Channel.EMAIL)}


def test_the_publish_preview_names_who_would_be_told_and_keeps_nothing(session, moved_one_visit):
    programme, draft = moved_one_visit
    preview = preview_publish(session, programme.id, draft.id, draft.lock_version, today=TODAY)
    assert (preview.version, preview.tutors, preview.households, preview.emails, preview.letters) == (2, 1, 1, 2, 0)
    session.expire_all()
    assert session.get(type(draft), draft.id).status is PlanStatus.DRAFT
    assert session.scalars(select(Notification)).all() == []
    _publish(session, programme, draft)  # the real publish tells exactly those the preview named
    assert len(session.scalars(select(Notification)).all()) == preview.emails + preview.letters
