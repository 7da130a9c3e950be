"""Unmet needs carry the narrowest empty filter in Japanese and English; changes are kept/moved/new/dropped."""

from __future__ import annotations

from solver.clock import WeeklyWindow
from solver.visits.problem import CurrentVisit, Need
from solver.grades import grade_label
from solver.visits.solve import solve_visits
from tests.unit.solver.visits.conftest import FAR, make_child, make_problem, make_tutor


def test_grades_read_as_school_years():
    assert [grade_label(g) for g in (1, 6, 7, 9, 10, 12)] == ["小1", "小6", "中1", "中3", "高1", "高3"]


def test_reason_names_time_when_nobody_is_free_then():
    problem = make_problem(tutors=[make_tutor(availability=(WeeklyWindow(3, 16 * 60, 21 * 60),))])
    (unmet,) = solve_visits(problem, time_limit_s=2).unmet
    assert unmet.reason_code == "no_tutor_time"
    assert unmet.reason_ja == "中3に数学を教えられる講師のうち、火曜16:00-21:00に空きがある人がいません"
    assert "Tue 16:00-21:00" in unmet.reason_en


def test_reason_names_a_subject_code_by_its_label_never_the_code():
    child = make_child(grade=10, needs=(Need("study_habits", 120, 1),))
    (unmet,) = solve_visits(make_problem(children=[child]), time_limit_s=2).unmet
    assert unmet.reason_ja == "高1に学習習慣を教えられる講師がいません"
    assert "Study habits" in unmet.reason_en and "study_habits" not in unmet.reason_en


def test_reason_names_travel_after_time():
    (unmet,) = solve_visits(make_problem(tutors=[make_tutor(home=FAR)]), time_limit_s=2).unmet
    assert unmet.reason_code == "no_tutor_travel"
    assert unmet.reason_ja.startswith("中3に数学を教えられる講師のうち、火曜16:00-21:00に空きがあり、移動時間の上限内で通える人がいません")


def test_reason_says_taken_when_candidates_exist():
    kids = [make_child("c1", priority=2), make_child("c2")]
    solution = solve_visits(make_problem(children=kids, tutors=[make_tutor(max_visits_per_week=1)]), time_limit_s=2)
    (unmet,) = solution.unmet
    assert unmet.child_id == "c2" and unmet.reason_code == "taken"


def test_change_summary_keeps_unchanged_and_drops_what_left():
    child = make_child(current_visits=(CurrentVisit("数学", "t1", 1, 18 * 60),))
    kept = solve_visits(make_problem(children=[child]), time_limit_s=2).changes
    assert len(kept.kept) == 1 and not kept.moved and not kept.new and not kept.dropped
    gone = solve_visits(make_problem(children=[child], tutors=[make_tutor("t2")]), time_limit_s=2).changes
    assert len(gone.moved) == 1 and gone.moved[0].before.tutor_id == "t1" and gone.moved[0].after.tutor_id == "t2"
