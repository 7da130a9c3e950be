"""Households (世帯) and their children: who is supported, what they need and when they are free."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, PersonName, Timestamped, enum_type
from matching.models.enums import Channel, Eligibility, Mode, ReferralSource, SupportEndReason


class Household(Timestamped, Base):
    """A family: the guardian, how to reach them, their language and their consents."""

    __tablename__ = "household"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    # The household key of a roster import (siblings share it); unique within a programme.
    external_key: Mapped[Optional[str]] = mapped_column(String(64))
    guardian_name: Mapped[str] = mapped_column(String(100))
    guardian_name_kana: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    # None until the coordinator places the home on the map: such children are left out of home-visit solves.
    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    language: Mapped[str] = mapped_column(String(16), default="ja")  # BCP 47: ja, zh-Hans, vi, ne, tl, en, ko, pt
    preferred_channel: Mapped[Channel] = mapped_column(enum_type(Channel), default=Channel.LETTER)
    # The application's consent to share the address and phone with the visiting tutor.
    consent_share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_share_contact_on: Mapped[Optional[date]] = mapped_column(Date)
    # Consent to hold and use the household's data for the programme.
    consent_data_use: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_data_use_on: Mapped[Optional[date]] = mapped_column(Date)

    students: Mapped[list["Student"]] = relationship(back_populates="household", order_by="Student.id")

    __table_args__ = (UniqueConstraint("programme_id", "external_key", name="uq_household_external_key"),)

    @property
    def located(self) -> bool:
        """Whether the home has coordinates (travel times need them)."""
        return self.lat is not None and self.lon is not None


class Student(PersonName, Timestamped, Base):
    """A child in the programme (a row per child; 'student' in code, 子ども in the interface)."""

    __tablename__ = "student"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    external_id: Mapped[Optional[str]] = mapped_column(String(64), index=True)  # the roster's id of the child
    grade: Mapped[int] = mapped_column(Integer)  # 1-6 小学, 7-9 中学, 10-12 高校
    school: Mapped[str] = mapped_column(String(100), default="", index=True)
    gender: Mapped[Optional[str]] = mapped_column(String(16))
    mode: Mapped[Mode] = mapped_column(enum_type(Mode))
    home_site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("site.id"), index=True)
    priority: Mapped[int] = mapped_column(Integer, default=1)  # higher comes first when places are short
    required_tutor_gender: Mapped[Optional[str]] = mapped_column(String(16))
    referral_source: Mapped[ReferralSource] = mapped_column(enum_type(ReferralSource))
    eligibility: Mapped[Eligibility] = mapped_column(enum_type(Eligibility))  # 要配慮: coordinators only
    caseworker_notes: Mapped[str] = mapped_column(Text, default="")  # 要配慮: coordinators only
    waiting_since: Mapped[Optional[date]] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Support ends on this date (卒業, 転居, 辞退 ...): from then on the child leaves new plans; history stays.
    # Retention anonymises the child a configured number of years after it.
    support_ended_on: Mapped[Optional[date]] = mapped_column(Date, index=True)
    support_end_reason: Mapped[Optional[SupportEndReason]] = mapped_column(enum_type(SupportEndReason))
    anonymised_on: Mapped[Optional[date]] = mapped_column(Date)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    household: Mapped[Household] = relationship(back_populates="students")
    home_site: Mapped[Optional["Site"]] = relationship()  # noqa: F821
    # The needs the child has now; a removed need keeps its row (removed_at set) while plans still name it.
    needs: Mapped[list["StudentNeed"]] = relationship(
        primaryjoin="and_(Student.id == StudentNeed.student_id, StudentNeed.removed_at.is_(None))",
        back_populates="student", cascade="all, delete-orphan", order_by="StudentNeed.id"
    )
    availability: Mapped[list["StudentAvailability"]] = relationship(
        back_populates="student",
        cascade="all, delete-orphan",
        order_by="(StudentAvailability.weekday, StudentAvailability.start_minute)",
    )

    __mapper_args__ = {"version_id_col": version_id}
    # The list page's order (furigana, then id): a page is read off the index instead of sorting every row.
    __table_args__ = (
        Index("ix_student_furigana_order", "family_name_kana", "given_name_kana", "id"),
        Index("ix_student_name_key", "name_key", postgresql_using="gin", postgresql_ops={"name_key": "gin_trgm_ops"}),
    )


class StudentNeed(Base):
    """One subject a child needs help with, at what level and how often."""

    __tablename__ = "student_need"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    subject: Mapped[str] = mapped_column(String(16))  # a key of matching.subjects.SUBJECTS
    level: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    minutes_per_visit: Mapped[int] = mapped_column(Integer, default=120)
    visits_per_week: Mapped[int] = mapped_column(Integer, default=1)
    # Set when the coordinator removes the need: published visits still point at it until the next publish.
    removed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    student: Mapped[Student] = relationship(back_populates="needs")


class StudentAvailability(Base):
    """A weekly window in which the child can be visited or come to a room."""

    __tablename__ = "student_availability"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 Monday .. 6 Sunday
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)

    student: Mapped[Student] = relationship(back_populates="availability")
