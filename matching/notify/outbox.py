"""The outbox: every notice is written here first and stays until it is sent or printed; failures retry.

However many senders run at once (web processes, queue workers, on several machines), each notice goes
out once: a sender first claims it with one conditional UPDATE (status pending/failed to sending, at the
attempt count it read), which only one of them can win on SQLite and PostgreSQL alike. A claim that no
sender finished (its process died mid-send) may or may not have reached the mail server: it is not
retried but marked for a person, as is a notice whose retries are used up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional, Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from matching.models import Channel, Notification, NotificationStatus

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=1)
# After this many failed attempts a notice is no longer retried: a person checks the address or the server.
MAX_ATTEMPTS = 6
# A claim older than this was left by a sender that died mid-send (an SMTP send times out far sooner).
CLAIM_TIMEOUT = timedelta(minutes=10)
ABANDONED_MESSAGE = "the sender stopped while sending: check whether it arrived before sending it again"


class Sender(Protocol):
    """Something that delivers one e-mail or raises (an SMTP server, or the demo's mail folder)."""

    # Whether a message handed over reaches its recipient (False for the demo's folder: written, not sent).
    delivers: bool

    def send(self, to: str, subject: str, body: str) -> None:
        """Deliver one message."""


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery round did."""

    sent: int
    failed: int
    filed: int = 0


def enqueue(session: Session, *, kind: str, channel: Channel, subject: str, body: str, language: str = "ja",
            address: str = "", tutor_id: Optional[int] = None, household_id: Optional[int] = None,
            plan_id: Optional[int] = None, dedupe_key: Optional[str] = None) -> Notification:
    """Add a notice to the outbox (the caller's transaction commits it); e-mail needs an address."""
    if channel is Channel.EMAIL and not address:
        raise ValueError("an e-mail notice needs an address")
    notice = Notification(kind=kind, channel=channel, subject=subject, body=body, language=language,
                          address=address, tutor_id=tutor_id, household_id=household_id, plan_id=plan_id,
                          dedupe_key=dedupe_key)
    session.add(notice)
    return notice


def backoff(attempts: int) -> timedelta:
    """How long to wait before the next try after a number of failed attempts: 1, 2, 4 ... minutes, at most an hour."""
    return min(MAX_BACKOFF, timedelta(minutes=2 ** max(0, attempts - 1)))


def _as_utc(moment: Optional[datetime]) -> Optional[datetime]:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)  # SQLite returns naive values written in UTC


def due_emails(session: Session, now: datetime, limit: int = 100) -> list[Notification]:
    """E-mail notices waiting to be sent whose next attempt is due."""
    candidates = session.scalars(
        select(Notification)
        .where(Notification.channel == Channel.EMAIL,
               Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.FAILED]))
        .where(or_(Notification.next_attempt_at.is_(None), Notification.next_attempt_at <= now))
        .order_by(Notification.id)
        .limit(limit)
    ).all()
    return [n for n in candidates if n.next_attempt_at is None or _as_utc(n.next_attempt_at) <= now]


def claim(session: Session, notice: Notification, now: datetime) -> bool:
    """Take a due notice for this sender; False when another sender took it first (then leave it alone)."""
    won = session.execute(
        update(Notification)
        .where(Notification.id == notice.id, Notification.attempts == notice.attempts,
               Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.FAILED]))
        .values(status=NotificationStatus.SENDING, claimed_at=now, attempts=notice.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    session.commit()
    session.refresh(notice)
    return won


def hand_abandoned_to_a_person(session: Session, now: datetime) -> int:
    """Mark for a person every claim older than CLAIM_TIMEOUT (its sender died); returns how many."""
    moved = session.execute(
        update(Notification)
        .where(Notification.status == NotificationStatus.SENDING, Notification.claimed_at < now - CLAIM_TIMEOUT)
        .values(status=NotificationStatus.ATTENTION, last_error=ABANDONED_MESSAGE)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return moved


def _record_failure(notice: Notification, exc: Exception, now: datetime) -> None:
    notice.last_error = f"{type(exc).__name__}: {exc}"[:500]
    if notice.attempts >= MAX_ATTEMPTS:
        notice.status = NotificationStatus.ATTENTION
        log.warning("notice %s not sent after %s attempts: left for a person", notice.id, notice.attempts)
        return
    notice.status = NotificationStatus.FAILED
    notice.next_attempt_at = now + backoff(notice.attempts)
    log.warning("notice %s not sent (attempt %s): %s", notice.id, notice.attempts, type(exc).__name__)


def deliver_due(session: Session, sender: Sender, now: datetime) -> DeliveryReport:
    """Send every due e-mail this sender can claim; a failure is retried later, up to MAX_ATTEMPTS, never dropped."""
    hand_abandoned_to_a_person(session, now)
    sent = failed = filed = 0
    for notice in due_emails(session, now):
        if not claim(session, notice, now):
            continue
        try:
            sender.send(notice.address, notice.subject, notice.body)
        except Exception as exc:  # any failure of the transport: keep the notice and try again later
            _record_failure(notice, exc, now)
            failed += 1
        else:
            notice.status = NotificationStatus.SENT if sender.delivers else NotificationStatus.FILED
            notice.sent_at = now
            notice.last_error = ""
            sent, filed = (sent + 1, filed) if sender.delivers else (sent, filed + 1)
        session.commit()
    return DeliveryReport(sent=sent, failed=failed, filed=filed)

