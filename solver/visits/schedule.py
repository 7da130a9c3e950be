"""A plan under construction: who is booked when, so placements can be tested against the rules between visits."""

from __future__ import annotations

from collections import defaultdict

from solver.geo import travel_minutes
from solver.visits.candidates import Candidates, Combo


class Schedule:
    """Booked combos by tutor-day, child-day and need; answers whether one more combo still fits."""

    def __init__(self, cands: Candidates):
        self.cands = cands
        self.tutor_day: dict[tuple[int, int], list[Combo]] = defaultdict(list)
        self.child_day: dict[tuple[int, int], list[Combo]] = defaultdict(list)
        self.by_need: dict[int, list[Combo]] = defaultdict(list)
        self.load: dict[int, int] = defaultdict(int)
        self.chosen: list[Combo] = []

    def _home(self, combo: Combo):
        return self.cands.needs[combo.need].child.home

    def fits(self, c: Combo) -> bool:
        """Whether c keeps every rule between visits: caps, one tutor and one day per need, no overlap, travel."""
        cands = self.cands
        tutor = cands.problem.tutors[c.tutor]
        if self.load[c.tutor] >= tutor.max_visits_per_week:
            return False
        mine = self.by_need[c.need]
        if len(mine) >= cands.needs[c.need].need.visits_per_week:
            return False
        if any(o.tutor != c.tutor or o.weekday == c.weekday for o in mine):
            return False
        child_index = cands.needs[c.need].child_index
        if any(o.start < c.end and c.start < o.end for o in self.child_day[(child_index, c.weekday)]):
            return False
        home = self._home(c)
        for o in self.tutor_day[(c.tutor, c.weekday)]:
            gap = travel_minutes(home, self._home(o))
            if not (c.end + gap <= o.start or o.end + gap <= c.start):
                return False
        return True

    def add(self, c: Combo) -> None:
        """Book c (the caller has checked that it fits, or it is pinned)."""
        self.tutor_day[(c.tutor, c.weekday)].append(c)
        self.child_day[(self.cands.needs[c.need].child_index, c.weekday)].append(c)
        self.by_need[c.need].append(c)
        self.load[c.tutor] += 1
        self.chosen.append(c)
