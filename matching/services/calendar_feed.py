"""A tutor's private calendar feed: one secret URL per tutor, revocable and regenerable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import CalendarFeedToken
from matching.services.audit import record
from matching.services.errors import NotFound
from matching.tokens import new_token, token_hash


def _active(session: Session, tutor_id: int) -> list[CalendarFeedToken]:
    return list(session.scalars(
        select(CalendarFeedToken).where(CalendarFeedToken.tutor_id == tutor_id, CalendarFeedToken.revoked_at.is_(None))
    ))


def has_feed(session: Session, tutor_id: int) -> bool:
    """Whether the tutor has a working feed URL."""
    return bool(_active(session, tutor_id))


def issue_feed_token(session: Session, tutor_id: int, user_id: int, now: datetime) -> str:
    """A new feed secret for the tutor; any earlier feed URL stops working. Returns the secret (shown once)."""
    for old in _active(session, tutor_id):
        old.revoked_at = now
    token = new_token()
    session.add(CalendarFeedToken(tutor_id=tutor_id, token_hash=token_hash(token), created_at=now))
    record(session, user_id, "feed_issued", "tutor", tutor_id)
    session.commit()
    return token


def revoke_feed(session: Session, tutor_id: int, user_id: int, now: datetime) -> None:
    """Stop the tutor's feed URL from working."""
    for old in _active(session, tutor_id):
        old.revoked_at = now
    record(session, user_id, "feed_revoked", "tutor", tutor_id)
    session.commit()


def tutor_for_feed(session: Session, token: str) -> int:
    """The tutor whose live feed this secret opens, or NotFound (unknown or revoked)."""
    row = session.scalars(select(CalendarFeedToken).where(CalendarFeedToken.token_hash == token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        raise NotFound("calendar feed")
    return row.tutor_id
