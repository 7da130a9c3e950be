"""Who is marking attendance, and the rule that a tutor marks only their own items, and only once they began."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from matching.services.errors import NotFound, ValidationFailed


@dataclass(frozen=True)
class Marker:
    """The account marking attendance: a coordinator (tutor_id None) or a tutor marking their own items."""

    user_id: Optional[int]
    tutor_id: Optional[int] = None

    @property
    def is_tutor(self) -> bool:
        """Whether the marker is a tutor (limited to their own visits and sessions)."""
        return self.tutor_id is not None


def require_own(marker: Marker, tutor_ids: set[int]) -> None:
    """Refuse a tutor who is not one of the item's tutors as if the item did not exist (no hint it does)."""
    if marker.is_tutor and marker.tutor_id not in tutor_ids:
        raise NotFound("not one of this tutor's items")


def require_started(on_date: date, today: date) -> None:
    """Attendance is recorded on the day or later (late entries welcome), never ahead of the date."""
    if on_date > today:
        raise ValidationFailed({"on_date": "future"})
