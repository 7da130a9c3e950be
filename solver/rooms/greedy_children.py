"""Greedy home sites: pinned children first, then 中3, each at the nearest allowed site with room on their days.

The children phase's first hint and its fallback when CP-SAT has no solution in time, and the
baseline's rule. A child is left without a site only when every allowed site is full on one of
the child's days there, so a plan built from it never leaves a seat that the child could take.
"""

from __future__ import annotations

from collections import defaultdict

from solver.rooms.eligibility import child_sites
from solver.rooms.problem import Child, RoomsProblem, Site
from solver.rooms.weights import child_priority


def _days_at(site: Site, child: Child) -> list[int]:
    return [w.weekday for w in site.windows if w.weekday in child.weekdays]


def has_room(site: Site, child: Child, coming: dict[tuple[str, int], int]) -> bool:
    """Whether the child fits at the site on every one of the site's weekdays the child comes."""
    return all(coming[site.id, day] < site.capacity for day in _days_at(site, child))


def seat_children(problem: RoomsProblem, site_of: dict[str, str | None]) -> dict[str, str | None]:
    """Keep these seats and give every child without one (中3 first) the nearest allowed site with room."""
    coming: dict[tuple[str, int], int] = defaultdict(int)
    out = dict(site_of)
    for child in problem.children:
        if out.get(child.id) is not None:
            for day in _days_at(problem.site(out[child.id]), child):
                coming[out[child.id], day] += 1
    for child in sorted((c for c in problem.children if out.get(c.id) is None), key=lambda c: -child_priority(c)):
        chosen = next((s for s in child_sites(problem, child) if has_room(s, child, coming)), None)
        out[child.id] = chosen.id if chosen is not None else None
        if chosen is not None:
            for day in _days_at(chosen, child):
                coming[chosen.id, day] += 1
    return out


def greedy_child_sites(problem: RoomsProblem) -> dict[str, str | None]:
    """Child id -> home site: pins (a coordinator's decision holds even over a full room), then seat_children."""
    pinned = {p.child_id: p.site_id for p in problem.pins.child_sites}
    return seat_children(problem, {c.id: pinned.get(c.id) for c in problem.children})
