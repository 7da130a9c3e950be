"""Which programme the site is working on."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Programme
from matching.services.errors import NoProgramme


def current_programme(session: Session) -> Programme:
    """The programme of the latest school year (one deployment serves one municipality)."""
    programme = session.scalars(select(Programme).order_by(Programme.school_year.desc(), Programme.id)).first()
    if programme is None:
        raise NoProgramme("no programme: run the demo seed or create one")
    return programme


def current_programme_id(session: Session) -> Optional[int]:
    """The current programme's id, or None on a new deployment that has no programme yet."""
    try:
        return current_programme(session).id
    except NoProgramme:
        return None
