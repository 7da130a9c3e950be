"""A household as the coordinator's family-contact pages show it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from matching.models import Channel, Household
from matching.services.errors import NotFound


@dataclass(frozen=True)
class HouseholdSummary:
    """A household's guardian, language, channel and children (id, full name, reading)."""

    id: int
    guardian_name: str
    guardian_name_kana: str
    language: str
    preferred_channel: Channel
    has_email: bool
    children: tuple[tuple[int, str, str], ...]


def household_summary(session: Session, programme_id: int, household_id: int) -> HouseholdSummary:
    """One household of the programme, or NotFound."""
    household = session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    return HouseholdSummary(
        id=household.id, guardian_name=household.guardian_name, guardian_name_kana=household.guardian_name_kana,
        language=household.language, preferred_channel=household.preferred_channel, has_email=bool(household.email),
        children=tuple((s.id, s.full_name, s.full_name_kana) for s in household.students),
    )
