"""Attendance: what was held on each dated visit and session, recorded after the fact and corrected later."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, enum_type, utcnow
from matching.models.enums import VisitOutcome


class VisitAttendance(Base):
    """The outcome of one dated home visit (done, missed, cancelled) with a short note."""

    __tablename__ = "visit_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("visit_occurrence.id"), unique=True)
    outcome: Mapped[VisitOutcome] = mapped_column(enum_type(VisitOutcome))
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RollCall(Base):
    """The roll call of one study-room session: held or not (with the reason), actual times and a note."""

    __tablename__ = "roll_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), unique=True)
    held: Mapped[bool] = mapped_column(Boolean, default=True)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    # The times the session really ran, when they differ from the plan (minutes after midnight).
    actual_start_minute: Mapped[Optional[int]] = mapped_column(Integer)
    actual_end_minute: Mapped[Optional[int]] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    children: Mapped[list["RollCallChild"]] = relationship(back_populates="roll_call", cascade="all, delete-orphan")
    tutors: Mapped[list["RollCallTutor"]] = relationship(back_populates="roll_call", cascade="all, delete-orphan")


class RollCallChild(Base):
    """A child who came to a session."""

    __tablename__ = "roll_call_child"

    id: Mapped[int] = mapped_column(primary_key=True)
    roll_call_id: Mapped[int] = mapped_column(ForeignKey("roll_call.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)

    roll_call: Mapped[RollCall] = relationship(back_populates="children")
    __table_args__ = (UniqueConstraint("roll_call_id", "student_id"),)


class RollCallTutor(Base):
    """A tutor who worked at a session (planned staff or someone who stood in)."""

    __tablename__ = "roll_call_tutor"

    id: Mapped[int] = mapped_column(primary_key=True)
    roll_call_id: Mapped[int] = mapped_column(ForeignKey("roll_call.id"), index=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)

    roll_call: Mapped[RollCall] = relationship(back_populates="tutors")
    __table_args__ = (UniqueConstraint("roll_call_id", "tutor_id"),)
