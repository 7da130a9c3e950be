"""The home-visit plan as plain dataclasses: visits, unmet needs with reasons, and changes."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("optimal", "feasible", "infeasible", "unknown")


@dataclass(frozen=True, order=True)
class Visit:
    """One weekly visit: a tutor at a child's home for one subject, weekday 0-6, start and end in minutes."""

    child_id: str
    subject: str
    tutor_id: str
    weekday: int
    start: int
    end: int
    travel_minutes: int


@dataclass(frozen=True)
class WaitingCounts:
    """Why each tutor who teaches a waiting need's subject at the child's grade does not take it: tutors per reason."""

    teaching: int
    counts: tuple[tuple[str, int], ...]  # (reason code, tutors), reporting order, only reasons with tutors
    text_ja: str
    text_en: str


@dataclass(frozen=True)
class Suggestion:
    """One change, checked by re-solving, that gets a waiting need served without dropping a visit of higher priority."""

    kind: str  # "tutor_cap" (one more visit a week), "tutor_travel" (10 minutes more travel), "child_time" (one more evening)
    tutor_id: str | None
    weekday: int | None  # the child's new evening (child_time)
    start: int | None
    end: int | None
    other_changes: int  # other visits moved or dropped in the re-solved plan
    text_ja: str
    text_en: str


@dataclass(frozen=True)
class UnmetNeed:
    """A need not fully covered, with the reason in Japanese and English."""

    child_id: str
    subject: str
    visits_wanted: int
    visits_planned: int
    reason_code: str
    reason_ja: str
    reason_en: str
    waiting: WaitingCounts | None = None
    suggestion: Suggestion | None = None


@dataclass(frozen=True)
class Move:
    """A current visit that changed tutor, weekday or start."""

    before: Visit
    after: Visit


@dataclass(frozen=True)
class ChangeSummary:
    """The plan against the current visits: kept, moved, new and dropped."""

    kept: tuple[Visit, ...] = ()
    moved: tuple[Move, ...] = ()
    new: tuple[Visit, ...] = ()
    dropped: tuple[Visit, ...] = ()


@dataclass(frozen=True)
class Progress:
    """One improving solution found while solving: coverage fraction, objective, bound, seconds since start."""

    coverage: float
    objective: int
    bound: int
    seconds: float
    visits_planned: int = 0  # weekly visits in this solution, of visits_wanted
    visits_wanted: int = 0


@dataclass(frozen=True)
class VisitsSolution:
    """The solver's answer: status, objective and bound, visits, unmet needs and changes."""

    status: str
    objective: int
    best_bound: int
    visits: tuple[Visit, ...]
    unmet: tuple[UnmetNeed, ...] = ()
    changes: ChangeSummary = field(default_factory=ChangeSummary)
    visits_wanted: int = 0
    seconds: float = 0.0

    @property
    def coverage(self) -> float:
        """Planned visits over wanted visits (1.0 when nothing is wanted)."""
        return len(self.visits) / self.visits_wanted if self.visits_wanted else 1.0
