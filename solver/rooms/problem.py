"""The study-room problem as plain dataclasses: a school year, sites, tutors, children, pins and a previous plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from solver.busy import BusyTime
from solver.clock import WeeklyWindow
from solver.geo import Coordinates

BLACKOUT = "blackout"
INTENSIVE = "intensive"


@dataclass(frozen=True)
class Period:
    """The planning period, both ends included (usually a school year, 1 April to 31 March)."""

    start: date
    end: date


@dataclass(frozen=True)
class SpecialPeriod:
    """A blackout (no sessions, e.g. exam weeks) or an intensive period (more sessions wanted); no site ids = every site."""

    kind: str
    start: date
    end: date
    site_ids: tuple[str, ...] = ()
    label: str = ""

    def covers(self, site_id: str, day: date) -> bool:
        """Whether this period applies to that site on that day."""
        return self.start <= day <= self.end and (not self.site_ids or site_id in self.site_ids)


@dataclass(frozen=True)
class Site:
    """A study-room site: its yearly target, weekly session windows (one per weekday), room and staffing ratios."""

    id: str
    name: str
    location: Coordinates
    target_sessions: int
    windows: tuple[WeeklyWindow, ...]
    capacity: int
    closed_dates: frozenset[date] = frozenset()
    min_gap_days: int = 1
    min_tutors: int = 1
    children_per_tutor: int = 4


@dataclass(frozen=True)
class Tutor:
    """A tutor: reachable sites, weekly availability, dates away, a monthly cap, preferred sites and busy time."""

    id: str
    name: str
    site_ids: tuple[str, ...]
    availability: tuple[WeeklyWindow, ...]
    max_sessions_per_month: int
    unavailable_dates: frozenset[date] = frozenset()
    preferred_site_ids: tuple[str, ...] = ()
    busy: tuple[BusyTime, ...] = ()  # dated home visits from today on

    @cached_property
    def _busy_by_date(self) -> dict[date, tuple[BusyTime, ...]]:
        out: dict[date, tuple[BusyTime, ...]] = {}
        for b in self.busy:
            out[b.date] = out.get(b.date, ()) + (b,)
        return out

    def busy_on(self, day: date) -> tuple[BusyTime, ...]:
        """The tutor's busy times on that date."""
        return self._busy_by_date.get(day, ())


@dataclass(frozen=True)
class Child:
    """A child: grade (e.g. "中3"), home, allowed sites (empty = any), preferred sites and weekdays they can come (0-6)."""

    id: str
    grade: str
    home: Coordinates
    weekdays: frozenset[int]
    allowed_site_ids: tuple[str, ...] = ()
    preferred_site_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionPin:
    """A coordinator's decision: this site holds a session on this date."""

    site_id: str
    date: date


@dataclass(frozen=True)
class StaffPin:
    """A coordinator's decision: this tutor staffs the session of this site on this date."""

    site_id: str
    date: date
    tutor_id: str


@dataclass(frozen=True)
class ChildSitePin:
    """A coordinator's decision: this child's home site."""

    child_id: str
    site_id: str


@dataclass(frozen=True)
class Pins:
    """Every coordinator decision the solver must keep."""

    sessions: tuple[SessionPin, ...] = ()
    staff: tuple[StaffPin, ...] = ()
    child_sites: tuple[ChildSitePin, ...] = ()


@dataclass(frozen=True)
class PreviousSession:
    """A session of the previous plan, with its staff."""

    site_id: str
    date: date
    staff: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreviousPlan:
    """The plan being revised; every change from it is costed and reported."""

    sessions: tuple[PreviousSession, ...] = ()
    child_sites: tuple[ChildSitePin, ...] = ()


@dataclass(frozen=True)
class RoomsProblem:
    """Everything the study-room solver needs."""

    period: Period
    sites: tuple[Site, ...]
    tutors: tuple[Tutor, ...]
    children: tuple[Child, ...]
    closed_dates: frozenset[date] = frozenset()
    special_periods: tuple[SpecialPeriod, ...] = ()
    pins: Pins = field(default_factory=Pins)
    previous: PreviousPlan | None = None

    def site(self, site_id: str) -> Site:
        """The site with that id."""
        return next(s for s in self.sites if s.id == site_id)
