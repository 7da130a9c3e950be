"""Tiny hand-built home-visit problems for the rule tests."""

from __future__ import annotations

import pytest

from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.visits.problem import Child, Need, Tutor, TutorSubject, VisitsProblem

HOME = Coordinates(35.735, 139.65)
NEAR = Coordinates(35.737, 139.652)  # a few minutes away
FAR = Coordinates(35.80, 139.75)  # more than an hour away
TUE_EVENING = WeeklyWindow(1, 16 * 60, 21 * 60)


def make_child(cid: str = "c1", **kw) -> Child:
    """A 中3 child needing one 2-hour 数学 visit a week, free Tuesday evening."""
    base = dict(id=cid, grade=9, home=HOME, needs=(Need("数学", 120, 1),), availability=(TUE_EVENING,))
    base.update(kw)
    return Child(**base)


def make_tutor(tid: str = "t1", **kw) -> Tutor:
    """A tutor teaching 数学 to 中1-高3, free Tuesday evening, up to 4 visits, 30 minutes of travel."""
    base = dict(
        id=tid,
        subjects=(TutorSubject("数学", 7, 12),),
        availability=(TUE_EVENING,),
        max_visits_per_week=4,
        max_travel_minutes=30,
        home=NEAR,
        gender="female",
    )
    base.update(kw)
    return Tutor(**base)


def make_problem(children=None, tutors=None, **kw) -> VisitsProblem:
    """One child and one tutor unless told otherwise."""
    return VisitsProblem(children=tuple(children or (make_child(),)), tutors=tuple(tutors or (make_tutor(),)), **kw)


@pytest.fixture
def tiny() -> VisitsProblem:
    """The default one-child, one-tutor problem, which can be fully covered."""
    return make_problem()
