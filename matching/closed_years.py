"""A closed school year is kept for reading: a flush that would add, change or delete one of its rows is refused.

Every page edits the current year only; this guard makes sure no code path, present or future, writes into a
year after the next one was started from it (see matching/services/new_school_year.py).
"""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from matching.models import (
    CalendarEntry, Household, Plan, Programme, Site, SiteOpening, Student, StudentAvailability, StudentNeed, Tutor,
    TutorAvailability, TutorException, TutorSite, TutorSubject, Visit,
)
from matching.services.errors import InvalidState

# The rows that make up a school year, and the relationship that leads from each towards its programme.
YEAR_ROWS = (Programme, Site, SiteOpening, CalendarEntry, Household, Student, StudentNeed, StudentAvailability,
             Tutor, TutorSubject, TutorAvailability, TutorException, TutorSite, Plan, Visit)
PARENTS = ("site", "household", "student", "tutor", "plan")


class YearClosed(InvalidState):
    """The change touches a school year that was closed when the next one started."""


def _programme_id(row: Any) -> Optional[int]:
    while row is not None:
        if isinstance(row, Programme):
            return row.id
        if getattr(row, "programme_id", None) is not None:
            return row.programme_id
        row = next((getattr(row, name) for name in PARENTS if hasattr(type(row), name)), None)
    return None


def refuse_changes_to_closed_years(session: Session, _context: Any, _instances: Any) -> None:
    """Before a flush: raise YearClosed when a row of a closed school year would be written."""
    touched = [row for row in (*session.new, *session.deleted, *session.dirty)
               if isinstance(row, YEAR_ROWS) and (row not in session.dirty or session.is_modified(row))]
    if not touched:
        return
    closed = set(session.scalars(select(Programme.id).where(Programme.closed_on.is_not(None))))
    if closed and any(_programme_id(row) in closed for row in touched):
        raise YearClosed("this school year is closed: its records are kept for reading only")


def guard_closed_years(factory: sessionmaker) -> None:
    """Attach the guard to every session the factory makes."""
    event.listen(factory, "before_flush", refuse_changes_to_closed_years)
