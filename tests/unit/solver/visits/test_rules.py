"""Each hard rule as a pair of tiny cases: the rule blocks the visit, or it does not."""

from __future__ import annotations

from dataclasses import replace

from solver.clock import WeeklyWindow
from solver.visits.check import check_visits
from solver.visits.problem import ForbiddenPair, Need, Pin, TutorSubject
from solver.visits.solve import solve_visits
from tests.unit.solver.visits.conftest import FAR, HOME, NEAR, make_child, make_problem, make_tutor


def planned(problem) -> int:
    solution = solve_visits(problem, time_limit_s=5)
    assert check_visits(problem, solution) == []
    return len(solution.visits)


def test_tutor_must_teach_the_subject():
    assert planned(make_problem(tutors=[make_tutor(subjects=(TutorSubject("英語", 7, 12),))])) == 0
    assert planned(make_problem()) == 1


def test_tutor_must_teach_the_grade():
    assert planned(make_problem(tutors=[make_tutor(subjects=(TutorSubject("数学", 1, 6),))])) == 0
    assert planned(make_problem(tutors=[make_tutor(subjects=(TutorSubject("数学", 9, 9),))])) == 1


def test_visit_lies_inside_both_availabilities():
    short = (WeeklyWindow(1, 16 * 60, 17 * 60 + 30),)
    assert planned(make_problem(tutors=[make_tutor(availability=short)])) == 0
    assert planned(make_problem(tutors=[make_tutor(availability=(WeeklyWindow(1, 16 * 60, 18 * 60),))])) == 1
    assert planned(make_problem(tutors=[make_tutor(availability=(WeeklyWindow(2, 16 * 60, 21 * 60),))])) == 0


def test_visits_start_on_the_grid():
    window = (WeeklyWindow(1, 16 * 60 + 10, 18 * 60 + 20),)
    assert planned(make_problem(children=[make_child(availability=window)])) == 0
    assert planned(make_problem(children=[make_child(availability=window)], grid_minutes=10)) == 1


def test_tutor_visits_never_overlap_and_leave_travel_time():
    window = (WeeklyWindow(1, 16 * 60, 20 * 60),)
    two = [make_child("c1", availability=window), make_child("c2", availability=window, home=replace(HOME, lat=HOME.lat + 0.03))]
    tutor = make_tutor(availability=window, max_travel_minutes=60)
    assert planned(make_problem(children=two, tutors=[tutor])) == 1  # 4 hours, but the homes are ~18 minutes apart
    same_street = [make_child("c1", availability=window), make_child("c2", availability=window, home=HOME)]
    assert planned(make_problem(children=same_street, tutors=[tutor])) == 2


def test_back_to_back_only_within_one_home_even_beside_siblings():
    # Siblings share a home: one tutor may go straight from one to the other, never straight to another home.
    sibling_a, sibling_b = make_child("c1"), make_child("c2")
    neighbour = make_child("c3", home=NEAR)  # a few minutes away: a visit there needs a grid slot between
    six_hours = (WeeklyWindow(1, 16 * 60, 22 * 60),)
    children = [replace(c, availability=six_hours) for c in (sibling_a, sibling_b, neighbour)]
    tutor = make_tutor(availability=six_hours)
    assert planned(make_problem(children=children, tutors=[tutor])) == 2
    longer = (WeeklyWindow(1, 16 * 60, 22 * 60 + 30),)
    children = [replace(c, availability=longer) for c in children]
    problem = make_problem(children=children, tutors=[replace(tutor, availability=longer)])
    solution = solve_visits(problem, time_limit_s=5)
    assert len(solution.visits) == 3 and check_visits(problem, solution) == []
    starts = {v.child_id: v.start for v in solution.visits}
    assert starts["c3"] in (16 * 60, 20 * 60 + 30) and abs(starts["c1"] - starts["c2"]) == 120


