"""A plan's visits indexed for "could this tutor still take that need?": load per tutor, visits per tutor-day and child-day.

Read by the waiting counts and the change suggestions. It reads only the problem
and the visits (never the model or the candidate lists), with the one travel
formula of solver.geo, so its answers agree with the checker's rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from solver.geo import travel_minutes
from solver.visits.problem import Child, VisitsProblem
from solver.visits.solution import Visit


def starts_by_day(common: np.ndarray, grid: int) -> dict[int, list[int]]:
    """The start minutes set in one tutor's (7, words) start mask, per weekday that has any."""
    bits = np.unpackbits(common.astype("<u8").view(np.uint8), axis=-1, bitorder="little")
    return {d: (np.nonzero(bits[d])[0] * grid).tolist() for d in range(7) if bits[d].any()}


@dataclass(frozen=True)
class Room:
    """What a tutor has left for one need: visits under the weekly cap, and weekdays with a free start."""

    visits: int  # weekly cap less the other visits
    days_tutor_free: int  # weekdays with a common start the tutor's other visits leave free (with travel)
    days_free: int  # ... that the child's other visits leave free too

    @property
    def serves(self) -> int:
        """How many visits of the need this tutor could add to the plan as it stands."""
        return min(self.visits, self.days_free)


@dataclass
class Bookings:
    """The visits of a plan by tutor, tutor-day and child-day."""

    problem: VisitsProblem
    visits: Iterable[Visit]
    load: Counter = field(init=False)
    tutor_day: dict[tuple[str, int], list[Visit]] = field(init=False)
    child_day: dict[tuple[str, int], list[Visit]] = field(init=False)
    need: dict[tuple[str, str], list[Visit]] = field(init=False)

    def __post_init__(self) -> None:
        self.visits = tuple(self.visits)
        self.load = Counter(v.tutor_id for v in self.visits)
        self.tutor_day, self.child_day, self.need = defaultdict(list), defaultdict(list), defaultdict(list)
        for v in self.visits:
            self.need[(v.child_id, v.subject)].append(v)
            self.tutor_day[(v.tutor_id, v.weekday)].append(v)
            self.child_day[(v.child_id, v.weekday)].append(v)
        homes = {c.id: c.home for c in self.problem.children}
        self._travel = cache(lambda a, b: travel_minutes(homes[a], homes[b]))

    def of_need(self, child_id: str, subject: str) -> list[Visit]:
        """The visits of one need in this plan."""
        return self.need.get((child_id, subject), [])

    def tutor_free(self, tutor_id: str, child: Child, subject: str, day: int, start: int, end: int) -> bool:
        """No other visit of the tutor that day overlaps [start, end) or leaves too little travel to or from it."""
        for v in self.tutor_day.get((tutor_id, day), ()):
            if v.child_id == child.id and v.subject == subject:
                continue
            if not (end + self._travel(child.id, v.child_id) <= v.start or v.end + self._travel(v.child_id, child.id) <= start):
                return False
        return True

    def child_free(self, child: Child, subject: str, day: int, start: int, end: int) -> bool:
        """No visit of the child's other needs that day overlaps [start, end)."""
        return all(v.subject == subject or end <= v.start or v.end <= start for v in self.child_day.get((child.id, day), ()))

    def visits_left(self, tutor_id: str, cap: int, child: Child, subject: str) -> int:
        """Visits the tutor could still make under this weekly cap, the need's own visits taken out of the plan."""
        own = sum(1 for v in self.of_need(child.id, subject) if v.tutor_id == tutor_id)
        return cap - (self.load[tutor_id] - own)

    def room(self, tutor_id: str, cap: int, child: Child, subject: str, minutes: int, starts: dict[int, list[int]]) -> Room:
        """What the tutor has left for this need, with the need's own visits taken out of the plan first."""
        tutor_days = both_days = 0
        for day, day_starts in starts.items():
            free = [s for s in day_starts if self.tutor_free(tutor_id, child, subject, day, s, s + minutes)]
            tutor_days += bool(free)
            both_days += any(self.child_free(child, subject, day, s, s + minutes) for s in free)
        return Room(self.visits_left(tutor_id, cap, child, subject), tutor_days, both_days)
