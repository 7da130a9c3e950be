"""More sessions for sites below their target: open dates that keep the gap, staffed by free or freed tutors.

The dates phase chooses each site's dates before the staffing is known; sessions the staffing then
drops leave the site short although other dates could be staffed with the tutors left over (or freed
by a swap, see augment.py). Here the dropped sessions are tried again, then every open date of such a
site that keeps the minimum gap to its held sessions, and has as many tutors able to come as it needs,
the middle of the longest stretch without a session first, until the site reaches its target.
"""

from __future__ import annotations


from solver.rooms.budget import cpu_now
from solver.rooms.calendar import window_on
from solver.rooms.local_search import StaffState, fill_slot, pinned_staff, slot_candidates
from solver.rooms.model_staff import SessionSlot
from solver.rooms.problem import RoomsProblem


def _keeps_gap(day, held: list, min_gap_days: int) -> bool:
    return all(abs((day - h).days) >= min_gap_days for h in held)


def _distance(day, held: list) -> int:
    return min((abs((day - h).days) for h in held), default=10_000)


def add_sessions(problem: RoomsProblem, days: dict, slots: list[SessionSlot], staff: list, fair: dict[str, int],
                 budget_s: float) -> tuple[list[SessionSlot], list]:
    """The slots and staff with sessions added where a site is below target; days maps site id to its dates info."""
    deadline = cpu_now() + budget_s
    held, chosen = {s.id: [] for s in problem.sites}, {s.id: set() for s in problem.sites}
    for s, st in zip(slots, staff):
        chosen[s.site_id].add(s.date)
        if st is not None:
            held[s.site_id].append(s.date)
    new = []
    for site in problem.sites:
        if len(held[site.id]) >= site.target_sessions:
            continue
        info = days[site.id]
        options = [d for d in info.candidates if d not in chosen[site.id] and info.free[d] >= info.required[d]
                   and _keeps_gap(d, held[site.id], site.min_gap_days)]
        for d in sorted(options, key=lambda d: (-_distance(d, held[site.id]), d)):
            window = window_on(site, d)
            new.append(SessionSlot(site.id, d, window.start, window.end, info.required[d], False))
    if not new and all(st is not None for st in staff):
        return slots, staff
    every = [*slots, *new]
    state = StaffState(problem, every, [*staff, *([None] * len(new))], fair)
    candidates, pinned = slot_candidates(problem, every), pinned_staff(problem, every)
    # The sessions the staffing dropped first (their dates were chosen for the calendar), then new dates.
    for k in range(len(every)):
        if cpu_now() > deadline:
            break
        if state.staff[k] is not None:
            continue
        site = problem.site(every[k].site_id)
        if len(held[site.id]) < site.target_sessions and _keeps_gap(every[k].date, held[site.id], site.min_gap_days):
            if fill_slot(state, k, candidates, pinned) is not None:
                held[site.id].append(every[k].date)
    keep = [k for k in range(len(every)) if k < len(slots) or state.staff[k] is not None]
    return [every[k] for k in keep], [tuple(sorted(state.staff[k])) if state.staff[k] is not None else None for k in keep]
