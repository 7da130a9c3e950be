"""A tutor changes their own weekly availability; the coordinator sees the change and the planned dates it touches.

The tutor's planned dates are not moved by the change: a date that no longer fits is listed for the
coordinator (who re-solves, finds a substitute or agrees with the tutor), and shown to the tutor too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import AuditEntry, Tutor, TutorAvailability
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.changes import replace_children, touch
from matching.services.intake.windows import Window, window_problem
from matching.services.tutor_schedule import ScheduleItem, tutor_schedule

ACTION = "own_availability_changed"


def _fits(item: ScheduleItem, windows: list[Window]) -> bool:
    return any(w == item.on_date.weekday() and s <= item.start and item.end <= e for w, s, e in windows)


def dates_outside_availability(session: Session, programme_id: int, tutor_id: int, since: date) -> list[ScheduleItem]:
    """The tutor's planned, not cancelled dates from since on that their weekly availability no longer covers."""
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    windows = [(w.weekday, w.start_minute, w.end_minute) for w in tutor.availability]
    return [item for item in tutor_schedule(session, programme_id, tutor_id, since)
            if not item.cancelled and not _fits(item, windows)]


def change_own_availability(session: Session, programme_id: int, tutor_id: int, windows: tuple[Window, ...],
                            user_id: Optional[int], today: date) -> list[ScheduleItem]:
    """Save the tutor's new weekly windows (audited with how many dates they touch); returns the touched dates."""
    problem = window_problem(windows)
    if problem:
        raise ValidationFailed({"availability": problem})
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    changed = replace_children(tutor, "availability",
                               [(w.weekday, w.start_minute, w.end_minute) for w in tutor.availability],
                               sorted(windows),
                               lambda w: TutorAvailability(weekday=w[0], start_minute=w[1], end_minute=w[2]))
    session.flush()
    touched = dates_outside_availability(session, programme_id, tutor_id, today)
    if changed:
        touch(tutor)
        record(session, user_id, ACTION, "tutor", tutor.id, dates_touched=len(touched))
    session.commit()
    return touched


@dataclass(frozen=True)
class AvailabilityChange:
    """A tutor's own change as the coordinator's list shows it, with the dates it touches now."""

    tutor_id: int
    tutor_name: str
    at: datetime
    touched: list[ScheduleItem]


def recent_own_changes(session: Session, programme_id: int, today: date, limit: int = 50) -> list[AvailabilityChange]:
    """The latest change of each tutor who changed their own availability, newest first, with the dates it touches."""
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action == ACTION)
                              .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit * 4))
    out, seen = [], set()
    for entry in entries:
        tutor = session.get(Tutor, entry.entity_id)
        if entry.entity_id in seen or tutor is None or tutor.programme_id != programme_id:
            continue
        seen.add(entry.entity_id)
        out.append(AvailabilityChange(tutor.id, tutor.full_name, entry.at,
                                      dates_outside_availability(session, programme_id, tutor.id, today)))
    return out[:limit]
