"""What families send back from their link: a confirmation or a request for a change, and their handling.

A family's message is stored for the coordinator and never written to the log or the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    Household, HouseholdMessage, OccurrenceStatus, PlanKind, Student, Visit, VisitOccurrence,
)
from matching.services.audit import record
from matching.services.errors import NotFound
from matching.services.published import published_plan_id

MAX_MESSAGE_LENGTH = 1000
CONFIRM, CHANGE_REQUEST = "confirm", "change_request"


class InvalidMessage(ValueError):
    """A change request that is empty or longer than MAX_MESSAGE_LENGTH."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "empty" or "too_long"


@dataclass(frozen=True)
class FamilyMessage:
    """A family's message as the coordinator's list shows it."""

    id: int
    household_id: int
    kind: str
    body: str
    created_at: datetime
    guardian_name: str
    student_ids: tuple[int, ...]
    children: tuple[str, ...]  # full names, for the coordinator
    language: str


def _household(session: Session, household_id: int) -> Household:
    household = session.get(Household, household_id)
    if household is None:
        raise NotFound(f"household {household_id}")
    return household


def confirm_schedule(session: Session, household_id: int, since: date, now: datetime) -> int:
    """Mark the household's upcoming published visits as confirmed by the family; returns how many."""
    household = _household(session, household_id)
    plan_id = published_plan_id(session, household.programme_id, PlanKind.VISITS)
    occurrences: list[VisitOccurrence] = []
    if plan_id is not None:
        occurrences = list(session.scalars(
            select(VisitOccurrence).join(Visit).join(Student, Visit.student_id == Student.id)
            .where(Visit.plan_id == plan_id, Student.household_id == household_id, VisitOccurrence.on_date >= since,
                   VisitOccurrence.status != OccurrenceStatus.CANCELLED,
                   VisitOccurrence.household_confirmed_at.is_(None))))
    for occurrence in occurrences:
        occurrence.household_confirmed_at = now
    session.add(HouseholdMessage(household_id=household_id, kind=CONFIRM, created_at=now))
    record(session, None, "household_confirmed", "household", household_id, occurrences=len(occurrences))
    session.commit()
    return len(occurrences)


def request_change(session: Session, household_id: int, body: str, now: datetime) -> int:
    """Store the family's request for a change for the coordinator; returns the message id."""
    text = (body or "").strip()
    if not text:
        raise InvalidMessage("empty")
    if len(text) > MAX_MESSAGE_LENGTH:
        raise InvalidMessage("too_long")
    _household(session, household_id)
    message = HouseholdMessage(household_id=household_id, kind=CHANGE_REQUEST, body=text, created_at=now)
    session.add(message)
    session.flush()
    record(session, None, "household_change_requested", "household_message", message.id, household_id=household_id)
    session.commit()
    return message.id


def unhandled_messages(session: Session, programme_id: int) -> list[FamilyMessage]:
    """The programme's family messages no coordinator has handled yet, oldest first."""
    rows = session.scalars(
        select(HouseholdMessage).join(Household, HouseholdMessage.household_id == Household.id)
        .where(Household.programme_id == programme_id, HouseholdMessage.handled_at.is_(None))
        .order_by(HouseholdMessage.created_at, HouseholdMessage.id)
    ).all()
    households = {h.id: h for h in session.scalars(
        select(Household).where(Household.id.in_({r.household_id for r in rows}))
        .options(selectinload(Household.students)))}
    return [
        FamilyMessage(id=r.id, household_id=r.household_id, kind=r.kind, body=r.body, created_at=r.created_at,
                      guardian_name=households[r.household_id].guardian_name,
                      student_ids=tuple(s.id for s in households[r.household_id].students),
                      children=tuple(s.full_name for s in households[r.household_id].students),
                      language=households[r.household_id].language)
        for r in rows
    ]


def mark_handled(session: Session, programme_id: int, message_id: int, user_id: Optional[int],
                 now: datetime) -> None:
    """Record that a coordinator has dealt with a family's message."""
    message = session.get(HouseholdMessage, message_id)
    if message is None or _household(session, message.household_id).programme_id != programme_id:
        raise NotFound(f"household message {message_id}")
    if message.handled_at is None:
        message.handled_at, message.handled_by_id = now, user_id
        record(session, user_id, "household_message_handled", "household_message", message_id)
    session.commit()
