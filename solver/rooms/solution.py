"""The study-room plan as plain dataclasses: sessions with staff, child sites, tutor loads, shortfalls and changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Session:
    """A held session: site, date, start and end (minutes after midnight) and the tutors staffing it."""

    site_id: str
    date: date
    start: int
    end: int
    staff: tuple[str, ...]
    required_staff: int
    expected_children: int


@dataclass(frozen=True)
class ChildAssignment:
    """A child's home site (None when no allowed site had room) and the travel time to it."""

    child_id: str
    site_id: str | None
    travel_minutes: int | None


@dataclass(frozen=True)
class TutorLoad:
    """How many sessions a tutor staffs over the period, and at which sites."""

    tutor_id: str
    sessions: int
    site_ids: tuple[str, ...]


@dataclass(frozen=True)
class Shortfall:
    """Something the plan could not give, with its reason in Japanese and English.

    kind is "sessions" (a site below its target), "staff" (sessions dropped for want of tutors)
    or "child" (a child without a home site).
    """

    kind: str
    missing: int
    reason_ja: str
    reason_en: str
    site_id: str | None = None
    child_id: str | None = None
    month: str | None = None


@dataclass(frozen=True)
class StaffChange:
    """A session kept from the previous plan whose staff changed."""

    site_id: str
    date: date
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class ChildMove:
    """A child whose home site changed from the previous plan (None = unassigned)."""

    child_id: str
    from_site_id: str | None
    to_site_id: str | None


@dataclass(frozen=True)
class ChangeSummary:
    """What changed against the previous plan: kept, added and dropped sessions, restaffed sessions, moved children."""

    sessions_kept: int
    sessions_added: tuple[tuple[str, date], ...]
    sessions_dropped: tuple[tuple[str, date], ...]
    sessions_restaffed: tuple[StaffChange, ...]
    children_kept: int
    children_moved: tuple[ChildMove, ...]


@dataclass(frozen=True)
class PhaseStats:
    """One solve phase: its status, objective, best bound and wall time."""

    name: str
    status: str
    objective: float
    bound: float
    seconds: float


@dataclass(frozen=True)
class RoomsSolution:
    """The plan and how it was found; objective and bound are the sums over the phases (minimised penalties)."""

    status: str
    objective: float
    bound: float
    seconds: float
    seed: int
    sessions: tuple[Session, ...]
    assignments: tuple[ChildAssignment, ...]
    tutor_loads: tuple[TutorLoad, ...]
    shortfalls: tuple[Shortfall, ...]
    changes: ChangeSummary | None = None
    phases: tuple[PhaseStats, ...] = ()


@dataclass(frozen=True)
class Progress:
    """A progress report for a live view: sessions held and fully staffed so far, objective, bound, seconds."""

    phase: str
    sessions_held: int
    sessions_staffed: int
    objective: float
    bound: float
    seconds: float
