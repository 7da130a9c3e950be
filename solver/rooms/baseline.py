"""The rule-of-thumb calendar a coordinator would draw by hand, for benchmark comparison.

Every allowed open weekday in order (respecting the minimum gap) until the target, each child at the
nearest allowed site with room (pinned children first, then 中3; greedy_children.py), and each session staffed greedily by the least-loaded free tutors.
Sessions are kept even when short of staff, as a hand-made calendar would be.
"""

from __future__ import annotations

import time
from collections import defaultdict

from solver.geo import travel_minutes
from solver.rooms.calendar import candidate_dates, window_on
from solver.rooms.eligibility import expected_children, required_staff
from solver.rooms.greedy import greedy_staff
from solver.rooms.greedy_children import greedy_child_sites
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import ChildAssignment, RoomsSolution, Session, TutorLoad


def baseline_rooms(problem: RoomsProblem) -> RoomsSolution:
    """Build the rule-of-thumb plan (dates in order, greedy staff); may leave sessions short of staff."""
    started = time.perf_counter()
    site_of = greedy_child_sites(problem)
    here = defaultdict(list)
    for child in problem.children:
        if site_of[child.id]:
            here[site_of[child.id]].append(child)
    slots = []
    for site in problem.sites:
        last, count = None, 0
        for day in candidate_dates(problem, site):
            if count >= site.target_sessions:
                break
            if last is None or (day - last).days >= site.min_gap_days:
                slots.append((site, day))
                last, count = day, count + 1
    slots.sort(key=lambda s: (s[1], s[0].id))
    rows = []
    for site, day in slots:
        window = window_on(site, day)
        expected = expected_children(site, here[site.id], day)
        rows.append((site.id, day, window.start, window.end, required_staff(site, expected), expected))
    staff = greedy_staff(problem, [r[:5] for r in rows])
    sessions = [Session(r[0], r[1], r[2], r[3], st, r[4], r[5]) for r, st in zip(rows, staff)]
    load = defaultdict(int)
    for s in sessions:
        for t in s.staff:
            load[t] += 1
    sites = {s.id: s for s in problem.sites}
    assignments = tuple(ChildAssignment(c.id, site_of[c.id], travel_minutes(c.home, sites[site_of[c.id]].location)
                                        if site_of[c.id] else None) for c in problem.children)
    where = defaultdict(set)
    for s in sessions:
        for t in s.staff:
            where[t].add(s.site_id)
    loads = tuple(TutorLoad(t.id, load[t.id], tuple(sorted(where[t.id]))) for t in problem.tutors)
    return RoomsSolution("feasible", 0.0, 0.0, time.perf_counter() - started, 0, tuple(sessions), assignments, loads, ())
