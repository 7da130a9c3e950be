"""The school calendar: national holidays filled in from the holiday library, other periods added by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.holidays import national_holidays
from matching.models import CalendarEntry, CalendarKind, Programme
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed
from matching.services.sites import site_belongs


@dataclass(frozen=True)
class CalendarEntryInput:
    """A dated period (inclusive) for the whole programme (site_id None) or one site."""

    kind: CalendarKind
    name: str
    starts_on: date
    ends_on: date
    site_id: Optional[int] = None


def calendar_entries(session: Session, programme_id: int) -> list[CalendarEntry]:
    """Every calendar entry of a programme in date order, with its site loaded."""
    return list(session.scalars(
        select(CalendarEntry).where(CalendarEntry.programme_id == programme_id)
        .options(selectinload(CalendarEntry.site)).order_by(CalendarEntry.starts_on, CalendarEntry.id)
    ))


def _programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(f"programme {programme_id}")
    return programme


def add_calendar_entry(session: Session, programme_id: int, data: CalendarEntryInput, user_id: Optional[int]) -> int:
    """Add a period to the calendar; it must end after it starts and fall within the school year."""
    programme = _programme(session, programme_id)
    errors: dict[str, str] = {}
    if data.ends_on < data.starts_on:
        errors["ends_on"] = "period_end_before_start"
    if data.starts_on < programme.starts_on or data.ends_on > programme.ends_on:
        errors["starts_on"] = "outside_school_year"
    if data.site_id is not None and not site_belongs(session, programme_id, data.site_id):
        errors["site_id"] = "unknown_site"
    if errors:
        raise ValidationFailed(errors)
    entry = CalendarEntry(programme_id=programme_id, kind=data.kind, name=data.name, starts_on=data.starts_on,
                          ends_on=data.ends_on, site_id=data.site_id)
    session.add(entry)
    session.flush()
    record(session, user_id, "create", "calendar_entry", entry.id, kind=data.kind.value, site_id=data.site_id)
    session.commit()
    return entry.id


def delete_calendar_entry(session: Session, programme_id: int, entry_id: int, user_id: Optional[int]) -> None:
    """Remove a period from the calendar."""
    entry = session.get(CalendarEntry, entry_id)
    if entry is None or entry.programme_id != programme_id:
        raise NotFound(f"calendar entry {entry_id}")
    record(session, user_id, "delete", "calendar_entry", entry.id, kind=entry.kind.value, site_id=entry.site_id)
    session.delete(entry)
    session.commit()


def holiday_entries(programme: Programme) -> list[CalendarEntry]:
    """Calendar entries for every national holiday of the programme's school year (not yet added)."""
    return [CalendarEntry(programme_id=programme.id, kind=CalendarKind.HOLIDAY, name=name, starts_on=day, ends_on=day)
            for day, name in national_holidays(programme.starts_on, programme.ends_on)]


def fill_national_holidays(session: Session, programme_id: int, user_id: Optional[int]) -> int:
    """Add the school year's national holidays not yet in the calendar; returns how many were added."""
    programme = _programme(session, programme_id)
    present = set(session.scalars(
        select(CalendarEntry.starts_on).where(CalendarEntry.programme_id == programme_id,
                                              CalendarEntry.kind == CalendarKind.HOLIDAY,
                                              CalendarEntry.site_id.is_(None))
    ))
    added = [entry for entry in holiday_entries(programme) if entry.starts_on not in present]
    session.add_all(added)
    record(session, user_id, "fill_holidays", "programme", programme_id, added=len(added))
    session.commit()
    return len(added)
