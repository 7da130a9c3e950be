"""The audit log: who changed what and when, and every read of sensitive data by staff."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, utcnow


class AuditEntry(Base):
    """One recorded action. Detail holds ids and field names, never the personal data itself."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"), index=True)
    action: Mapped[str] = mapped_column(String(50))  # e.g. create, update, publish, view_sensitive
    entity: Mapped[str] = mapped_column(String(50))  # e.g. student, plan
    entity_id: Mapped[Optional[int]] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
