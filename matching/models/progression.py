"""A 中3's year-end 進路 (high-school entrance or other), filled in by the coordinator for the annual report."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, enum_type, utcnow
from matching.models.enums import Progression


class StudentProgression(Base):
    """Where one child went on after 中3 in one school year."""

    __tablename__ = "student_progression"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[Progression] = mapped_column(enum_type(Progression))
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (UniqueConstraint("student_id", "school_year"),)
