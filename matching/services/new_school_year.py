"""A new school year (新年度) made from the current one, which is then kept for reading only.

The sites, the tutors still active and the children still supported are copied into a programme for the
next year; each child moves one grade up. 中3 children leave (they finish 中学) unless the coordinator keeps
them, and 高3 children leave. The new year's national holidays go into its calendar. Accounts and calendar
feeds of tutors move to their new year's record, so tutors keep logging in and their feed URL keeps working.
Plans, family links and messages stay with the old year: a new year starts with no plan and new links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional, TypeVar

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    CalendarFeedToken, Household, Programme, Student, Tutor, UserAccount,
)
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.calendar_intake import holiday_entries
from matching.services.programme_setup import school_year_dates

LAST_OF_MIDDLE_SCHOOL = 9  # 中3
LAST_GRADE = 12  # 高3
# Columns a copy never takes over: its own identity, its stamps and its edit version.
OWN_COLUMNS = {"id", "created_at", "updated_at", "version_id"}

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class GraduatingChild:
    """A 中3 child who leaves at the new year unless the coordinator keeps them."""

    student_id: int
    full_name: str
    school: str


@dataclass(frozen=True)
class NewYearPreview:
    """What starting the next year would copy, and the 中3 children to decide about."""

    programme_id: int
    next_school_year: int
    sites: int
    tutors: int
    children: int
    graduating: tuple[GraduatingChild, ...]
    leaving_high_school: int


@dataclass(frozen=True)
class NewYearResult:
    """What the new year received."""

    programme_id: int
    sites: int
    tutors: int
    children: int
    households: int
    left: int
    holidays: int


def copy_row(row: RowT, **overrides: Any) -> RowT:
    """A new row of the same table with the same column values, except its identity and the overrides."""
    mapper = inspect(row).mapper
    values = {attr.key: getattr(row, attr.key) for attr in mapper.column_attrs if attr.key not in OWN_COLUMNS}
    return mapper.class_(**{**values, **overrides})


def _open_programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(f"programme {programme_id}")
    if programme.closed_on is not None:
        raise ValidationFailed({"programme": "year_not_current"})
    taken = select(Programme.id).where(Programme.school_year == programme.school_year + 1)
    if session.scalar(taken) is not None:
        raise ValidationFailed({"programme": "next_year_exists"})
    return programme


def _tutors_staying(session: Session, programme: Programme, starts_on: date) -> list[Tutor]:
    return list(session.scalars(
        select(Tutor).where(Tutor.programme_id == programme.id)
        .where((Tutor.active_until.is_(None)) | (Tutor.active_until >= starts_on))
        .options(selectinload(Tutor.subjects), selectinload(Tutor.availability), selectinload(Tutor.exceptions),
                 selectinload(Tutor.sites)).order_by(Tutor.id)))


def _children(session: Session, programme: Programme) -> list[Student]:
    return list(session.scalars(
        select(Student).join(Household).where(Household.programme_id == programme.id, Student.active.is_(True))
        .options(selectinload(Student.needs), selectinload(Student.availability)).order_by(Student.id)))


def _next_grade(child: Student, keep: set[int]) -> Optional[int]:
    """The child's grade next year, or None when they leave."""
    if child.grade >= LAST_GRADE or (child.grade == LAST_OF_MIDDLE_SCHOOL and child.id not in keep):
        return None
    return child.grade + 1


def new_year_preview(session: Session, programme_id: int) -> NewYearPreview:
    """What starting the next school year would copy, with the 中3 children to decide about."""
    programme = _open_programme(session, programme_id)
    starts_on, _ = school_year_dates(programme.school_year + 1)
    children = _children(session, programme)
    graduating = tuple(GraduatingChild(c.id, c.full_name, c.school) for c in children
                       if c.grade == LAST_OF_MIDDLE_SCHOOL)
    return NewYearPreview(programme.id, programme.school_year + 1, len(programme.sites),
                          len(_tutors_staying(session, programme, starts_on)), len(children), graduating,
                          sum(1 for c in children if c.grade >= LAST_GRADE))


def _copy_sites(session: Session, old: Programme, new: Programme) -> dict[int, int]:
    site_ids = {}
    for site in old.sites:
        copy = copy_row(site, programme_id=new.id, openings=[copy_row(o, site_id=None) for o in site.openings])
        session.add(copy)
        session.flush()
        site_ids[site.id] = copy.id
    return site_ids


def _copy_tutors(session: Session, old: Programme, new: Programme, site_ids: dict[int, int]) -> int:
    tutors = _tutors_staying(session, old, new.starts_on)
    for tutor in tutors:
        copy = copy_row(tutor, programme_id=new.id, active_from=max(tutor.active_from, new.starts_on),
                        subjects=[copy_row(s, tutor_id=None) for s in tutor.subjects],
                        availability=[copy_row(a, tutor_id=None) for a in tutor.availability],
                        exceptions=[copy_row(e, tutor_id=None) for e in tutor.exceptions
                                    if e.ends_on >= new.starts_on],
                        sites=[copy_row(s, tutor_id=None, site_id=site_ids[s.site_id]) for s in tutor.sites])
        session.add(copy)
        session.flush()
        # The person keeps their login and feed URL; they now open the new year's record.
        session.execute(update(UserAccount).where(UserAccount.tutor_id == tutor.id).values(tutor_id=copy.id))
        session.execute(update(CalendarFeedToken).where(CalendarFeedToken.tutor_id == tutor.id)
                        .values(tutor_id=copy.id))
    return len(tutors)


def _copy_children(session: Session, old: Programme, new: Programme, site_ids: dict[int, int],
                   keep: set[int]) -> tuple[int, int, int]:
    households: dict[int, Household] = {}
    moved = left = 0
    for child in _children(session, old):
        grade = _next_grade(child, keep)
        if grade is None:
            left += 1
            continue
        if child.household_id not in households:
            households[child.household_id] = copy_row(child.household, programme_id=new.id)
            session.add(households[child.household_id])
        session.add(copy_row(child, household=households[child.household_id], household_id=None, grade=grade,
                             home_site_id=site_ids.get(child.home_site_id),
                             needs=[copy_row(n, student_id=None) for n in child.needs],
                             availability=[copy_row(a, student_id=None) for a in child.availability]))
        moved += 1
    return moved, len(households), left


def start_next_year(session: Session, programme_id: int, keep_student_ids: set[int], user_id: Optional[int],
                    today: date) -> NewYearResult:
    """Make next school year's programme from this one, which is closed for reading only; one transaction."""
    old = _open_programme(session, programme_id)
    starts_on, ends_on = school_year_dates(old.school_year + 1)
    new = copy_row(old, school_year=old.school_year + 1, starts_on=starts_on, ends_on=ends_on, closed_on=None)
    session.add(new)
    session.flush()
    site_ids = _copy_sites(session, old, new)
    tutors = _copy_tutors(session, old, new, site_ids)
    children, households, left = _copy_children(session, old, new, site_ids, keep_student_ids)
    holidays = holiday_entries(new)
    session.add_all(holidays)
    old.closed_on = today
    record(session, user_id, "start_school_year", "programme", new.id, previous_programme_id=old.id,
           children=children, left=left, tutors=tutors)
    session.commit()
    return NewYearResult(new.id, len(site_ids), tutors, children, households, left, len(holidays))
