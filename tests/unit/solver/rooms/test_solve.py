"""The solver's behaviour on tiny problems: full plans, shortfall reasons, pins, re-solving, determinism, cancel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from solver.rooms.check import check_rooms
from solver.rooms.codec import solution_to_json
from solver.rooms.problem import INTENSIVE, Pins, PreviousPlan, PreviousSession, SessionPin, SpecialPeriod, StaffPin
from solver.rooms.solve import solve_rooms

from .conftest import make_child, make_problem, make_site, make_tutor


def test_tiny_problem_is_fully_planned_and_optimal(tiny):
    solution = solve_rooms(tiny, time_limit_s=5)
    assert solution.status == "optimal"
    assert len(solution.sessions) == 4 and solution.shortfalls == ()
    assert check_rooms(tiny, solution) == []


def test_staff_grows_with_children_per_tutor(tiny):
    problem = replace(tiny, children=tuple(make_child(f"C{k}") for k in range(9)))
    solution = solve_rooms(problem, time_limit_s=5)
    assert all(len(s.staff) == 3 for s in solution.sessions)


def test_missing_tutors_are_reported_by_month_and_weekday():
    problem = make_problem(tutors=(make_tutor("T1"), make_tutor("T2", availability=(make_tutor("x").availability[0],))))
    solution = solve_rooms(problem, time_limit_s=5)
    staff = [s for s in solution.shortfalls if s.kind == "staff"]
    assert len(solution.sessions) == 2
    assert staff and staff[0].reason_ja == "会場A: 6月の木曜は来られる講師は1名のみで、1回に2名必要なため、2回分の人員が不足しています"
    assert staff[0].reason_en == "会場A: in June only 1 tutor can come on Thursdays and a session needs 2, so 2 sessions lack staff"


def test_min_gap_limits_sessions_with_a_reason():
    solution = solve_rooms(make_problem(sites=(make_site(min_gap_days=5),)), time_limit_s=5)
    assert len(solution.sessions) == 2
    assert "最低5日の間隔" in solution.shortfalls[0].reason_ja


def test_intensive_period_gets_its_dates_first():
    problem = make_problem(sites=(make_site(target_sessions=2, min_gap_days=1),),
                           special_periods=(SpecialPeriod(INTENSIVE, date(2026, 6, 9), date(2026, 6, 14)),))
    solution = solve_rooms(problem, time_limit_s=5)
    assert sorted(s.date for s in solution.sessions) == [date(2026, 6, 9), date(2026, 6, 11)]


def test_pins_hold(tiny):
    problem = replace(tiny, sites=(make_site(target_sessions=1),),
                      pins=Pins(sessions=(SessionPin("A", date(2026, 6, 11)),), staff=(StaffPin("A", date(2026, 6, 11), "T3"),)))
    solution = solve_rooms(problem, time_limit_s=5)
    assert [(s.date, "T3" in s.staff) for s in solution.sessions] == [(date(2026, 6, 11), True)]


def test_resolve_changes_only_the_affected_session(tiny):
    first = solve_rooms(tiny, time_limit_s=5)
    away = first.sessions[0].staff[0]
    previous = PreviousPlan(tuple(PreviousSession(s.site_id, s.date, s.staff) for s in first.sessions))
    tutors = tuple(replace(t, unavailable_dates=frozenset({first.sessions[0].date})) if t.id == away else t for t in tiny.tutors)
    second = solve_rooms(replace(tiny, tutors=tutors, previous=previous), time_limit_s=5)
    assert check_rooms(replace(tiny, tutors=tutors), second) == []
    assert [(c.date, c.removed) for c in second.changes.sessions_restaffed] == [(first.sessions[0].date, (away,))]
    assert second.changes.sessions_kept == 4


def test_same_seed_gives_the_same_plan(tiny):
    problem = replace(tiny, tutors=tuple(make_tutor(f"T{k}") for k in range(6)))
    a = solution_to_json(solve_rooms(problem, time_limit_s=5, seed=3))
    b = solution_to_json(solve_rooms(problem, time_limit_s=5, seed=3))
    for doc in (a, b):
        doc.pop("seconds")
        doc.pop("phases")
    assert a == b


def test_progress_is_reported_and_cancel_is_honoured(tiny):
    reports = []
    solution = solve_rooms(tiny, time_limit_s=5, on_progress=reports.append, should_stop=lambda: True)
    assert reports and reports[0].phase == "dates"
    assert solution.seconds < 5  # cancelled phases stop at once instead of using the time limit
    assert check_rooms(tiny, solution) == []


def test_progress_reports_the_staffing_with_seconds_from_the_start(tiny):
    reports = []
    solve_rooms(tiny, time_limit_s=5, on_progress=reports.append)
    staff = [r for r in reports if r.phase == "staff"]
    assert staff and staff[-1].sessions_held == staff[-1].sessions_staffed == 4
    assert [r.seconds for r in reports] == sorted(r.seconds for r in reports)


def test_child_without_a_possible_site_is_reported(tiny):
    problem = replace(tiny, children=(make_child("C9", weekdays=frozenset({6})),))
    solution = solve_rooms(problem, time_limit_s=5)
    assert [s.kind for s in solution.shortfalls] == ["child"]
    assert solution.assignments[0].site_id is None


def test_no_free_tutor_is_said_plainly():
    problem = make_problem(tutors=(make_tutor("T1", availability=()),))
    staff = [s for s in solve_rooms(problem, time_limit_s=5).shortfalls if s.kind == "staff"]
    assert staff[0].reason_ja == "会場A: 6月の火曜は来られる講師がいないため、2回分の人員が不足しています"
    assert staff[0].reason_en == "会場A: in June no tutor can come on Tuesdays, so 2 sessions lack staff"


def test_same_seed_gives_the_same_plan_when_local_search_runs():
    from seed_data.rooms_instances import generate_rooms_problem

    problem = generate_rooms_problem(2, 14, 30, 5, sessions_per_site=20)
    runs = [solve_rooms(problem, time_limit_s=4, seed=2) for _ in range(2)]
    assert runs[0].phases[-1].status == "feasible"  # not closed by CP-SAT: the local search ran
    assert [(s.site_id, s.date, s.staff) for s in runs[0].sessions] == [(s.site_id, s.date, s.staff) for s in runs[1].sessions]
    assert check_rooms(problem, runs[0]) == []


def test_pins_that_admit_no_staffing_are_reported_as_infeasible(tiny):
    pins = Pins(staff=(StaffPin("A", date(2026, 6, 2), "T1"), StaffPin("A", date(2026, 6, 4), "T1")))
    tutors = (make_tutor("T1", max_sessions_per_month=1), make_tutor("T2"), make_tutor("T3"))
    solution = solve_rooms(replace(tiny, tutors=tutors, pins=pins), time_limit_s=5)
    assert solution.status == "infeasible" and solution.sessions == ()
    assert "会場A 2026-06-02の講師T1、会場A 2026-06-04の講師T1。これらのピンを見直してください" in solution.shortfalls[0].reason_ja


def test_every_phase_bound_is_between_zero_and_its_objective():
    from seed_data.rooms_instances import generate_rooms_problem

    for problem in (generate_rooms_problem(3, 5, 70, 3, sessions_per_site=70), generate_rooms_problem(2, 14, 30, 5, sessions_per_site=20)):
        solution = solve_rooms(problem, time_limit_s=3, seed=0)
        assert all(0 <= p.bound <= p.objective for p in solution.phases), solution.phases
        assert 0 <= solution.bound <= solution.objective
