"""Home visits: a weekly visit of a plan and its dated occurrences."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, enum_type, new_calendar_uid
from matching.models.enums import OccurrenceStatus


class Visit(Base):
    """A weekly home visit: this tutor teaches this child's need on this weekday and time."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("student_need.id"), index=True)
    subject: Mapped[str] = mapped_column(String(16))
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    travel_minutes: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))  # by the tutor
    # The rule codes a coordinator confirmed breaking when saving this visit by hand (empty: a solver's visit).
    override_codes: Mapped[list[str]] = mapped_column(JSON, default=list)

    plan: Mapped["Plan"] = relationship(back_populates="visits")  # noqa: F821
    student: Mapped["Student"] = relationship()  # noqa: F821
    tutor: Mapped["Tutor"] = relationship()  # noqa: F821
    occurrences: Mapped[list["VisitOccurrence"]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitOccurrence.on_date"
    )


class VisitOccurrence(Base):
    """One dated visit of a weekly visit, after holidays and the tutor's exceptions are skipped."""

    __tablename__ = "visit_occurrence"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    status: Mapped[OccurrenceStatus] = mapped_column(enum_type(OccurrenceStatus), default=OccurrenceStatus.PLANNED)
    substitute_tutor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"))
    household_confirmed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # The iCalendar UID's own part: kept by every later version that leaves this date unchanged.
    calendar_uid: Mapped[str] = mapped_column(String(40), default=new_calendar_uid)
    # The visit's own tutor has a study-room session then (travel included): the date needs a substitute.
    busy_elsewhere: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    visit: Mapped[Visit] = relationship(back_populates="occurrences")
