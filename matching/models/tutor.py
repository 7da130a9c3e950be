"""Tutors (学習支援員 / ボランティア): what they teach, when they are free, how far they travel."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, PersonName, Timestamped, enum_type
from matching.models.enums import TutorKind


class Tutor(PersonName, Timestamped, Base):
    """A volunteer or paid tutor who visits homes or staffs study-room sessions."""

    __tablename__ = "tutor"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    external_id: Mapped[Optional[str]] = mapped_column(String(64))  # the roster's id of the tutor
    kind: Mapped[TutorKind] = mapped_column(enum_type(TutorKind))
    affiliation: Mapped[str] = mapped_column(String(100), default="")  # university, former school
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    gender: Mapped[Optional[str]] = mapped_column(String(16))
    languages: Mapped[str] = mapped_column(String(100), default="ja")  # comma-separated BCP 47 codes
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    # None until placed on the map: such a tutor can staff rooms but is left out of home-visit solves.
    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    max_visits_per_week: Mapped[int] = mapped_column(Integer, default=2)
    max_sessions_per_month: Mapped[int] = mapped_column(Integer, default=4)
    max_travel_minutes: Mapped[int] = mapped_column(Integer, default=30)
    pledge_signed_on: Mapped[Optional[date]] = mapped_column(Date)  # 誓約書
    active_from: Mapped[date] = mapped_column(Date)
    active_until: Mapped[Optional[date]] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    subjects: Mapped[list["TutorSubject"]] = relationship(
        back_populates="tutor", cascade="all, delete-orphan", order_by="TutorSubject.id"
    )
    availability: Mapped[list["TutorAvailability"]] = relationship(
        back_populates="tutor",
        cascade="all, delete-orphan",
        order_by="(TutorAvailability.weekday, TutorAvailability.start_minute)",
    )
    exceptions: Mapped[list["TutorException"]] = relationship(
        back_populates="tutor", cascade="all, delete-orphan", order_by="TutorException.starts_on"
    )
    sites: Mapped[list["TutorSite"]] = relationship(back_populates="tutor", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version_id}
    # The list page's order (furigana, then id): a page is read off the index instead of sorting every row.
    __table_args__ = (
        Index("ix_tutor_furigana_order", "family_name_kana", "given_name_kana", "id"),
        Index("ix_tutor_name_key", "name_key", postgresql_using="gin", postgresql_ops={"name_key": "gin_trgm_ops"}),
        UniqueConstraint("programme_id", "external_id", name="uq_tutor_external_id"),
    )

    @property
    def located(self) -> bool:
        """Whether the tutor's home has coordinates (travel times need them)."""
        return self.lat is not None and self.lon is not None

    @property
    def language_list(self) -> list[str]:
        """The languages the tutor speaks, as a list of codes."""
        return [code for code in self.languages.split(",") if code]


class TutorSubject(Base):
    """A subject a tutor teaches, for grades min_grade..max_grade (1-12)."""

    __tablename__ = "tutor_subject"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    subject: Mapped[str] = mapped_column(String(16))
    min_grade: Mapped[int] = mapped_column(Integer)
    max_grade: Mapped[int] = mapped_column(Integer)

    tutor: Mapped[Tutor] = relationship(back_populates="subjects")


class TutorAvailability(Base):
    """A weekly window in which the tutor is free."""

    __tablename__ = "tutor_availability"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)

    tutor: Mapped[Tutor] = relationship(back_populates="availability")


class TutorException(Base):
    """Dates a tutor cannot come (entered at intake, or an absence the tutor reported)."""

    __tablename__ = "tutor_exception"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # inclusive
    reason: Mapped[str] = mapped_column(String(200), default="")
    reported_by_tutor: Mapped[bool] = mapped_column(Boolean, default=False)

    tutor: Mapped[Tutor] = relationship(back_populates="exceptions")


class TutorSite(Base):
    """A study-room site a tutor can reach, and whether they prefer it."""

    __tablename__ = "tutor_site"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)

    tutor: Mapped[Tutor] = relationship(back_populates="sites")
    site: Mapped["Site"] = relationship()  # noqa: F821

