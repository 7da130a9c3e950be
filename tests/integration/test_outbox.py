"""The outbox delivers through a real SMTP server on loopback; when it is down, nothing is lost."""

from __future__ import annotations

import stat
import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Channel, Notification, NotificationStatus
from matching.notify.outbox import (
    CLAIM_TIMEOUT, MAX_ATTEMPTS, MAX_BACKOFF, backoff, claim, deliver_due, enqueue,
)
from matching.notify.outbox_view import send_again
from matching.notify.senders import FolderSender, SmtpSender
from tests.smtp_server import LoopbackSmtp, free_port

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def smtp():
    """A real SMTP server on a free loopback port (started by the test when it wants it up)."""
    server = LoopbackSmtp(free_port())
    yield server
    server.stop()


def _notice(session, to: str, subject: str = "日程のお知らせ"):
    enqueue(session, kind="plan_change", channel=Channel.EMAIL, address=to, subject=subject,
            body="12月1日(火) 18:00-20:00 に訪問します。")
    session.commit()


def test_due_emails_are_delivered_once_each(session, smtp):
    smtp.start()
    _notice(session, "tutor@example.jp")
    _notice(session, "family@example.jp", "訪問日のお知らせ")
    report = deliver_due(session, SmtpSender("127.0.0.1", smtp.port, "office@example.jp"), NOW)
    assert (report.sent, report.failed) == (2, 0)
    assert sorted(m["To"] for m in smtp.inbox) == ["family@example.jp", "tutor@example.jp"]
    assert "12月1日(火)" in smtp.inbox[0].get_content()
    again = deliver_due(session, SmtpSender("127.0.0.1", smtp.port, "office@example.jp"), NOW + timedelta(hours=2))
    assert (again.sent, again.failed) == (0, 0)
    assert len(smtp.inbox) == 2


def test_with_the_server_down_notices_wait_and_go_out_when_it_is_back(session, smtp):
    _notice(session, "tutor@example.jp")
    sender = SmtpSender("127.0.0.1", smtp.port, "office@example.jp", timeout_s=2)
    report = deliver_due(session, sender, NOW)
    assert (report.sent, report.failed) == (0, 1)
    notice = session.scalars(select(Notification)).one()
    assert notice.status is NotificationStatus.FAILED and notice.attempts == 1 and notice.last_error
    smtp.start()
    assert deliver_due(session, sender, NOW + timedelta(seconds=30)).sent == 0  # not due yet: backing off
    assert deliver_due(session, sender, NOW + backoff(1)).sent == 1
    session.refresh(notice)
    assert notice.status is NotificationStatus.SENT and notice.attempts == 2 and notice.last_error == ""
    assert [m["To"] for m in smtp.inbox] == ["tutor@example.jp"]


def test_letters_are_not_sent_by_email(session, smtp):
    smtp.start()
    enqueue(session, kind="plan_change", channel=Channel.LETTER, subject="訪問日のお知らせ", body="…", household_id=None)
    session.commit()
    assert deliver_due(session, SmtpSender("127.0.0.1", smtp.port, "office@example.jp"), NOW).sent == 0
    assert session.scalars(select(Notification)).one().status is NotificationStatus.PENDING


def test_an_email_notice_without_address_is_refused(session):
    with pytest.raises(ValueError):
        enqueue(session, kind="plan_change", channel=Channel.EMAIL, subject="x", body="y")


def test_backoff_doubles_up_to_an_hour():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(20) == timedelta(hours=1)


def test_folder_sender_writes_a_readable_message(tmp_path):
    FolderSender(tmp_path, "office@example.jp").send("tutor@example.jp", "件名", "本文です")
    (written,) = tmp_path.glob("*.eml")
    assert "tutor@example.jp" in written.read_text(encoding="utf-8")


def test_folder_sender_files_are_private_to_the_site(tmp_path):
    folder = tmp_path / "mail"
    FolderSender(folder, "office@example.jp").send("family@example.jp", "訪問日", "花子さんの訪問日です")
    (written,) = folder.glob("*.eml")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_notice_written_to_a_file_is_filed_not_sent(session, tmp_path):
    _notice(session, "family@example.jp")
    report = deliver_due(session, FolderSender(tmp_path, "office@example.jp"), NOW)
    assert (report.sent, report.filed) == (0, 1)
    notice = session.scalars(select(Notification)).one()
    assert notice.status is NotificationStatus.FILED
    assert deliver_due(session, FolderSender(tmp_path, "office@example.jp"), NOW + timedelta(hours=2)).filed == 0


def test_two_senders_at_once_send_each_notice_exactly_once(database_url, smtp):
    """Two senders with their own connections race over the same 100 notices; the claim lets one win each."""
    smtp.start()
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    with factory() as session:
        for number in range(100):
            _notice(session, f"family{number}@example.jp")
    reports, start = [], threading.Barrier(2)

    def sender() -> None:
        with factory() as own:
            start.wait()
            reports.append(deliver_due(own, SmtpSender("127.0.0.1", smtp.port, "office@example.jp"), NOW))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with factory() as session:
        statuses = session.scalars(select(Notification.status)).all()
        attempts = session.scalars(select(Notification.attempts)).all()
    engine.dispose()
    assert sum(r.sent for r in reports) == 100 and all(r.failed == 0 for r in reports)
    assert sorted(m["To"] for m in smtp.inbox) == sorted(f"family{n}@example.jp" for n in range(100))
    assert set(statuses) == {NotificationStatus.SENT} and set(attempts) == {1}


def test_retries_stop_after_the_limit_and_the_notice_waits_for_a_person(session, smtp):
    _notice(session, "tutor@example.jp")
    sender = SmtpSender("127.0.0.1", smtp.port, "office@example.jp", timeout_s=2)  # nobody listens: each try fails
    moment = NOW
    for _attempt in range(MAX_ATTEMPTS + 2):
        deliver_due(session, sender, moment)
        moment += MAX_BACKOFF
    notice = session.scalars(select(Notification)).one()
    assert notice.status is NotificationStatus.ATTENTION and notice.attempts == MAX_ATTEMPTS
    smtp.start()
    send_again(session, notice.id, None)
    assert deliver_due(session, sender, moment).sent == 1
    assert [m["To"] for m in smtp.inbox] == ["tutor@example.jp"]


def test_a_send_its_sender_never_finished_goes_to_a_person_not_out_again(session, smtp):
    smtp.start()
    _notice(session, "tutor@example.jp")
    notice = session.scalars(select(Notification)).one()
    assert claim(session, notice, NOW)  # ... and the process dies before it can record the outcome
    sender = SmtpSender("127.0.0.1", smtp.port, "office@example.jp")
    assert deliver_due(session, sender, NOW + timedelta(minutes=1)).sent == 0
    assert deliver_due(session, sender, NOW + CLAIM_TIMEOUT + timedelta(minutes=1)).sent == 0
    session.refresh(notice)
    assert notice.status is NotificationStatus.ATTENTION and notice.last_error
    assert smtp.inbox == []
