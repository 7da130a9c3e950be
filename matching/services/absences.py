"""Tutors' absences: reported for a date or a period, seen by coordinators at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Tutor, TutorException
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed
from matching.services.tutor_schedule import ScheduleItem, tutor_schedule

MAX_REASON = 200


@dataclass(frozen=True)
class Absence:
    """An absence as lists show it, with the tutor's visits and sessions it touches: each still the tutor's,
    so each needs a substitute (or a cancellation) until the coordinator arranges one."""

    id: int
    tutor_id: int
    tutor_name: str
    starts_on: date
    ends_on: date
    reason: str
    affected: tuple[ScheduleItem, ...]


def report_absence(session: Session, programme_id: int, tutor_id: int, starts_on: date, ends_on: Optional[date],
                   reason: str, user_id: int, today: date) -> Absence:
    """Record that a tutor cannot come on a date or through a period; returns it with what it affects."""
    ends_on = ends_on or starts_on
    errors = {}
    if starts_on < today:
        errors["starts_on"] = "past"
    if ends_on < starts_on:
        errors["ends_on"] = "before_start"
    reason = reason.strip()
    if not reason:
        errors["reason"] = "required"
    elif len(reason) > MAX_REASON:
        errors["reason"] = "too_long"
    if not errors and _overlapping(session, tutor_id, starts_on, ends_on):
        errors["starts_on"] = "overlap"  # the same dates twice would flag them twice
    if errors:
        raise ValidationFailed(errors)
    row = TutorException(tutor_id=tutor_id, starts_on=starts_on, ends_on=ends_on, reason=reason,
                         reported_by_tutor=True)
    session.add(row)
    session.flush()
    record(session, user_id, "absence_reported", "tutor", tutor_id, absence_id=row.id,
           starts_on=starts_on.isoformat(), ends_on=ends_on.isoformat())
    session.commit()
    return _absence(session, programme_id, row, today)


def _overlapping(session: Session, tutor_id: int, starts_on: date, ends_on: date) -> bool:
    """Whether the tutor already reported an absence on any of these dates."""
    return session.scalar(select(TutorException.id).where(
        TutorException.tutor_id == tutor_id, TutorException.reported_by_tutor.is_(True),
        TutorException.starts_on <= ends_on, TutorException.ends_on >= starts_on).limit(1)) is not None


def withdraw_absence(session: Session, tutor_id: int, absence_id: int, user_id: int, today: date) -> None:
    """Take back one's own absence that has not ended: its dates are the tutor's again, needing no substitute."""
    row = session.get(TutorException, absence_id)
    if row is None or row.tutor_id != tutor_id or not row.reported_by_tutor or row.ends_on < today:
        raise NotFound(f"absence {absence_id}")
    record(session, user_id, "absence_withdrawn", "tutor", tutor_id, absence_id=row.id,
           starts_on=row.starts_on.isoformat(), ends_on=row.ends_on.isoformat())
    session.delete(row)
    session.commit()


def _absence(session: Session, programme_id: int, row: TutorException, today: date) -> Absence:
    tutor = session.get(Tutor, row.tutor_id)
    items = tutor_schedule(session, programme_id, row.tutor_id, max(today, row.starts_on))
    affected = tuple(i for i in items if row.starts_on <= i.on_date <= row.ends_on and not i.cancelled)
    return Absence(row.id, row.tutor_id, tutor.full_name, row.starts_on, row.ends_on, row.reason, affected)


def tutor_absences(session: Session, programme_id: int, tutor_id: int, today: date) -> list[Absence]:
    """A tutor's reported absences that have not ended yet."""
    rows = session.scalars(
        select(TutorException).where(TutorException.tutor_id == tutor_id, TutorException.reported_by_tutor.is_(True),
                                     TutorException.ends_on >= today).order_by(TutorException.starts_on)
    ).all()
    return [_absence(session, programme_id, row, today) for row in rows]


def dates_needing_substitute(session: Session, programme_id: int, today: date) -> int:
    """How many dated visits and sessions from today on an absent tutor still holds (the coordinator's to-do)."""
    return sum(len(a.affected) for a in open_absences(session, programme_id, today))


def open_absences(session: Session, programme_id: int, today: date) -> list[Absence]:
    """Every reported absence of the programme's tutors that has not ended, soonest first (the coordinator's list)."""
    rows = session.scalars(
        select(TutorException).join(Tutor)
        .where(Tutor.programme_id == programme_id, TutorException.reported_by_tutor.is_(True),
               TutorException.ends_on >= today)
        .order_by(TutorException.starts_on, TutorException.id)
    ).all()
    return [_absence(session, programme_id, row, today) for row in rows]
