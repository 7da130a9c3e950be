"""A municipality's programme for one school year, its sites and its calendar."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, Timestamped, enum_type
from matching.models.enums import CalendarKind


class Programme(Timestamped, Base):
    """A municipality's learning-support programme (学習支援事業) for one school year, in Asia/Tokyo."""

    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(100))
    school_year: Mapped[int] = mapped_column(Integer)  # 年度: 2026 runs 2026-04-01..2027-03-31
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Tokyo")
    # The office (事務局) that letters and family pages name as the contact.
    office_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    office_phone: Mapped[str] = mapped_column(String(30), default="", server_default="")
    office_email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    office_hours: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # Set when the next school year was started from this one: from then on it is kept for reading only.
    closed_on: Mapped[Optional[date]] = mapped_column(Date)

    sites: Mapped[list["Site"]] = relationship(back_populates="programme", order_by="Site.id")
    calendar_entries: Mapped[list["CalendarEntry"]] = relationship(
        back_populates="programme", order_by="CalendarEntry.starts_on"
    )


class Site(Timestamped, Base):
    """A community site where study-room sessions (勉強会 / 学習室) are held."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    external_id: Mapped[Optional[str]] = mapped_column(String(64))  # the roster's id of the site
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(300))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    capacity: Mapped[int] = mapped_column(Integer)  # children the room holds
    target_sessions: Mapped[int] = mapped_column(Integer, default=80)  # per school year
    min_days_between_sessions: Mapped[int] = mapped_column(Integer, default=1)
    min_tutors_per_session: Mapped[int] = mapped_column(Integer, default=2)
    children_per_tutor: Mapped[int] = mapped_column(Integer, default=4)
    notes: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="sites")
    calendar_entries: Mapped[list["CalendarEntry"]] = relationship(back_populates="site")
    openings: Mapped[list["SiteOpening"]] = relationship(
        back_populates="site",
        cascade="all, delete-orphan",
        order_by="(SiteOpening.weekday, SiteOpening.start_minute)",
    )

    __table_args__ = (UniqueConstraint("programme_id", "external_id", name="uq_site_external_id"),)

    @property
    def weekdays(self) -> list[int]:
        """Opening weekdays as integers 0 (Monday) to 6 (Sunday), in order."""
        return sorted({opening.weekday for opening in self.openings})


class SiteOpening(Base):
    """A weekly time a site can hold a session, e.g. Tuesday 18:00-20:00 or Saturday 14:00-16:00."""

    __tablename__ = "site_opening"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 Monday .. 6 Sunday
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)

    site: Mapped[Site] = relationship(back_populates="openings")


class CalendarEntry(Timestamped, Base):
    """A dated period of the school calendar, programme-wide (no site) or for one site."""

    __tablename__ = "calendar_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("site.id"), index=True)
    kind: Mapped[CalendarKind] = mapped_column(enum_type(CalendarKind))
    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # inclusive

    programme: Mapped[Programme] = relationship(back_populates="calendar_entries")
    site: Mapped[Optional[Site]] = relationship(back_populates="calendar_entries")
