"""Who is told what after a publish or a change: only the tutors and households whose dates changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import (
    ChangeKind, Channel, Household, Plan, PlanChange, PlanKind, Student, StudentSiteAssignment, Tutor,
)
from matching.notify.outbox import enqueue
from matching.notify.schedule_notices import household_notice, tutor_notice


@dataclass(frozen=True)
class Recipients:
    """The tutors and households a change concerns."""

    tutor_ids: frozenset[int]
    household_ids: frozenset[int]


@dataclass(frozen=True)
class QueuedNotices:
    """How many notices went into the outbox, by channel."""

    emails: int
    letters: int


def _ids(values: Iterable[Optional[int]]) -> frozenset[int]:
    return frozenset(int(v) for v in values if v is not None)


def _households_of(session: Session, student_ids: Iterable[int]) -> frozenset[int]:
    ids = list(student_ids)
    if not ids:
        return frozenset()
    return _ids(session.scalars(select(Student.household_id).where(Student.id.in_(ids))))


def plan_recipients(session: Session, plan: Plan) -> Recipients:
    """Everyone a published plan changed something for, from its PlanChange rows (kept rows tell nobody)."""
    changes = session.scalars(select(PlanChange).where(PlanChange.plan_id == plan.id,
                                                       PlanChange.kind != ChangeKind.KEPT)).all()
    tutors = {c.tutor_id for c in changes}
    for change in changes:  # a home visit that changed tutor concerns the tutor it had before, too
        before = (change.detail or {}).get("before") or {}
        tutors.add(before.get("tutor_id"))
    students = {c.student_id for c in changes if c.student_id is not None}
    if plan.kind is PlanKind.ROOMS:  # a site whose dates changed concerns every child who attends it
        sites = {c.site_id for c in changes if c.student_id is None and c.tutor_id is None and c.site_id}
        if sites:
            students |= set(session.scalars(select(StudentSiteAssignment.student_id).where(
                StudentSiteAssignment.plan_id == plan.id, StudentSiteAssignment.site_id.in_(sites))))
    return Recipients(_ids(tutors), _households_of(session, students))


def tutor_channel(tutor: Tutor) -> tuple[Channel, str]:
    """How a tutor is reached: e-mail when they gave an address, else a letter."""
    return (Channel.EMAIL, tutor.email) if tutor.email else (Channel.LETTER, "")


def household_channel(household: Household) -> tuple[Channel, str]:
    """How a household is reached: e-mail only if it asked for it and has an address, else a letter."""
    if household.preferred_channel is Channel.EMAIL and household.email:
        return Channel.EMAIL, household.email
    return Channel.LETTER, ""


def queue_notices(session: Session, programme_id: int, recipients: Recipients, kind: str, today: date,
                  plan_id: Optional[int] = None) -> QueuedNotices:
    """Put one notice per recipient in the outbox: e-mail where there is an address (and, for families, the wish)."""
    emails = letters = 0
    for tutor in session.scalars(select(Tutor).where(Tutor.id.in_(recipients.tutor_ids)).order_by(Tutor.id)):
        words = tutor_notice(session, programme_id, tutor.id, today)
        channel, address = tutor_channel(tutor)
        enqueue(session, kind=kind, channel=channel, address=address, subject=words.subject, body=words.body,
                tutor_id=tutor.id, plan_id=plan_id)
        emails, letters = emails + (channel is Channel.EMAIL), letters + (channel is Channel.LETTER)
    households = session.scalars(select(Household).where(Household.id.in_(recipients.household_ids))
                                 .order_by(Household.id))
    for household in households:
        words = household_notice(session, programme_id, household.id, today)
        channel, address = household_channel(household)
        enqueue(session, kind=kind, channel=channel, address=address, subject=words.subject, body=words.body,
                language=household.language, household_id=household.id, plan_id=plan_id)
        emails, letters = emails + (channel is Channel.EMAIL), letters + (channel is Channel.LETTER)
    return QueuedNotices(emails=emails, letters=letters)


def queue_plan_notices(session: Session, plan: Plan, today: date) -> QueuedNotices:
    """The notices of a publish (the caller's transaction commits them with the publish)."""
    session.flush()
    return queue_notices(session, plan.programme_id, plan_recipients(session, plan), "plan_change", today, plan.id)
