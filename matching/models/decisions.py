"""Coordinator decisions the solvers must respect: pins and forbidden pairs."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, Timestamped, enum_type
from matching.models.enums import RoomPinKind


class ForbiddenPair(Timestamped, Base):
    """A coordinator's decision that this tutor must not be matched with this child."""

    __tablename__ = "forbidden_pair"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), index=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    reason: Mapped[str] = mapped_column(String(200), default="")


class VisitPin(Timestamped, Base):
    """This child's need gets this tutor at this weekday and time in every re-solve of the plan."""

    __tablename__ = "visit_pin"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("student_need.id"), index=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutor.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))


class RoomPin(Timestamped, Base):
    """A fixed session date, a fixed tutor on a session, or a fixed child-site assignment."""

    __tablename__ = "room_pin"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    kind: Mapped[RoomPinKind] = mapped_column(enum_type(RoomPinKind))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    on_date: Mapped[Optional[date]] = mapped_column(Date)  # SESSION and STAFF
    tutor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"))  # STAFF
    student_id: Mapped[Optional[int]] = mapped_column(ForeignKey("student.id"))  # CHILD_SITE
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
