"""The tutor's study-room sessions as busy time: a weekly slot clashing on more than max_clash_dates dates is refused."""

from __future__ import annotations

from datetime import date, timedelta

from solver.busy import BusyTime
from solver.clock import WeeklyWindow
from solver.visits.busy_slots import allowed_starts, clash_dates
from solver.visits.check import check_visits
from solver.visits.codec import problem_from_dict, problem_to_dict
from solver.visits.solution import Visit, VisitsSolution
from solver.visits.solve import solve_visits
from tests.unit.solver.visits.conftest import HOME, NEAR, make_problem, make_tutor

FIRST_TUESDAY = date(2026, 12, 1)
EVENING = (WeeklyWindow(1, 18 * 60, 20 * 60),)  # room for exactly one 2-hour visit: Tuesday 18:00-20:00
VISIT = Visit("c1", "数学", "t1", 1, 18 * 60, 20 * 60, 3)


def sessions(n: int, start: int = 18 * 60, end: int = 20 * 60, place=NEAR) -> tuple[BusyTime, ...]:
    """A study-room session on each of the first n Tuesdays."""
    return tuple(BusyTime(FIRST_TUESDAY + timedelta(weeks=k), start, end, place) for k in range(n))


def codes(problem, visit=VISIT) -> set[str]:
    return {v.code for v in check_visits(problem, VisitsSolution("feasible", 0, 0, (visit,)))}


def planned(problem) -> int:
    solution = solve_visits(problem, time_limit_s=5)
    assert check_visits(problem, solution) == []
    return len(solution.visits)


def test_a_weekly_slot_clashing_on_more_dates_than_allowed_is_not_planned():
    assert planned(make_problem(tutors=[make_tutor(availability=EVENING, busy=sessions(4))])) == 0


def test_a_weekly_slot_clashing_on_a_few_dates_is_planned():
    assert planned(make_problem(tutors=[make_tutor(availability=EVENING, busy=sessions(3))])) == 1


def test_the_allowed_number_of_clash_dates_is_the_problems():
    tutor = make_tutor(availability=EVENING, busy=sessions(1))
    assert planned(make_problem(tutors=[tutor], max_clash_dates=0)) == 0


def test_a_session_far_enough_before_the_visit_is_no_clash():
    # A 16:00-17:00 session next door leaves an hour before an 18:00 visit: no date clashes.
    assert planned(make_problem(tutors=[make_tutor(availability=EVENING, busy=sessions(10, 16 * 60, 17 * 60))])) == 1


def test_travel_from_the_site_counts_as_busy():
    far_site = HOME.__class__(HOME.lat + 0.03, HOME.lon)  # about 18 minutes from the child's home
    assert clash_dates(sessions(2, 16 * 60, 17 * 60 + 50, far_site), 1, 18 * 60, 20 * 60, HOME) == {
        FIRST_TUESDAY, FIRST_TUESDAY + timedelta(weeks=1)}
    assert clash_dates(sessions(2, 16 * 60, 17 * 60 + 50, HOME), 1, 18 * 60, 20 * 60, HOME) == set()


def test_checker_flags_a_visit_clashing_on_too_many_dates():
    assert "busy_clash" in codes(make_problem(tutors=[make_tutor(busy=sessions(4))]))


def test_checker_accepts_a_visit_clashing_on_few_dates():
    assert codes(make_problem(tutors=[make_tutor(busy=sessions(3))])) == set()


def test_busy_time_survives_the_json_round_trip():
    problem = make_problem(tutors=[make_tutor(busy=sessions(2))], max_clash_dates=1)
    data = problem_to_dict(problem)
    assert data["format"] == "visits-problem/2" and data["tutors"][0]["busy"][0]["date"] == "2026-12-01"
    assert problem_from_dict(data) == problem


def test_a_format_1_document_still_reads_without_busy_time():
    data = problem_to_dict(make_problem())
    data["format"] = "visits-problem/1"
    del data["max_clash_dates"]
    for t in data["tutors"]:
        del t["busy"]
    assert problem_from_dict(data) == make_problem()


def test_the_start_masks_agree_with_the_checkers_clash_dates_at_every_start():
    far_site = HOME.__class__(HOME.lat + 0.02, HOME.lon + 0.01)
    busy = sessions(5, 17 * 60, 19 * 60, far_site) + sessions(2, 20 * 60, 21 * 60) + (
        BusyTime(FIRST_TUESDAY + timedelta(days=2), 9 * 60, 10 * 60, HOME),)
    for minutes in (60, 90, 120):
        mask = allowed_starts(busy, HOME, minutes, 30, 1, 3)
        for weekday in range(7):
            for k in range(48):
                expected = len(clash_dates(busy, weekday, k * 30, k * 30 + minutes, HOME)) <= 3
                assert bool(int(mask[weekday, 0]) >> k & 1) == expected, (minutes, weekday, k)


def test_an_unmet_need_says_the_tutors_study_room_sessions_are_why():
    solution = solve_visits(make_problem(tutors=[make_tutor(availability=EVENING, busy=sessions(4))]), time_limit_s=5)
    (unmet,) = solution.unmet
    assert unmet.reason_code == "no_tutor_busy" and "学習室の予定と重ならない人がいません" in unmet.reason_ja
    assert "has no study-room sessions then" in unmet.reason_en
