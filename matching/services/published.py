"""The published plans: what tutors and families are told."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, PlanKind, PlanStatus


def published_plan_id(session: Session, programme_id: int, kind: PlanKind) -> Optional[int]:
    """The id of the programme's published plan of a kind, if there is one."""
    return session.scalar(
        select(Plan.id).where(Plan.programme_id == programme_id, Plan.kind == kind,
                              Plan.status == PlanStatus.PUBLISHED).order_by(Plan.id.desc()).limit(1)
    )
