"""A background solve: its progress, its outcome and the draft plan it produced."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from matching.models.base import Base, utcnow, enum_type
from matching.models.enums import JobStatus, PlanKind


class SolveJob(Base):
    """One run of a solver started from the site; the page polls its progress and may cancel it."""

    __tablename__ = "solve_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    kind: Mapped[PlanKind] = mapped_column(enum_type(PlanKind))
    status: Mapped[JobStatus] = mapped_column(enum_type(JobStatus), default=JobStatus.QUEUED)
    requested_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    base_plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plan.id"))
    result_plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plan.id"))
    progress: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # Stamped every few seconds while running: a stale stamp means the process running it died.
    heartbeat_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
