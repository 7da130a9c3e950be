"""Plans: a versioned draft or published schedule of home visits or study-room sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, Timestamped, enum_type
from matching.models.enums import ChangeKind, PlanKind, PlanStatus


class Plan(Timestamped, Base):
    """A match plan (kind visits) or a room plan (kind rooms), draft until published."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    kind: Mapped[PlanKind] = mapped_column(enum_type(PlanKind))
    status: Mapped[PlanStatus] = mapped_column(enum_type(PlanStatus), default=PlanStatus.DRAFT)
    version: Mapped[Optional[int]] = mapped_column(Integer)  # 1, 2, ... given at publish
    based_on_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plan.id"))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    published_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    published_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    solver_status: Mapped[str] = mapped_column(String(16), default="")  # optimal / feasible / ...
    objective: Mapped[Optional[float]] = mapped_column(Float)
    bound: Mapped[Optional[float]] = mapped_column(Float)
    # The solver's report that has no rows of its own: unmet needs and shortfalls with reasons.
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    visits: Mapped[list["Visit"]] = relationship(  # noqa: F821
        back_populates="plan", cascade="all, delete-orphan", order_by="Visit.id"
    )
    sessions: Mapped[list["Session"]] = relationship(  # noqa: F821
        back_populates="plan", cascade="all, delete-orphan", order_by="(Session.site_id, Session.on_date)"
    )
    assignments: Mapped[list["StudentSiteAssignment"]] = relationship(  # noqa: F821
        back_populates="plan", cascade="all, delete-orphan"
    )
    changes: Mapped[list["PlanChange"]] = relationship(back_populates="plan", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": lock_version}


class PlanChange(Base):
    """What a published plan changed for one child or tutor against the plan it replaced."""

    __tablename__ = "plan_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    kind: Mapped[ChangeKind] = mapped_column(enum_type(ChangeKind))
    student_id: Mapped[Optional[int]] = mapped_column(ForeignKey("student.id"), index=True)
    tutor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"), index=True)
    site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("site.id"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    plan: Mapped[Plan] = relationship(back_populates="changes")
