"""Coordinator pins for generated rooms problems: sessions and staff on one evening at sites that share tutors, child sites.

The benchmark adds them to ``generate_rooms_problem`` instances. Every pin is possible on its own
(an open date, a tutor who can staff it, an allowed child site), so the solver must keep them all.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date

from solver.rooms.calendar import candidate_dates
from solver.rooms.eligibility import child_can_attend, tutor_can_staff
from solver.rooms.problem import ChildSitePin, Pins, RoomsProblem, SessionPin, StaffPin

PIN_KINDS = ("sessions", "staff", "both", "children")


def _sharing_sites(problem: RoomsProblem, month: int, n_sites: int) -> tuple[list, date] | None:
    """The sites that share the most tutors and an open date in that month, with the first such date."""
    shared = Counter()
    for tutor in problem.tutors:
        for a in tutor.site_ids:
            for b in tutor.site_ids:
                if a < b:
                    shared[a, b] += 1
    open_days = {s.id: {d for d in candidate_dates(problem, s) if d.month == month} for s in problem.sites}
    for (a, b), _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        group = [a, b]
        # Grow the pair with the site sharing most tutors with it, while a common open date remains.
        for (c, e), _m in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            for new in (c, e):
                if len(group) < n_sites and new not in group and {c, e} & set(group):
                    if set.intersection(*(open_days[s] for s in [*group, new])):
                        group.append(new)
        common = set.intersection(*(open_days[s] for s in group))
        if len(group) == n_sites and common:
            return [problem.site(s) for s in group], min(common)
    return None


def evening_pins(problem: RoomsProblem, month: int = 4, n_sites: int = 3, staff_per_session: int = 2,
                 sessions: bool = True, staff: bool = True) -> Pins:
    """Session and/or staff pins on one evening of that month at n_sites sites sharing tutors (distinct tutors)."""
    found = _sharing_sites(problem, month, n_sites)
    if found is None:
        return Pins()
    sites, day = found
    session_pins, staff_pins, taken = [], [], set()
    for site in sites:
        session_pins.append(SessionPin(site.id, day))
        # Tutors who reach several of these sites first: the pins then compete for the same people.
        able = sorted((t for t in problem.tutors if t.id not in taken and tutor_can_staff(t, site, day)),
                      key=lambda t: (-len(set(t.site_ids) & {s.id for s in sites}), t.id))
        for tutor in able[:staff_per_session]:
            staff_pins.append(StaffPin(site.id, day, tutor.id))
            taken.add(tutor.id)
    return Pins(sessions=tuple(session_pins) if sessions else (), staff=tuple(staff_pins) if staff else ())


def child_pins(problem: RoomsProblem, count: int, seed: int) -> Pins:
    """Child-site pins: children pinned to an allowed site that is not their nearest one (a coordinator's choice)."""
    rng = random.Random(seed)
    pins = []
    for child in rng.sample(list(problem.children), min(count, len(problem.children))):
        options = [s for s in problem.sites if child_can_attend(child, s)]
        if options:
            pins.append(ChildSitePin(child.id, options[-1].id))
    return Pins(child_sites=tuple(pins))


def with_pins(problem: RoomsProblem, kind: str, seed: int = 0) -> RoomsProblem:
    """The problem with pins of one kind ("sessions", "staff", "both" or "children"; "" or "none" for none)."""
    if kind in ("", "none"):
        return problem
    if kind == "children":
        return replace(problem, pins=child_pins(problem, 5, seed))
    return replace(problem, pins=evening_pins(problem, sessions=kind in ("sessions", "both"),
                                              staff=kind in ("staff", "both")))
