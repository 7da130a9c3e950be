"""Greedy staffing: each session in date order takes the least-loaded free tutors; the baseline's rule and the model's first hint."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import free_on, sessions_overlap, staffable_weekdays
from solver.rooms.problem import RoomsProblem


def keeps_caps_and_hours(problem: RoomsProblem, slots: list[tuple[str, date, int, int, int]],
                         staff: list[tuple[str, ...] | None]) -> bool:
    """Whether a staffing keeps every monthly cap and never puts a tutor in two places at once."""
    caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
    months, busy = defaultdict(int), defaultdict(list)
    for (site_id, day, start, end, _need), st in zip(slots, staff):
        for t in st or ():
            months[t, month_key(day)] += 1
            if months[t, month_key(day)] > caps[t]:
                return False
            if any(sessions_overlap(day, start, end, day, a, b) for a, b in busy[t, day]):
                return False
            busy[t, day].append((start, end))
    return True


def greedy_staff(problem: RoomsProblem, slots: list[tuple[str, date, int, int, int]],
                 fixed: dict[int, tuple[str, ...]] | None = None, all_or_nothing: bool = False) -> list[tuple[str, ...]]:
    """Staff (site_id, date, start, end, needed) slots greedily, fixed ones first; a slot may get fewer tutors than needed.

    With all_or_nothing a slot that cannot get all it needs books no one beyond its fixed staff.
    """
    sites = {s.id: s for s in problem.sites}
    reaching = defaultdict(list)
    for t in problem.tutors:
        for site_id in t.site_ids:
            reaching[site_id].append(t)
    tutors = {t.id: t for t in problem.tutors}
    weekdays = {(t.id, s): staffable_weekdays(t, sites[s]) for t in problem.tutors for s in set(t.site_ids)}
    load, month, busy, regular = defaultdict(int), defaultdict(int), defaultdict(list), set()
    out: list[tuple[str, ...]] = [()] * len(slots)
    months = len({(s[1].year, s[1].month) for s in slots}) or 1
    ratio = sum(s[4] for s in slots) / max(1, sum(t.max_sessions_per_month * months for t in problem.tutors))
    share = {t.id: ratio * t.max_sessions_per_month * months for t in problem.tutors}
    order = sorted(range(len(slots)), key=lambda k: (slots[k][1], slots[k][0]))
    fixed = fixed or {}
    # Fixed tutors (pins, kept staff) hold their places first, so greedy picks never crowd them out.
    for k, staff in fixed.items():
        site_id, day, start, end, _need = slots[k]
        for t in set(staff):
            load[t] += 1
            month[t, month_key(day)] += 1
            busy[t, day].append((start, end))
            regular.add((t, site_id))
    for k in order:
        site_id, day, start, end, need = slots[k]
        chosen = [tutors[t] for t in sorted(set(fixed.get(k, ())))]
        taken = {t.id for t in chosen}
        free = [t for t in reaching[site_id] if t.id not in taken and day.weekday() in weekdays[t.id, site_id]
                and free_on(t, sites[site_id], day)
                and month[t.id, month_key(day)] < t.max_sessions_per_month
                and not any(sessions_overlap(day, start, end, day, a, b) for a, b in busy[t.id, day])]
        # Prefer tutors who already work at this site (stable staffing), then preferred sites, then
        # the lightest load for what they can give.
        free.sort(key=lambda t: (load[t.id] >= share[t.id], -((t.id, site_id) in regular),
                                 -(site_id in t.preferred_site_ids), load[t.id] / max(1, t.max_sessions_per_month), t.id))
        picked = free[: max(0, need - len(chosen))]
        if all_or_nothing and len(chosen) + len(picked) < need:
            picked = []
        chosen += picked
        for t in picked:
            load[t.id] += 1
            month[t.id, month_key(day)] += 1
            busy[t.id, day].append((start, end))
            regular.add((t.id, site_id))
        out[k] = tuple(sorted(t.id for t in chosen))
    return out
