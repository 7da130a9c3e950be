"""Each tutor's fair share of the sessions, shared by the staffing model and the local search."""

from __future__ import annotations

import math
from collections import defaultdict

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import free_on, staffable_weekdays
from solver.rooms.problem import RoomsProblem


def fair_shares(problem: RoomsProblem, slots) -> dict[str, int]:
    """Each tutor's fair share: their yearly capacity over these slots x total demand / total capacity.

    A paid 学習支援員 with a cap of 12 a month is expected to work more than a student with 4.
    """
    sites = {s.id: s for s in problem.sites}
    capacity = {}
    by_site = defaultdict(list)
    for s in slots:
        by_site[s.site_id].append(s)
    for tutor in problem.tutors:
        months = defaultdict(int)
        for site_id in set(tutor.site_ids):
            weekdays = staffable_weekdays(tutor, sites[site_id])
            for s in by_site[site_id]:
                if s.date.weekday() in weekdays and free_on(tutor, sites[site_id], s.date):
                    months[month_key(s.date)] += 1
        capacity[tutor.id] = sum(min(n, tutor.max_sessions_per_month) for n in months.values())
    ratio = sum(s.required for s in slots) / max(1, sum(capacity.values()))
    return {t: math.ceil(ratio * c) for t, c in capacity.items()}
