"""Who is marking attendance, and the rule that a tutor marks only their own items, and only once they began."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from matching.access_policy import Viewer, may_mark_attendance
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


    @property
    def viewer(self) -> Viewer:
        """The marker as a viewer of the access policy (staff are coordinators there)."""
        return Viewer.TUTOR if self.is_tutor else Viewer.COORDINATOR


def require_own(marker: Marker, tutor_ids: set[int]) -> None:
    """Refuse a marker the access policy does not allow as if the item did not exist (no hint it does)."""
    if not may_mark_attendance(marker.viewer, marker.tutor_id in tutor_ids):
        raise NotFound("not one of this tutor's items")


def require_started(on_date: date, today: date) -> None:
    """Attendance is recorded on the day or later (late entries welcome), never ahead of the date."""
    if on_date > today:
        raise ValidationFailed({"on_date": "future"})
