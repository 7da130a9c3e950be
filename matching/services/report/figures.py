"""The report's figures, as plain dataclasses: sessions, children served, attendance, visits, hours, waiting, 進路."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from matching.models import Progression, TutorKind


@dataclass(frozen=True)
class SiteFigures:
    """One site's sessions and attendance in the period (the total row has site_id None)."""

    site_id: Optional[int]
    site_name: str
    target: int  # the site's yearly target, prorated to the period
    planned: int  # sessions the plan holds in the period (not cancelled in the plan)
    held: int
    cancelled: int  # cancelled in the plan, or recorded as not held
    unrecorded: int  # planned, already past, no roll call yet
    attendances: int  # children present, summed over held sessions
    expected: int  # children whose home site it is, summed over held sessions

    @property
    def attendance_rate(self) -> Optional[float]:
        """Children present over children expected at held sessions; None before any is held."""
        return self.attendances / self.expected if self.expected else None


@dataclass(frozen=True)
class MonthFigures:
    """One calendar month of the period."""

    month: date  # its first day
    sessions_target: int
    sessions_planned: int
    sessions_held: int
    session_attendances: int
    visits_planned: int
    visits_done: int


@dataclass(frozen=True)
class Cancellation:
    """A session that was not held, and why."""

    on_date: date
    site_name: str
    reason: str


@dataclass(frozen=True)
class ServedCount:
    """Children registered and children who attended at least once, for one value of a breakdown."""

    breakdown: str  # grade, service or language
    value: str  # e.g. "9", "study_room", "vi"
    registered: int
    attended: int


@dataclass(frozen=True)
class VisitFigures:
    """Dated home visits of the period up to the report date, by outcome."""

    planned: int
    done: int
    child_absent: int
    tutor_absent: int
    cancelled: int
    unrecorded: int


@dataclass(frozen=True)
class TutorHours:
    """Hours worked on done visits and held sessions by one kind of tutor."""

    kind: TutorKind
    tutors: int
    visit_hours: float
    session_hours: float

    @property
    def paid(self) -> bool:
        """Paid staff (有償) against volunteers."""
        return self.kind is TutorKind.PAID_STAFF


@dataclass(frozen=True)
class BucketCount:
    """Children in one bucket of a distribution (sessions attended, time waited)."""

    label: str  # a bucket key, e.g. "1-4" or "90-179"
    children: int


@dataclass(frozen=True)
class ProgressionCount:
    """中3 children with one recorded 進路 (None: not recorded yet)."""

    outcome: Optional[Progression]
    children: int


@dataclass(frozen=True)
class Report:
    """The whole report of one programme for a period, as of a date."""

    programme_name: str
    school_year: int
    starts_on: date
    ends_on: date
    as_of: date
    sites: list[SiteFigures]
    total: SiteFigures
    months: list[MonthFigures]
    cancellations: list[Cancellation]
    served: list[ServedCount]
    visits: VisitFigures
    hours: list[TutorHours]
    attendance_distribution: list[BucketCount]
    waiting: list[BucketCount]
    waiting_mean_days: Optional[float]
    progression: list[ProgressionCount]
