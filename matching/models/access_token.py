"""Secret links: a household's page for families and a tutor's calendar feed."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, utcnow


class HouseholdToken(Base):
    """An unguessable, revocable link for a household, with a short code to read out by phone.

    Only the SHA-256 of the link's secret is stored.
    """

    __tablename__ = "household_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    short_code: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class CalendarFeedToken(Base):
    """A tutor's private iCalendar feed URL secret (SHA-256 stored), revocable and regenerable."""

    __tablename__ = "calendar_feed_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class HouseholdMessage(Base):
    """A family's confirmation or request for a change, sent from its household link."""

    __tablename__ = "household_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # confirm / change_request
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    handled_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    handled_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
