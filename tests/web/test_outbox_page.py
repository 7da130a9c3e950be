"""The outbox page lists notices, sends due e-mail through the configured SMTP server, and records printed letters."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Channel, Notification, NotificationStatus
from matching.notify.outbox import enqueue
from tests.web.conftest import csrf_token
from webapp import create_app


@pytest.fixture
def notices(database_url, world):
    """One e-mail and one letter waiting in the outbox."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        enqueue(session, kind="plan_change", channel=Channel.EMAIL, address="tutor@example.jp",
                subject="訪問予定の変更", body="本文", tutor_id=world.tutor_id)
        enqueue(session, kind="plan_change", channel=Channel.LETTER, subject="訪問日のお知らせ", body="本文")
        session.commit()
    engine.dispose()


def _statuses(database_url) -> dict[Channel, NotificationStatus]:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        result = {n.channel: n.status for n in session.scalars(select(Notification))}
    engine.dispose()
    return result


def test_outbox_lists_notices_with_recipient_and_status(client, auth, notices):
    auth.login()
    page = client.get("/coordinator/outbox").get_data(as_text=True)
    assert "訪問予定の変更" in page and "講師 太郎" in page and "送信待ち" in page
    assert "訪問予定の変更" not in client.get("/coordinator/outbox?status=sent").get_data(as_text=True)


def _login(client) -> None:
    token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"login": "coordinator", "password": "correct horse battery staple",
                                "csrf_token": token})


def test_send_now_starts_a_round_that_delivers_due_email_through_smtp(mail_app, smtp, notices, database_url):
    client = mail_app.test_client()
    _login(client)
    token = csrf_token(client.get("/coordinator/outbox").get_data(as_text=True))
    page = client.post("/coordinator/outbox/deliver", data={"csrf_token": token}, follow_redirects=True)
    assert "送信を始めました" in page.get_data(as_text=True)
    assert mail_app.extensions["notice_delivery"].wait_idle(30)
    assert [m["To"] for m in smtp.inbox] == ["tutor@example.jp"]
    assert _statuses(database_url) == {Channel.EMAIL: NotificationStatus.SENT, Channel.LETTER: NotificationStatus.PENDING}


def test_send_now_returns_at_once_while_the_mail_server_hangs(app, notices):
    """A server that takes the connection and never answers held the request for the SMTP timeout per notice."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # accepts connections into its backlog and never says hello
        hanging = create_app({**app.config, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": silent.getsockname()[1]})
        client = hanging.test_client()
        _login(client)
        token = csrf_token(client.get("/coordinator/outbox").get_data(as_text=True))
        started = time.monotonic()
        response = client.post("/coordinator/outbox/deliver", data={"csrf_token": token})
        assert response.status_code == 302 and time.monotonic() - started < 3
        assert hanging.extensions["notice_delivery"].wait_idle(30)
    hanging.extensions["engine"].dispose()


def test_without_a_mail_server_the_outbox_says_mail_is_not_sent(client, auth, mail_app, notices):
    auth.login()
    assert "メール送信が設定されていません" in client.get("/coordinator/outbox").get_data(as_text=True)
    configured = mail_app.test_client()
    _login(configured)
    assert "メール送信が設定されていません" not in configured.get("/coordinator/outbox").get_data(as_text=True)


def test_a_notice_left_for_a_person_can_be_sent_again(client, auth, database_url, world):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        notice = enqueue(session, kind="plan_change", channel=Channel.EMAIL, address="tutor@example.jp",
                         subject="訪問予定の変更", body="本文", tutor_id=world.tutor_id)
        notice.status, notice.attempts = NotificationStatus.ATTENTION, 6
        session.commit()
        notice_id = notice.id
    engine.dispose()
    auth.login()
    page = client.get("/coordinator/outbox").get_data(as_text=True)
    assert "要対応" in page and "もう一度送る" in page
    client.post(f"/coordinator/outbox/{notice_id}/send-again", data={"csrf_token": csrf_token(page)})
    assert _statuses(database_url)[Channel.EMAIL] is NotificationStatus.PENDING


def test_a_letter_is_marked_printed(client, auth, notices, database_url):
    auth.login()
    page = client.get("/coordinator/outbox").get_data(as_text=True)
    letter_id = next(int(chunk.split('"')[0]) for chunk in page.split('data-notice="')[1:]
                     if "郵送済みにする" in chunk.split("</tr>")[0])
    client.post(f"/coordinator/outbox/{letter_id}/printed", data={"csrf_token": csrf_token(page)})
    assert _statuses(database_url)[Channel.LETTER] is NotificationStatus.PRINTED


def test_tutors_cannot_send_or_mark_letters(client, auth, notices):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/").get_data(as_text=True))
    assert client.post("/coordinator/outbox/deliver", data={"csrf_token": token}).status_code == 403
    assert client.post("/coordinator/outbox/1/printed", data={"csrf_token": token}).status_code == 403
