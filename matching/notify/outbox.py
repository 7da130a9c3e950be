"""The outbox: every notice is written here first and stays until it is sent or printed; failures retry."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from matching.models import Channel, Notification, NotificationStatus

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=1)


class Sender(Protocol):
    """Something that delivers one e-mail or raises (an SMTP server, or the demo's mail folder)."""

    def send(self, to: str, subject: str, body: str) -> None:
        """Deliver one message."""


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery round did."""

    sent: int
    failed: int


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


def deliver_due(session: Session, sender: Sender, now: datetime) -> DeliveryReport:
    """Try every due e-mail once; a failure is recorded with its error and retried later, never dropped."""
    sent = failed = 0
    for notice in due_emails(session, now):
        notice.attempts += 1
        try:
            sender.send(notice.address, notice.subject, notice.body)
        except Exception as exc:  # any failure of the transport: keep the notice and try again later
            notice.status = NotificationStatus.FAILED
            notice.last_error = f"{type(exc).__name__}: {exc}"[:500]
            notice.next_attempt_at = now + backoff(notice.attempts)
            failed += 1
            log.warning("notice %s not sent (attempt %s): %s", notice.id, notice.attempts, type(exc).__name__)
        else:
            notice.status = NotificationStatus.SENT
            notice.sent_at = now
            notice.last_error = ""
            sent += 1
        session.commit()
    return DeliveryReport(sent=sent, failed=failed)
