"""Reading sites and their calendars for the coordinator's pages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from matching.models import CalendarEntry, Site, Student
from matching.services.errors import NotFound


@dataclass(frozen=True)
class SiteRow:
    """One line of the sites list."""

    id: int
    name: str
    address: str
    capacity: int
    openings: tuple[tuple[int, int, int], ...]  # (weekday, start, end)
    target_sessions: int
    students: int


def _students_per_site(session: Session, *site_ids: int) -> dict[int, int]:
    query = (
        select(Student.home_site_id, func.count(Student.id))
        .where(Student.active.is_(True), Student.home_site_id.in_(site_ids))
        .group_by(Student.home_site_id)
    )
    return {site_id: count for site_id, count in session.execute(query).all()}


def _row(site: Site, students: int) -> SiteRow:
    return SiteRow(id=site.id, name=site.name, address=site.address, capacity=site.capacity,
                   openings=tuple((o.weekday, o.start_minute, o.end_minute) for o in site.openings),
                   target_sessions=site.target_sessions, students=students)


def list_sites(session: Session, programme_id: int) -> list[SiteRow]:
    """Every site of a programme with how many active children have it as their home site."""
    sites = session.scalars(
        select(Site).where(Site.programme_id == programme_id).order_by(Site.id).options(selectinload(Site.openings))
    ).all()
    counts = _students_per_site(session, *(site.id for site in sites))
    return [_row(site, counts.get(site.id, 0)) for site in sites]


@dataclass(frozen=True)
class SiteDetail:
    """A site with the calendar entries that concern it (its own and the programme-wide ones)."""

    site: SiteRow
    lat: float
    lon: float
    min_days_between_sessions: int
    min_tutors_per_session: int
    children_per_tutor: int
    notes: str
    calendar: list[CalendarEntry]


def site_detail(session: Session, programme_id: int, site_id: int) -> SiteDetail:
    """One site, its rules for sessions, and its calendar."""
    site = session.get(Site, site_id)
    if site is None or site.programme_id != programme_id:
        raise NotFound(f"site {site_id}")
    row = _row(site, _students_per_site(session, site.id).get(site.id, 0))
    calendar = session.scalars(
        select(CalendarEntry)
        .where(CalendarEntry.programme_id == programme_id)
        .where(or_(CalendarEntry.site_id.is_(None), CalendarEntry.site_id == site_id))
        .order_by(CalendarEntry.starts_on, CalendarEntry.id)
    ).all()
    return SiteDetail(site=row, lat=site.lat, lon=site.lon, min_days_between_sessions=site.min_days_between_sessions,
                      min_tutors_per_session=site.min_tutors_per_session,
                      children_per_tutor=site.children_per_tutor, notes=site.notes, calendar=list(calendar))


def site_belongs(session: Session, programme_id: int, site_id: int) -> bool:
    """Whether a site with this id exists in the programme."""
    site = session.get(Site, site_id)
    return site is not None and site.programme_id == programme_id
