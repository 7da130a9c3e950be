"""A programme from nothing: its municipality, name, school year and office contact, and editing them.

A deployment starts with one programme; each later school year is made from the one before
(matching/services/new_school_year.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.models import Programme
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.calendar_intake import holiday_entries
from matching.services.intake.changes import set_fields


@dataclass(frozen=True)
class ProgrammeInput:
    """What the programme form says: who runs it, for which school year, and the office (事務局) to contact."""

    municipality: str
    name: str
    school_year: int
    office_name: str
    office_phone: str
    office_email: str
    office_hours: str


@dataclass(frozen=True)
class OfficeContact:
    """The office that letters and family pages name: 事務局 name, phone, e-mail and opening hours."""

    name: str
    phone: str
    email: str
    hours: str


def school_year_dates(school_year: int) -> tuple[date, date]:
    """The first and last day of a Japanese school year (年度): 1 April to 31 March."""
    return date(school_year, 4, 1), date(school_year + 1, 3, 31)


def create_programme(session: Session, data: ProgrammeInput, user_id: Optional[int]) -> int:
    """The deployment's first programme, with its year's national holidays in the calendar; returns its id."""
    if session.scalar(select(func.count(Programme.id))):
        raise ValidationFailed({"programme": "programme_exists"})
    starts_on, ends_on = school_year_dates(data.school_year)
    programme = Programme(**{f.name: getattr(data, f.name) for f in fields(ProgrammeInput)},
                          starts_on=starts_on, ends_on=ends_on)
    session.add(programme)
    session.flush()
    session.add_all(holiday_entries(programme))
    record(session, user_id, "create", "programme", programme.id, school_year=data.school_year)
    session.commit()
    return programme.id


def programme_for_edit(session: Session, programme_id: int) -> ProgrammeInput:
    """A programme's current values for the form."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(f"programme {programme_id}")
    return ProgrammeInput(**{f.name: getattr(programme, f.name) for f in fields(ProgrammeInput)})


def update_programme(session: Session, programme_id: int, data: ProgrammeInput, user_id: Optional[int]) -> None:
    """Save the name, municipality and office contact (the school year of a programme never changes)."""
    programme = session.get(Programme, programme_id)
    if programme is None or programme.closed_on is not None:
        raise NotFound(f"programme {programme_id}")
    names = [f.name for f in fields(ProgrammeInput) if f.name != "school_year"]
    changed = set_fields(programme, {name: getattr(data, name) for name in names})
    if changed:
        record(session, user_id, "update", "programme", programme.id, fields=sorted(changed))
    session.commit()


def office_contact(programme: Programme) -> OfficeContact:
    """The programme's office contact as letters and family pages print it."""
    return OfficeContact(programme.office_name, programme.office_phone, programme.office_email, programme.office_hours)
