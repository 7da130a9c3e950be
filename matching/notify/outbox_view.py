"""The outbox as coordinators see it: each notice, to whom, how, and whether it went out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Channel, Household, Notification, NotificationStatus, Tutor
from matching.services.audit import record
from matching.services.errors import NotFound
from matching.services.pagination import Page, paginate


@dataclass(frozen=True)
class NoticeRow:
    """One notice in the outbox list."""

    id: int
    created_at: datetime
    kind: str
    recipient: str
    household_id: Optional[int]
    channel: Channel
    language: str
    subject: str
    status: NotificationStatus
    attempts: int
    last_error: str
    sent_at: Optional[datetime]


def list_notices(session: Session, status: Optional[NotificationStatus] = None, page: int = 1) -> Page[NoticeRow]:
    """The outbox, newest first, optionally only notices in one status."""
    query = select(Notification).order_by(Notification.id.desc())
    if status is not None:
        query = query.where(Notification.status == status)
    result = paginate(session, query, page)
    tutor_ids = {n.tutor_id for n in result.items if n.tutor_id}
    household_ids = {n.household_id for n in result.items if n.household_id}
    tutors = {t.id: t.full_name for t in session.scalars(select(Tutor).where(Tutor.id.in_(tutor_ids)))}
    households = {h.id: h.guardian_name for h in session.scalars(select(Household).where(Household.id.in_(household_ids)))}
    rows = [
        NoticeRow(n.id, n.created_at, n.kind,
                  tutors.get(n.tutor_id) or households.get(n.household_id) or n.address, n.household_id,
                  n.channel, n.language, n.subject, n.status, n.attempts, n.last_error, n.sent_at)
        for n in result.items
    ]
    return Page(items=rows, number=result.number, size=result.size, total=result.total)


def mark_printed(session: Session, notice_id: int, user_id: int, now: datetime) -> None:
    """Record that a letter went out on paper."""
    notice = session.get(Notification, notice_id)
    if notice is None or notice.channel is not Channel.LETTER:
        raise NotFound(f"letter {notice_id}")
    notice.status = NotificationStatus.PRINTED
    notice.sent_at = now
    record(session, user_id, "letter_printed", "notification", notice.id)
    session.commit()


def send_again(session: Session, notice_id: int, user_id: Optional[int]) -> None:
    """A person checked a notice left for them (retries used up, or a send that may not have arrived): try it again."""
    notice = session.get(Notification, notice_id)
    if notice is None or notice.status is not NotificationStatus.ATTENTION:
        raise NotFound(f"notice {notice_id} waiting for a person")
    notice.status, notice.attempts, notice.next_attempt_at = NotificationStatus.PENDING, 0, None
    record(session, user_id, "notice_send_again", "notification", notice.id)
    session.commit()
