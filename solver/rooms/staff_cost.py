"""The staffing objective outside the model: fair shares, and the cost of a whole staffing (to compare neighbourhoods)."""

from __future__ import annotations

import math
from collections import defaultdict

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import tutor_can_staff
from solver.rooms.problem import RoomsProblem
from solver.rooms.weights import (
    W_LOAD_OVER, W_SESSION_SHORT, W_STAFF_CHANGE, W_TUTOR_NOT_PREFERRED, W_TUTOR_SITE_PAIR,
)


def fair_shares(problem: RoomsProblem, slots) -> dict[str, int]:
    """Each tutor's fair share: their yearly capacity over these slots x total demand / total capacity.

    A paid 学習支援員 with a cap of 12 a month is expected to work more than a student with 4.
    """
    sites = {s.id: s for s in problem.sites}
    capacity = {}
    for tutor in problem.tutors:
        months = defaultdict(int)
        for s in slots:
            if s.site_id in tutor.site_ids and tutor_can_staff(tutor, sites[s.site_id], s.date):
                months[month_key(s.date)] += 1
        capacity[tutor.id] = sum(min(n, tutor.max_sessions_per_month) for n in months.values())
    ratio = sum(s.required for s in slots) / max(1, sum(capacity.values()))
    return {t: math.ceil(ratio * c) for t, c in capacity.items()}


def staff_objective(problem: RoomsProblem, slots, staff, fair: dict[str, int]) -> int:
    """The staffing objective of a complete staffing, the same sum the model minimises."""
    previous = {}
    if problem.previous is not None:
        previous = {(p.site_id, p.date): set(p.staff) for p in problem.previous.sessions}
    preferred = {t.id: set(t.preferred_site_ids) for t in problem.tutors}
    total, load, pairs = 0, defaultdict(int), set()
    for slot, st in zip(slots, staff):
        before = previous.get((slot.site_id, slot.date))
        if st is None:
            total += W_SESSION_SHORT
            continue
        if before is not None:
            total += W_STAFF_CHANGE * (len(set(st) ^ before))
        for t in st:
            load[t] += 1
            pairs.add((t, slot.site_id))
            if preferred[t] and slot.site_id not in preferred[t]:
                total += W_TUTOR_NOT_PREFERRED
    total += W_TUTOR_SITE_PAIR * len(pairs)
    total += W_LOAD_OVER * sum(max(0, n - fair[t]) for t, n in load.items())
    return total
