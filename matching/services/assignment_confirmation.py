"""A tutor confirms a new assignment: a weekly visit or a study-room session they were given."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from matching.models import SessionStaff, Visit
from matching.services.audit import record
from matching.services.errors import NotFound


def confirm_assignment(session: Session, tutor_id: int, kind: str, assignment_id: int, user_id: int,
                       now: datetime) -> None:
    """Mark the tutor's own visit or session place as confirmed; anything not theirs is NotFound."""
    model = {"visit": Visit, "session": SessionStaff}.get(kind)
    row = session.get(model, assignment_id) if model else None
    if row is None or row.tutor_id != tutor_id:
        raise NotFound(f"{kind} {assignment_id}")
    if row.confirmed_at is None:
        row.confirmed_at = now
        record(session, user_id, "assignment_confirmed", kind, assignment_id)
    session.commit()