def test_child_visits_never_overlap():
    window = (WeeklyWindow(1, 16 * 60, 19 * 60),)
    child = make_child(needs=(Need("数学", 120, 1), Need("英語", 120, 1)), availability=window)
    tutors = [make_tutor("t1"), make_tutor("t2", subjects=(TutorSubject("英語", 7, 12),))]
    assert planned(make_problem(children=[child], tutors=tutors)) == 1
    roomy = replace(child, availability=(WeeklyWindow(1, 16 * 60, 20 * 60),))
    assert planned(make_problem(children=[roomy], tutors=tutors)) == 2


def test_visits_of_one_need_fall_on_different_days():
    child = make_child(needs=(Need("数学", 60, 2),))
    assert planned(make_problem(children=[child])) == 1
    both = replace(child, availability=(WeeklyWindow(1, 16 * 60, 21 * 60), WeeklyWindow(3, 16 * 60, 21 * 60)))
    assert planned(make_problem(children=[both], tutors=[make_tutor(availability=both.availability)])) == 2


def test_visits_of_one_need_have_the_same_tutor():
    days = (WeeklyWindow(1, 16 * 60, 21 * 60), WeeklyWindow(3, 16 * 60, 21 * 60))
    child = make_child(needs=(Need("数学", 60, 2),), availability=days)
    split = [make_tutor("t1", availability=days[:1]), make_tutor("t2", availability=days[1:])]
    assert planned(make_problem(children=[child], tutors=split)) == 1
    assert planned(make_problem(children=[child], tutors=[make_tutor(availability=days)])) == 2


def test_tutor_weekly_cap():
    window = (WeeklyWindow(1, 16 * 60, 21 * 60),)
    kids = [make_child("c1", needs=(Need("数学", 60, 1),), availability=window), make_child("c2", needs=(Need("数学", 60, 1),), availability=window, home=HOME)]
    assert planned(make_problem(children=kids, tutors=[make_tutor(max_visits_per_week=1)])) == 1
    assert planned(make_problem(children=kids, tutors=[make_tutor(max_visits_per_week=2)])) == 2


def test_travel_within_the_tutors_limit():
    assert planned(make_problem(tutors=[make_tutor(home=FAR)])) == 0
    assert planned(make_problem(tutors=[make_tutor(home=FAR, max_travel_minutes=120)])) == 1


def test_gender_requirement():
    child = make_child(required_gender="female")
    assert planned(make_problem(children=[child], tutors=[make_tutor(gender="male")])) == 0
    assert planned(make_problem(children=[child], tutors=[make_tutor(gender="female")])) == 1


def test_forbidden_pair():
    assert planned(make_problem(forbidden_pairs=(ForbiddenPair("c1", "t1"),))) == 0
    assert planned(make_problem(forbidden_pairs=(ForbiddenPair("c1", "t2"),), tutors=[make_tutor("t1"), make_tutor("t2")])) == 1


def test_pin_holds_even_when_another_tutor_is_cheaper():
    tutors = [make_tutor("t1", home=HOME), make_tutor("t2")]
    pin = Pin("c1", "数学", "t2", 1, 19 * 60)
    solution = solve_visits(make_problem(tutors=tutors, pins=(pin,)), time_limit_s=5)
    assert [(v.tutor_id, v.weekday, v.start) for v in solution.visits] == [("t2", 1, 19 * 60)]
    unpinned = solve_visits(make_problem(tutors=tutors), time_limit_s=5)
    assert [v.tutor_id for v in unpinned.visits] == ["t1"]


def test_one_tutor_may_teach_one_child_two_subjects_back_to_back():
    window = (WeeklyWindow(1, 16 * 60, 20 * 60),)
    child = make_child(needs=(Need("数学", 120, 1), Need("英語", 120, 1)), availability=window)
    both = make_tutor(availability=window, subjects=(TutorSubject("数学", 7, 12), TutorSubject("英語", 7, 12)))
    assert planned(make_problem(children=[child], tutors=[both])) == 2  # no travel between two visits in one home
