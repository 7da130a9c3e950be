"""Baseline and warm start: a greedy most-constrained-first matcher that keeps pins and still-valid current visits."""

from __future__ import annotations

import numpy as np

from solver.visits.candidates import Candidates, Combo
from solver.visits.schedule import Schedule


def pinned_combos(cands: Candidates) -> list[Combo]:
    """The combos named by the pins (build_candidates has checked they exist)."""
    wanted = {(cands.need_index[(p.child_id, p.subject)], cands.tutor_index[p.tutor_id], p.weekday, p.start) for p in cands.problem.pins}
    return [cands.combos[i] for i in sorted(cands.find(*w) for w in wanted)]


def current_combos(cands: Candidates) -> list[Combo]:
    """The combos matching current visits, where the placement is still feasible."""
    wanted = set()
    for child in cands.problem.children:
        for v in child.current_visits:
            n = cands.need_index.get((child.id, v.subject))
            t = cands.tutor_index.get(v.tutor_id)
            if n is not None and t is not None:
                wanted.add((n, t, v.weekday, v.start))
    found = (cands.find(*w) for w in wanted)
    return [cands.combos[i] for i in sorted(i for i in found if i is not None)]


def greedy_plan(cands: Candidates) -> Schedule:
    """Pins first, then current visits, then needs by priority and fewest options, each to its best fitting tutor."""
    schedule = Schedule(cands)
    for c in pinned_combos(cands):
        schedule.add(c)
    for c in current_combos(cands):
        if c not in schedule.by_need[c.need] and schedule.fits(c):
            schedule.add(c)
    order = sorted(range(len(cands.needs)), key=lambda n: (-cands.needs[n].points, len(cands.combos_by_need[n]), n))
    for n in order:
        wanted = cands.needs[n].need.visits_per_week
        if len(schedule.by_need[n]) >= wanted:
            continue
        fixed = {c.tutor for c in schedule.by_need[n]}
        best: list[Combo] = []
        for t, ids in sorted(_by_tutor(cands, n), key=lambda kv: (kv[0][1], kv[0][0])):
            if fixed and t[0] not in fixed:
                continue
            # Tuples only for the tutors actually tried: most needs stop at the first.
            options = [cands.combos[i] for i in ids]
            placed = _place(schedule, options, wanted - len(schedule.by_need[n]))
            if len(placed) > len(best):
                best = placed
            if len(best) == wanted - len(schedule.by_need[n]):
                break
        for c in best:
            schedule.add(c)
    return schedule


def _by_tutor(cands: Candidates, n: int) -> list[tuple[tuple[int, int], range]]:
    """The combo ids of need n per candidate tutor, as ((tutor, cost), id range); combos are stored tutor by tutor."""
    r = cands.combos_by_need[n]
    tutors = cands.arrays.tutor[r.start : r.stop]
    if not len(tutors):
        return []
    cut = (np.nonzero(tutors[1:] != tutors[:-1])[0] + 1).tolist()
    bounds = [0, *cut, len(tutors)]
    costs = cands.arrays.cost[r.start : r.stop]
    return [((int(tutors[lo]), int(costs[lo])), range(r.start + lo, r.start + hi)) for lo, hi in zip(bounds, bounds[1:])]


def _place(schedule: Schedule, options: list[Combo], count: int) -> list[Combo]:
    """Try up to count visits with one tutor on different days; book tentatively and undo, returning the list."""
    placed: list[Combo] = []
    k = 0
    while k < len(options) and len(placed) < count:
        day = options[k].weekday
        same_day = []
        while k < len(options) and options[k].weekday == day:
            same_day.append(options[k])
            k += 1
        if any(p.weekday == day for p in placed):
            continue
        fitting = [c for c in same_day if schedule.fits(c)]
        if fitting:
            # Best fit: the start that leaves the smallest sliver of the tutor's time unusable.
            c = min(fitting, key=lambda c: (_slack(schedule, c), c.start))
            schedule.add(c)
            placed.append(c)
    for c in reversed(placed):
        _remove(schedule, c)
    return placed


def _slack(schedule: Schedule, c: Combo) -> int:
    """Minutes between the visit and the nearest booked visit or window edge of the tutor that day, on its tighter side."""
    tutor = schedule.cands.problem.tutors[c.tutor]
    lo = max((w.start for w in tutor.availability if w.weekday == c.weekday and w.start <= c.start), default=c.start)
    hi = min((w.end for w in tutor.availability if w.weekday == c.weekday and w.end >= c.end), default=c.end)
    for o in schedule.tutor_day[(c.tutor, c.weekday)]:
        if o.end <= c.start:
            lo = max(lo, o.end)
        elif o.start >= c.end:
            hi = min(hi, o.start)
    return min(c.start - lo, hi - c.end)


def _remove(schedule: Schedule, c: Combo) -> None:
    schedule.tutor_day[(c.tutor, c.weekday)].remove(c)
    schedule.child_day[(schedule.cands.needs[c.need].child_index, c.weekday)].remove(c)
    schedule.by_need[c.need].remove(c)
    schedule.load[c.tutor] -= 1
    schedule.chosen.pop()  # c was the last booked
