"""The school years of the deployment: the list, and one year's records to read (a closed year is read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.models import Household, Programme, Site, Student, Tutor
from matching.services.errors import NotFound
from matching.services.programme_setup import OfficeContact, office_contact


@dataclass(frozen=True)
class YearRow:
    """One school year in the list."""

    programme_id: int
    school_year: int
    name: str
    closed_on: Optional[date]
    children: int
    tutors: int
    sites: int


@dataclass(frozen=True)
class ChildOfYear:
    """A child as a year's record shows them: name, grade and school that year."""

    full_name: str
    grade: int
    school: str
    active: bool


@dataclass(frozen=True)
class YearDetail:
    """A school year's records to read: the programme, its office, sites, tutors and children."""

    programme_id: int
    school_year: int
    name: str
    municipality: str
    starts_on: date
    ends_on: date
    closed_on: Optional[date]
    office: OfficeContact
    sites: tuple[str, ...]
    tutors: tuple[str, ...]
    children: tuple[ChildOfYear, ...]


def _count(session: Session, query) -> dict[int, int]:
    return dict(session.execute(query).all())


def list_years(session: Session) -> list[YearRow]:
    """Every school year, newest first, with how many children, tutors and sites it holds."""
    children = _count(session, select(Household.programme_id, func.count(Student.id)).join(Student.household)
                      .group_by(Household.programme_id))
    tutors = _count(session, select(Tutor.programme_id, func.count(Tutor.id)).group_by(Tutor.programme_id))
    sites = _count(session, select(Site.programme_id, func.count(Site.id)).group_by(Site.programme_id))
    return [YearRow(p.id, p.school_year, p.name, p.closed_on, children.get(p.id, 0), tutors.get(p.id, 0),
                    sites.get(p.id, 0))
            for p in session.scalars(select(Programme).order_by(Programme.school_year.desc(), Programme.id))]


def year_detail(session: Session, programme_id: int) -> YearDetail:
    """One school year's records, as they were kept."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(f"programme {programme_id}")
    students = session.scalars(select(Student).join(Student.household).where(Household.programme_id == programme_id)
                               .order_by(Student.grade.desc(), Student.family_name_kana, Student.id))
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == programme_id)
                             .order_by(Tutor.family_name_kana, Tutor.id))
    return YearDetail(programme.id, programme.school_year, programme.name, programme.municipality,
                      programme.starts_on, programme.ends_on, programme.closed_on, office_contact(programme),
                      tuple(site.name for site in programme.sites), tuple(t.full_name for t in tutors),
                      tuple(ChildOfYear(s.full_name, s.grade, s.school, s.active) for s in students))
