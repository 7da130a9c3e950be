"""The home-visit problem as plain dataclasses: children, their needs, tutors and coordinator decisions."""

from __future__ import annotations

from dataclasses import dataclass, field

from solver.busy import BusyTime
from solver.clock import WeeklyWindow
from solver.geo import Coordinates

DEFAULT_GRID_MINUTES = 30
# A weekly slot may meet the tutor's dated busy time on at most this many dates (each then needs a substitute).
DEFAULT_MAX_CLASH_DATES = 3


@dataclass(frozen=True)
class Need:
    """One subject a child is to be taught: minutes per visit and visits per week."""

    subject: str
    minutes: int
    visits_per_week: int


@dataclass(frozen=True)
class CurrentVisit:
    """A visit of the published plan: this subject, by this tutor, on this weekday and start."""

    subject: str
    tutor_id: str
    weekday: int
    start: int


@dataclass(frozen=True)
class Child:
    """A child to be visited at home, with needs, availability and coordinator information."""

    id: str
    grade: int
    home: Coordinates
    needs: tuple[Need, ...]
    availability: tuple[WeeklyWindow, ...]
    required_gender: str | None = None
    languages: tuple[str, ...] = ()
    priority: int = 0
    days_waiting: int = 0
    current_visits: tuple[CurrentVisit, ...] = ()


@dataclass(frozen=True)
class TutorSubject:
    """A subject a tutor teaches, from grade min_grade to max_grade (1-12) inclusive."""

    subject: str
    min_grade: int
    max_grade: int


@dataclass(frozen=True)
class Tutor:
    """A tutor: subjects, weekly availability, weekly visit cap, travel limit, gender, languages, home, busy time."""

    id: str
    subjects: tuple[TutorSubject, ...]
    availability: tuple[WeeklyWindow, ...]
    max_visits_per_week: int
    max_travel_minutes: int
    home: Coordinates
    gender: str | None = None
    languages: tuple[str, ...] = ()
    busy: tuple[BusyTime, ...] = ()  # dated study-room sessions from today on

    def teaches(self, subject: str, grade: int) -> bool:
        """Whether this tutor teaches the subject at that grade."""
        return any(s.subject == subject and s.min_grade <= grade <= s.max_grade for s in self.subjects)


@dataclass(frozen=True)
class Pin:
    """A coordinator decision that must hold: this child and subject get this tutor at this weekday and start."""

    child_id: str
    subject: str
    tutor_id: str
    weekday: int
    start: int


@dataclass(frozen=True)
class ForbiddenPair:
    """A coordinator decision: this tutor never visits this child."""

    child_id: str
    tutor_id: str


@dataclass(frozen=True)
class Weights:
    """Objective weights, one per level; docs/solver-visits.md explains why each level dominates the next."""

    visit: int = 100_000
    priority: int = 20_000
    waiting_per_week: int = 100
    waiting_cap_weeks: int = 52
    change_child: int = 2_000
    change_tutor: int = 1_000
    travel_per_minute: int = 10
    language_mismatch: int = 50
    load_step: int = 5


@dataclass(frozen=True)
class VisitsProblem:
    """A whole home-visit matching problem."""

    children: tuple[Child, ...]
    tutors: tuple[Tutor, ...]
    pins: tuple[Pin, ...] = ()
    forbidden_pairs: tuple[ForbiddenPair, ...] = ()
    weights: Weights = field(default_factory=Weights)
    grid_minutes: int = DEFAULT_GRID_MINUTES
    max_clash_dates: int = DEFAULT_MAX_CLASH_DATES

    def visit_points(self, child: Child) -> int:
        """Coverage points earned by each planned visit of this child (level 1 of the objective)."""
        w = self.weights
        weeks = min(child.days_waiting // 7, w.waiting_cap_weeks)
        return w.visit + w.priority * child.priority + w.waiting_per_week * weeks

    def coverage_points(self, visits) -> int:
        """Level 1 of the objective for these planned visits (anything with a child_id): their coverage points."""
        points = {c.id: self.visit_points(c) for c in self.children}
        return sum(points[v.child_id] for v in visits)
