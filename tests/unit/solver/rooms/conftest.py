"""Tiny hand-built rooms problems: one site, two weeks, a few tutors and children."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.rooms.problem import Child, Period, RoomsProblem, Site, Tutor

TUE = WeeklyWindow(1, 18 * 60, 20 * 60)
THU = WeeklyWindow(3, 18 * 60, 20 * 60)
EVENINGS = (WeeklyWindow(1, 17 * 60, 21 * 60), WeeklyWindow(3, 17 * 60, 21 * 60))


def make_site(site_id: str = "A", **changes) -> Site:
    """A site open Tuesday and Thursday evenings, target 4, two tutors a session."""
    site = Site(id=site_id, name=f"会場{site_id}", location=Coordinates(35.735, 139.65), target_sessions=4,
                windows=(TUE, THU), capacity=20, min_gap_days=1, min_tutors=2, children_per_tutor=4)
    return replace(site, **changes)


def make_tutor(tutor_id: str, sites=("A",), **changes) -> Tutor:
    """A tutor free Tuesday and Thursday evenings, up to 8 sessions a month."""
    tutor = Tutor(id=tutor_id, name=tutor_id, site_ids=tuple(sites), availability=EVENINGS, max_sessions_per_month=8)
    return replace(tutor, **changes)


def make_child(child_id: str, **changes) -> Child:
    """A 中3 child who can come Tuesday and Thursday."""
    child = Child(id=child_id, grade="中3", home=Coordinates(35.736, 139.651), weekdays=frozenset({1, 3}))
    return replace(child, **changes)


def make_problem(**changes) -> RoomsProblem:
    """Two weeks of June 2026 (Tue 2, Thu 4, Tue 9, Thu 11), one site, three tutors, four children."""
    problem = RoomsProblem(period=Period(date(2026, 6, 1), date(2026, 6, 14)), sites=(make_site(),),
                           tutors=(make_tutor("T1"), make_tutor("T2"), make_tutor("T3")),
                           children=tuple(make_child(f"C{k}") for k in range(4)))
    return replace(problem, **changes)


@pytest.fixture
def tiny() -> RoomsProblem:
    """The tiny problem, solvable in full."""
    return make_problem()
