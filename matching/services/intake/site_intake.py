"""Registering a study-room site with its weekly openings and session rules, and editing it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Site, SiteOpening
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.changes import replace_children, save_edit, save_new, set_fields
from matching.services.intake.windows import Window, window_problem


@dataclass(frozen=True)
class SiteInput:
    """Everything the site form says."""

    name: str
    address: str
    lat: float
    lon: float
    capacity: int
    target_sessions: int
    min_days_between_sessions: int
    min_tutors_per_session: int
    children_per_tutor: int
    notes: str
    openings: tuple[Window, ...] = ()


@dataclass(frozen=True)
class SiteForEdit:
    """A site's current values and the version token they were read at (its last update time)."""

    data: SiteInput
    version: str


_SCALARS = [field.name for field in fields(SiteInput) if field.name != "openings"]


def _version(site: Site) -> str:
    # Sites have no version column; the last update stamp serves as one.
    return site.updated_at.isoformat() if site.updated_at else ""


def check_site(session: Session, programme_id: int, data: SiteInput, site_id: Optional[int]) -> None:
    """Raise ValidationFailed with a code per field for the rules only the domain can judge."""
    errors: dict[str, str] = {}
    same = select(Site.id).where(Site.programme_id == programme_id, Site.name == data.name)
    if site_id is not None:
        same = same.where(Site.id != site_id)
    if session.scalars(same).first() is not None:
        errors["name"] = "duplicate_site_name"
    problem = window_problem(data.openings)
    if problem:
        errors["openings"] = problem
    if errors:
        raise ValidationFailed(errors)


def apply_site(site: Site, data: SiteInput) -> list[str]:
    """Copy the input onto the site; returns the names of what changed."""
    changed = set_fields(site, {name: getattr(data, name) for name in _SCALARS})
    return changed + replace_children(site, "openings",
                                      [(o.weekday, o.start_minute, o.end_minute) for o in site.openings],
                                      sorted(data.openings),
                                      lambda w: SiteOpening(weekday=w[0], start_minute=w[1], end_minute=w[2]))


def create_site(session: Session, programme_id: int, data: SiteInput, user_id: Optional[int]) -> int:
    """Register a site and return its id."""
    check_site(session, programme_id, data, None)
    site = Site(programme_id=programme_id)
    return save_new(session, site, "site", lambda: apply_site(site, data), user_id)


def _site(session: Session, programme_id: int, site_id: int, lock: bool = False) -> Site:
    site = session.get(Site, site_id, with_for_update=lock)
    if site is None or site.programme_id != programme_id:
        raise NotFound(f"site {site_id}")
    return site


def site_for_edit(session: Session, programme_id: int, site_id: int) -> SiteForEdit:
    """A site's values for the edit form."""
    site = _site(session, programme_id, site_id)
    data = SiteInput(**{name: getattr(site, name) for name in _SCALARS},
                     openings=tuple((o.weekday, o.start_minute, o.end_minute) for o in site.openings))
    return SiteForEdit(data=data, version=_version(site))


def update_site(session: Session, programme_id: int, site_id: int, data: SiteInput,
                expected_version: Optional[str], user_id: Optional[int]) -> None:
    """Save an edit unless someone saved the site since expected_version (StaleEdit)."""
    site = _site(session, programme_id, site_id, lock=True)  # the row lock stops two saves passing the check at once
    save_edit(session, site, "site", (_version(site), expected_version),
              lambda: check_site(session, programme_id, data, site.id), lambda: apply_site(site, data), user_id)
