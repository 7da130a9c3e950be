"""A plan's life: accept or discard a proposal, publish the draft; each step audited and version-checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.models import Plan, PlanKind, PlanStatus
from matching.models.base import utcnow
from matching.notify.plan_notices import QueuedNotices, plan_recipients, queue_plan_notices
from matching.planning.busy_elsewhere import mark_busy_elsewhere
from matching.planning.registry import handler_for
from matching.services.audit import record
from matching.services.errors import InvalidState, NotFound, StaleEdit


@dataclass(frozen=True)
class PlanSummary:
    """A plan as lists show it."""

    id: int
    kind: PlanKind
    status: PlanStatus
    version: Optional[int]
    based_on_id: Optional[int]
    solver_status: str
    created_at: object
    published_at: object
    lock_version: int


def _summary(plan: Plan) -> PlanSummary:
    return PlanSummary(plan.id, plan.kind, plan.status, plan.version, plan.based_on_id, plan.solver_status,
                       plan.created_at, plan.published_at, plan.lock_version)


def plan_with_status(session: Session, programme_id: int, kind: PlanKind, status: PlanStatus) -> Optional[Plan]:
    """The newest plan of a kind in a status (there is at most one draft and one published plan)."""
    return session.scalars(
        select(Plan).where(Plan.programme_id == programme_id, Plan.kind == kind, Plan.status == status)
        .order_by(Plan.id.desc())
    ).first()


def plan_history(session: Session, programme_id: int, kind: PlanKind) -> list[PlanSummary]:
    """Every plan of a kind, newest first: proposals, the draft, the published plan and earlier versions."""
    plans = session.scalars(
        select(Plan).where(Plan.programme_id == programme_id, Plan.kind == kind).order_by(Plan.id.desc())
    )
    return [_summary(plan) for plan in plans]


def load_plan(session: Session, programme_id: int, plan_id: int, kind: Optional[PlanKind] = None) -> Plan:
    """A plan of the programme (of the kind, if given), or NotFound."""
    plan = session.get(Plan, plan_id)
    if plan is None or plan.programme_id != programme_id or (kind is not None and plan.kind != kind):
        raise NotFound(f"plan {plan_id}")
    return plan


def check_version(plan: Plan, expected_lock_version: int) -> None:
    """Refuse an edit made on an older view of the plan (optimistic locking)."""
    if plan.lock_version != expected_lock_version:
        raise StaleEdit(f"plan {plan.id} changed (version {plan.lock_version}, edit made on {expected_lock_version})")


def touch(plan: Plan) -> None:
    """Mark the plan changed, so other open views of it become stale (bumps its lock version on flush)."""
    plan.updated_at = utcnow()


def accept_proposal(session: Session, programme_id: int, proposal_id: int, user_id: Optional[int]) -> Plan:
    """Make a re-solve's proposal the draft; the draft it replaces is archived (kept for viewing)."""
    proposal = load_plan(session, programme_id, proposal_id)
    if proposal.status is not PlanStatus.PROPOSED:
        raise InvalidState(f"plan {proposal.id} is {proposal.status.value}, not proposed")
    draft = plan_with_status(session, programme_id, proposal.kind, PlanStatus.DRAFT)
    if draft is not None:
        draft.status = PlanStatus.ARCHIVED
        session.flush()
    proposal.status = PlanStatus.DRAFT
    record(session, user_id, "proposal_accepted", "plan", proposal.id, replaced=draft.id if draft else None)
    session.commit()
    return proposal


def discard_proposal(session: Session, programme_id: int, proposal_id: int, user_id: Optional[int]) -> None:
    """Throw away a re-solve's proposal; the draft stays as it was."""
    proposal = load_plan(session, programme_id, proposal_id)
    if proposal.status is not PlanStatus.PROPOSED:
        raise InvalidState(f"plan {proposal.id} is {proposal.status.value}, not proposed")
    proposal.status = PlanStatus.ARCHIVED
    record(session, user_id, "proposal_discarded", "plan", proposal.id)
    session.commit()


def _publish(session: Session, programme_id: int, draft_id: int, expected_lock_version: int,
             user_id: Optional[int], today: date) -> tuple[Plan, QueuedNotices]:
    """Publish in the session's transaction without committing: the plan and the notices it queued."""
    draft = load_plan(session, programme_id, draft_id)
    if draft.status is not PlanStatus.DRAFT:
        raise InvalidState(f"plan {draft.id} is {draft.status.value}, not a draft")
    check_version(draft, expected_lock_version)
    previous = plan_with_status(session, programme_id, draft.kind, PlanStatus.PUBLISHED)
    handler_for(draft.kind).publish(session, draft, previous, today)
    if previous is not None:
        previous.status = PlanStatus.ARCHIVED
        session.flush()
    latest = session.scalar(
        select(func.max(Plan.version)).where(Plan.programme_id == programme_id, Plan.kind == draft.kind)
    )
    draft.status = PlanStatus.PUBLISHED
    draft.version = (latest or 0) + 1
    draft.published_at = utcnow()
    draft.published_by_id = user_id
    session.flush()
    # Either service's publish can make a tutor's visit meet a session: the session holds, the date needs cover.
    mark_busy_elsewhere(session, programme_id, user_id, today)
    queued = queue_plan_notices(session, draft, today)  # reads the plan as published, so after the status change
    record(session, user_id, "plan_published", "plan", draft.id, version=draft.version,
           replaced=previous.id if previous else None)
    return draft, queued


def publish(session: Session, programme_id: int, draft_id: int, expected_lock_version: int,
            user_id: Optional[int], today: date) -> Plan:
    """Publish the draft as the next version; the previously published plan is archived, never deleted."""
    draft, _queued = _publish(session, programme_id, draft_id, expected_lock_version, user_id, today)
    session.commit()
    return draft


@dataclass(frozen=True)
class PublishPreview:
    """What publishing a draft would do: the version it becomes and who is told, by channel."""

    version: int
    tutors: int
    households: int
    emails: int
    letters: int


def preview_publish(session: Session, programme_id: int, draft_id: int, expected_lock_version: int,
                    today: date) -> PublishPreview:
    """What publish would do, found by publishing in the transaction and rolling it back: nothing is kept.

    Working it out with the publish itself means the confirmation names exactly the people the publish tells.
    """
    try:
        draft, queued = _publish(session, programme_id, draft_id, expected_lock_version, None, today)
        told = plan_recipients(session, draft)
        return PublishPreview(draft.version, len(told.tutor_ids), len(told.household_ids), queued.emails,
                              queued.letters)
    finally:
        session.rollback()
