"""Staffing a dropped or new session by freeing tutors: one swap per tutor held back only by their monthly cap.

A session is dropped when fewer tutors than it needs are free that evening with room under their
monthly cap. A tutor at their cap can often hand one of that month's other sessions to a colleague
who is free then (an augmenting path of length two); each such swap frees one place. The swaps are
kept only if the session is then staffed in full, so a failed attempt leaves the staffing as it was.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import sessions_overlap

if TYPE_CHECKING:  # local_search calls this module, so the class is imported for type checking only
    from solver.rooms.local_search import StaffState


def _capped(state: StaffState, k: int, t: str, site) -> bool:
    """Whether t could take slot k but for the monthly cap (able, not away, not busy then, at the cap)."""
    s, tutor = state.slots[k], state.tutors[t]
    if t in (state.staff[k] or ()) or state.month[t, month_key(s.date)] < tutor.max_sessions_per_month:
        return False
    if (t, site.id) not in state.weekdays:
        state.can_take(k, t, site)  # fills the weekday cache
    return (s.date.weekday() in state.weekdays[t, site.id] and s.date not in tutor.unavailable_dates
            and not any(sessions_overlap(s.date, s.start, s.end, s.date, a, b) for _k, a, b in state.busy[t, s.date]))


def _free_one(state: StaffState, t: str, month: str, by_month: dict, candidates, pinned, keep: set) -> tuple | None:
    """Hand one of t's sessions in that month to a colleague who can take it; returns the swap made."""
    for j in by_month[t, month]:
        if (j, t) in pinned or t not in (state.staff[j] or ()):
            continue
        site_j, others = candidates[j]
        # Colleagues not yet counted for the dropped slot first, so the swap frees a place rather than moving one.
        options = [(o in keep, state.delta_add(j, o), o) for o in others if state.can_take(j, o, site_j)]
        if options:
            _counted, _d, o = min(options)
            state.swap(j, t, o)
            return j, t, o
    return None


def free_places(state: StaffState, k: int, candidates, pinned) -> list[tuple[int, str, str]] | None:
    """Swaps after which slot k has enough tutors free to staff it in full; None (nothing changed) when there are none."""
    site, others = candidates[k]
    need = state.slots[k].required
    direct = {t for t in others if state.can_take(k, t, site)}
    if len(direct) >= need:
        return []
    month = month_key(state.slots[k].date)
    by_month = defaultdict(list)
    for j, st in enumerate(state.staff):
        if st is not None and month_key(state.slots[j].date) == month:
            for t in st:
                by_month[t, month].append(j)
    swaps = []
    for t in others:
        if len(direct) >= need:
            break
        if _capped(state, k, t, site):
            swap = _free_one(state, t, month, by_month, candidates, pinned, direct)
            if swap is not None:
                swaps.append(swap)
                direct = {u for u in others if state.can_take(k, u, site)}
    if len(direct) >= need:
        return swaps
    for j, out, into in reversed(swaps):
        state.swap(j, into, out)
    return None
