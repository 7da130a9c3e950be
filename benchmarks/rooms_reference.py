"""References for the rooms benchmark: an exact model of sessions held and fully staffed, and a calendar bound.

Given the children's sites of a plan (so each date needs the same staff as in that plan), the exact
model chooses dates and staff together: at most the target per site, the minimum gap, every pin,
each held session exactly its staff, monthly caps, one place at a time; it maximises the sessions
held. CP-SAT's best plan and its proven upper bound are both reported. The calendar bound (per site,
the most sessions the dates on which enough tutors can come allow with the gap) needs no search
and bounds every size.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from solver.rooms.calendar import candidate_dates, max_sessions_with_gap, month_key, window_on
from solver.rooms.eligibility import expected_children, required_staff, sessions_overlap, tutor_can_staff
from solver.rooms.problem import RoomsProblem


def _needs(problem: RoomsProblem, site_of: dict[str, str | None]) -> dict:
    """(site id, date) -> (staff needed, tutors able to come) for every open date."""
    here = defaultdict(list)
    for child in problem.children:
        if site_of.get(child.id):
            here[site_of[child.id]].append(child)
    out = {}
    for site in problem.sites:
        reaching = [t for t in problem.tutors if site.id in t.site_ids]
        for d in candidate_dates(problem, site):
            able = [t.id for t in reaching if tutor_can_staff(t, site, d)]
            out[site.id, d] = (required_staff(site, expected_children(site, here[site.id], d)), able)
    return out


def calendar_bound(problem: RoomsProblem, site_of: dict[str, str | None]) -> int:
    """An upper bound of sessions held and fully staffed: per site, the gap-respecting dates with enough able tutors."""
    needs = _needs(problem, site_of)
    total = 0
    for site in problem.sites:
        staffable = [d for (s, d), (need, able) in needs.items() if s == site.id and len(able) >= need]
        total += min(site.target_sessions, max_sessions_with_gap(sorted(staffable), site.min_gap_days))
    return total


def exact_sessions(problem: RoomsProblem, site_of: dict[str, str | None], time_limit_s: float, workers: int = 2,
                   seed: int = 0, start=()) -> tuple[int, int, str]:
    """(best sessions held and fully staffed, proven upper bound, status) of the exact model within the limit.

    start: sessions (site_id, date, staff) of a plan to begin from, so the run reports whether it can beat it.
    """
    model = cp_model.CpModel()
    needs = _needs(problem, site_of)
    hold, by_tutor = {}, defaultdict(list)
    for (site_id, d), (need, able) in needs.items():
        if len(able) < need:
            continue
        h = model.new_bool_var(f"hold_{site_id}_{d.isoformat()}")
        hold[site_id, d] = h
        xs = []
        for t in able:
            x = model.new_bool_var(f"staff_{t}_{site_id}_{d.isoformat()}")
            model.add_implication(x, h)
            by_tutor[t].append((site_id, d, x))
            xs.append(x)
        model.add(sum(xs) == need * h)
    for site in problem.sites:
        days = sorted(d for (s, d) in hold if s == site.id)
        model.add(sum(hold[site.id, d] for d in days) <= site.target_sessions)
        for i, first in enumerate(days):
            close = [d for d in days[i:] if (d - first).days < site.min_gap_days]
            if len(close) > 1:
                model.add_at_most_one(hold[site.id, d] for d in close)
    for pin in problem.pins.sessions:
        model.add(hold[pin.site_id, pin.date] == 1)
    caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
    for t, items in by_tutor.items():
        per_month, per_day = defaultdict(list), defaultdict(list)
        for site_id, d, x in items:
            per_month[month_key(d)].append(x)
            per_day[d].append((problem.site(site_id), d, x))
        for xs in per_month.values():
            if len(xs) > caps[t]:
                model.add(sum(xs) <= caps[t])
        for same in per_day.values():
            for i, (s1, d, x1) in enumerate(same):
                for s2, _d, x2 in same[i + 1:]:
                    w1, w2 = window_on(s1, d), window_on(s2, d)
                    if sessions_overlap(d, w1.start, w1.end, d, w2.start, w2.end):
                        model.add_bool_or([~x1, ~x2])
    index = {(site_id, d, t): x for t, items in by_tutor.items() for site_id, d, x in items}
    for pin in problem.pins.staff:
        model.add(index[pin.site_id, pin.date, pin.tutor_id] == 1)
    model.maximize(sum(hold.values()))
    begin = {(s.site_id, s.date): set(s.staff) for s in start}
    for (site_id, d), h in hold.items():
        model.add_hint(h, (site_id, d) in begin)
    for (site_id, d, t), x in index.items():
        model.add_hint(x, t in begin.get((site_id, d), ()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0, int(solver.best_objective_bound) if status == cp_model.UNKNOWN else 0, solver.status_name(status).lower()
    return int(solver.objective_value), int(solver.best_objective_bound), solver.status_name(status).lower()
