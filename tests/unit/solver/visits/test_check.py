"""The checker catches each kind of violation, independently of the model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from solver.clock import WeeklyWindow
from solver.visits.check import check_visits
from solver.visits.problem import ForbiddenPair, Need, Pin
from solver.visits.solution import Visit, VisitsSolution
from tests.unit.solver.visits.conftest import FAR, HOME, make_child, make_problem, make_tutor

GOOD = Visit("c1", "数学", "t1", 1, 16 * 60, 18 * 60, 3)


def codes(problem, *visits) -> set[str]:
    return {v.code for v in check_visits(problem, VisitsSolution("feasible", 0, 0, tuple(visits)))}


def test_a_valid_visit_has_no_violation(tiny):
    assert codes(tiny, GOOD) == set()


@pytest.mark.parametrize(
    ("code", "problem_changes", "visit"),
    [
        ("unknown", {}, replace(GOOD, tutor_id="t9")),
        ("length", {}, replace(GOOD, end=17 * 60)),
        ("grid", {}, replace(GOOD, start=16 * 60 + 10, end=18 * 60 + 10)),
        ("subject_grade", {"children": [make_child(grade=3)]}, GOOD),
        ("child_availability", {}, replace(GOOD, weekday=2)),
        ("tutor_availability", {"tutors": [make_tutor(availability=(WeeklyWindow(1, 18 * 60, 21 * 60),))]}, GOOD),
        ("travel_limit", {"tutors": [make_tutor(home=FAR)]}, GOOD),
        ("gender", {"children": [make_child(required_gender="male")]}, GOOD),
        ("forbidden_pair", {"forbidden_pairs": (ForbiddenPair("c1", "t1"),)}, GOOD),
        ("pin", {"pins": (Pin("c1", "数学", "t1", 1, 19 * 60),)}, GOOD),
    ],
)
def test_checker_catches_a_per_visit_violation(code, problem_changes, visit):
    assert code in codes(make_problem(**problem_changes), visit)


def test_checker_catches_tutor_overlap_and_missing_travel_time():
    kids = [make_child("c1"), make_child("c2", home=replace(HOME, lat=HOME.lat + 0.03))]
    problem = make_problem(children=kids, tutors=[make_tutor(max_travel_minutes=60)])
    other = replace(GOOD, child_id="c2", start=17 * 60, end=19 * 60)
    assert "tutor_overlap" in codes(problem, GOOD, other)
    assert "tutor_travel" in codes(problem, GOOD, replace(other, start=18 * 60, end=20 * 60))
    assert codes(problem, GOOD, replace(other, start=18 * 60 + 30, end=20 * 60 + 30)) == set()


def test_checker_catches_child_overlap():
    child = make_child(needs=(Need("数学", 120, 1), Need("英語", 120, 1)))
    problem = make_problem(children=[child])
    assert "child_overlap" in codes(problem, GOOD, replace(GOOD, subject="英語", tutor_id="t1", start=17 * 60, end=19 * 60))


def test_checker_catches_same_day_other_tutor_too_many_and_cap():
    child = make_child(needs=(Need("数学", 60, 1),))
    problem = make_problem(children=[child], tutors=[make_tutor("t1", max_visits_per_week=1), make_tutor("t2")])
    a = replace(GOOD, end=17 * 60)
    b = replace(a, start=18 * 60, end=19 * 60)
    found = codes(problem, a, b, replace(b, tutor_id="t2", start=20 * 60, end=21 * 60))
    assert {"same_day", "too_many_visits", "one_tutor", "tutor_cap"} <= found
