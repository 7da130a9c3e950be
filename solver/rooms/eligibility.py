"""Who may do what: a tutor at a session, a child at a site; shared by model, baseline and reasons."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from solver.busy import clashes
from solver.geo import travel_minutes
from solver.rooms.calendar import window_on
from solver.rooms.problem import Child, RoomsProblem, Site, Tutor


def staffable_weekdays(tutor: Tutor, site: Site) -> frozenset[int]:
    """The weekdays on which the tutor can reach the site and is free for its whole session window."""
    if site.id not in tutor.site_ids:
        return frozenset()
    return frozenset(w.weekday for w in site.windows
                     if any(a.contains(w.weekday, w.start, w.end) for a in tutor.availability))


def busy_then(tutor: Tutor, site: Site, day: date) -> bool:
    """Whether the tutor's busy time that day clashes with the site's session, travel between them included."""
    if not tutor.busy:  # most tutors, and every problem without busy time: keep the hot loops as cheap as before
        return False
    busy = tutor.busy_on(day)
    window = window_on(site, day) if busy else None
    return window is not None and any(clashes(b, day, window.start, window.end, site.location) for b in busy)


def free_on(tutor: Tutor, site: Site, day: date) -> bool:
    """Whether the tutor is neither away that day nor busy elsewhere around the site's session."""
    return day not in tutor.unavailable_dates and not busy_then(tutor, site, day)


def tutor_can_staff(tutor: Tutor, site: Site, day: date) -> bool:
    """A tutor can staff a site's session that day: site reachable, weekly window covers it, not away or busy."""
    window = window_on(site, day)
    if window is None or site.id not in tutor.site_ids or not free_on(tutor, site, day):
        return False
    return any(a.contains(window.weekday, window.start, window.end) for a in tutor.availability)


def slot_tutors(problem: RoomsProblem, slots) -> list[list[str]]:
    """Per slot (anything with site_id and date), the tutors who may staff it, in the problem's tutor order."""
    sites = {s.id: s for s in problem.sites}
    by_site: dict[str, list[int]] = {}
    for k, slot in enumerate(slots):
        by_site.setdefault(slot.site_id, []).append(k)
    out: list[list[str]] = [[] for _ in slots]
    for tutor in problem.tutors:
        for site_id in sorted(set(tutor.site_ids) & set(by_site)):
            weekdays = staffable_weekdays(tutor, sites[site_id])
            for k in by_site[site_id]:
                if slots[k].date.weekday() in weekdays and free_on(tutor, sites[site_id], slots[k].date):
                    out[k].append(tutor.id)
    return out


def child_can_attend(child: Child, site: Site) -> bool:
    """A child may have this home site: allowed (or no restriction) and the site opens on a weekday they can come."""
    if child.allowed_site_ids and site.id not in child.allowed_site_ids:
        return False
    return any(w.weekday in child.weekdays for w in site.windows)


def child_sites(problem: RoomsProblem, child: Child) -> list[Site]:
    """The sites a child may attend, nearest first (ties by site id)."""
    sites = [s for s in problem.sites if child_can_attend(child, s)]
    return sorted(sites, key=lambda s: (travel_minutes(child.home, s.location), s.id))


def expected_children(site: Site, children_at_site: list[Child], day: date) -> int:
    """Children of that home site who can come on that day's weekday."""
    return sum(1 for c in children_at_site if day.weekday() in c.weekdays)


def required_staff(site: Site, expected: int) -> int:
    """Tutors a session needs: max(minimum tutors, ceil(children / children per tutor))."""
    return max(site.min_tutors, math.ceil(expected / site.children_per_tutor))


def sessions_overlap(day_a: date, start_a: int, end_a: int, day_b: date, start_b: int, end_b: int) -> bool:
    """Whether two sessions overlap in time (same date and intersecting hours)."""
    return day_a == day_b and start_a < end_b and start_b < end_a


def all_overlap(slots, ks: list[int]) -> bool:
    """Whether every two of these slots overlap, so that one tutor can work at most one of them."""
    return all(sessions_overlap(slots[a].date, slots[a].start, slots[a].end, slots[b].date, slots[b].start, slots[b].end)
               for i, a in enumerate(ks) for b in ks[i + 1:])


def slots_by_tutor(eligible: list[list[str]]) -> dict[str, list[int]]:
    """Per tutor, the slots they may staff (in slot order), from slot_tutors' per-slot lists."""
    out: dict[str, list[int]] = defaultdict(list)
    for k, tutor_ids in enumerate(eligible):
        for t in tutor_ids:
            out[t].append(k)
    return out
