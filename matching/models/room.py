"""Study rooms: a plan's sessions at sites, their staff and the children's home sites."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, enum_type, new_calendar_uid
from matching.models.enums import OccurrenceStatus


class Session(Base):
    """A study-room session (勉強会) at a site on a date."""

    __tablename__ = "session"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    status: Mapped[OccurrenceStatus] = mapped_column(enum_type(OccurrenceStatus), default=OccurrenceStatus.PLANNED)
    # The iCalendar UID's own part: kept by every later version that holds the site's session at this date and time.
    calendar_uid: Mapped[str] = mapped_column(String(40), default=new_calendar_uid)
    # The rule codes a coordinator confirmed breaking when editing this session by hand (empty: the solver's).
    override_codes: Mapped[list[str]] = mapped_column(JSON, default=list)

    plan: Mapped["Plan"] = relationship(back_populates="sessions")  # noqa: F821
    site: Mapped["Site"] = relationship()  # noqa: F821
    staff: Mapped[list["SessionStaff"]] = relationship(back_populates="session", cascade="all, delete-orphan")


class SessionStaff(Base):
    """A tutor staffing a session."""

    __tablename__ = "session_staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    confirmed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # Set when this tutor stands in for an absent one, so a later version can keep the substitute.
    substitute_for_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"))

    session: Mapped[Session] = relationship(back_populates="staff")
    tutor: Mapped["Tutor"] = relationship(foreign_keys=[tutor_id])  # noqa: F821


class StudentSiteAssignment(Base):
    """The site a study-room child attends in a plan."""

    __tablename__ = "student_site_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)

    plan: Mapped["Plan"] = relationship(back_populates="assignments")  # noqa: F821
