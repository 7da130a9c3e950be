"""The notification outbox: every notice to a tutor or household, until it is sent or printed."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, Timestamped, enum_type
from matching.models.enums import Channel, NotificationStatus


class Notification(Timestamped, Base):
    """A notice waiting in, or sent from, the outbox; a failed send stays here and is retried."""

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # plan_change, reminder, cancellation, ...
    tutor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"), index=True)
    household_id: Mapped[Optional[int]] = mapped_column(ForeignKey("household.id"), index=True)
    plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plan.id"))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    language: Mapped[str] = mapped_column(String(16), default="ja")
    address: Mapped[str] = mapped_column(String(254), default="")  # e-mail address when channel is e-mail
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[NotificationStatus] = mapped_column(
        enum_type(NotificationStatus), default=NotificationStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    next_attempt_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # When a sender took the notice to send it (status 'sending'): a claim no sender finished is for a person.
    claimed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # Set for notices that must go out only once, e.g. "reminder:occurrence:42:household"; unique.
    dedupe_key: Mapped[Optional[str]] = mapped_column(String(100), unique=True)
