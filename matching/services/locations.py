"""Homes without coordinates: children who can be registered before their home is placed on the map.

Travel times need both homes' coordinates, so such a child is left out of home-visit solves with NO_LOCATION.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import Household, Mode, Student
from matching.services.support_end import supported_on

NO_LOCATION = ("no_location", "自宅の位置(緯度・経度)が未登録のため、移動時間を計算できず対象外にしました",
               "Left out: the home has no location (latitude and longitude), so travel times cannot be estimated")


@dataclass(frozen=True)
class UnlocatedHome:
    """A supported child whose home has no coordinates yet."""

    student_id: int
    full_name: str
    full_name_kana: str
    mode: Mode
    address: str
    postal_code: str


def children_without_location(session: Session, programme_id: int, today: date) -> list[UnlocatedHome]:
    """Supported children whose household has no coordinates (left out of home-visit solves), by furigana."""
    rows = session.scalars(
        select(Student).join(Household)
        .where(Household.programme_id == programme_id, supported_on(today),
               (Household.lat.is_(None)) | (Household.lon.is_(None)))
        .options(selectinload(Student.household))
        .order_by(Student.family_name_kana, Student.given_name_kana, Student.id))
    return [UnlocatedHome(s.id, s.full_name, s.full_name_kana, s.mode, s.household.address, s.household.postal_code)
            for s in rows]
