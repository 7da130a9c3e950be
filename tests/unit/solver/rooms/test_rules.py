"""Each hard rule: a tiny plan that keeps it passes the checker, one that breaks it is caught with its code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from solver.rooms.check import check_rooms
from solver.rooms.problem import BLACKOUT, ChildSitePin, Pins, SessionPin, SpecialPeriod, StaffPin
from solver.rooms.solution import ChildAssignment, RoomsSolution, Session, TutorLoad

from .conftest import make_child, make_problem, make_site, make_tutor

E, L = 18 * 60, 20 * 60


def plan(problem, sessions, sites=None):
    """A solution with those sessions, every child at site A, and matching loads."""
    sites = sites or {c.id: "A" for c in problem.children}
    assignments = tuple(ChildAssignment(c.id, sites.get(c.id), 1 if sites.get(c.id) else None) for c in problem.children)
    load = {}
    for s in sessions:
        for t in s.staff:
            load[t] = load.get(t, 0) + 1
    loads = tuple(TutorLoad(t.id, load.get(t.id, 0), ()) for t in problem.tutors)
    return RoomsSolution("feasible", 0, 0, 0, 0, tuple(sessions), assignments, loads, ())


def session(day, staff=("T1", "T2"), site="A", start=E, end=L):
    return Session(site, day, start, end, tuple(staff), 2, 4)


def codes(problem, solution):
    return {v.code for v in check_rooms(problem, solution)}


GOOD = [session(date(2026, 6, 2)), session(date(2026, 6, 4))]

CASES = {
    "wrong_weekday": (make_problem(), [session(date(2026, 6, 3))]),
    "outside_period": (make_problem(), [session(date(2026, 6, 16))]),
    "wrong_time": (make_problem(), [session(date(2026, 6, 2), start=17 * 60)]),
    "closed_date": (make_problem(closed_dates=frozenset({date(2026, 6, 2)})), [session(date(2026, 6, 2))]),
    "blackout": (make_problem(special_periods=(SpecialPeriod(BLACKOUT, date(2026, 6, 1), date(2026, 6, 3)),)),
                 [session(date(2026, 6, 2))]),
    "over_target": (make_problem(sites=(make_site(target_sessions=1),)), GOOD),
    "min_gap": (make_problem(sites=(make_site(min_gap_days=3),)), GOOD),
    "understaffed": (make_problem(), [session(date(2026, 6, 2), staff=("T1",))]),
    "tutor_unreachable": (make_problem(sites=(make_site(), make_site("B")), tutors=(make_tutor("T1", sites=("B",)), make_tutor("T2"))), GOOD[:1]),
    "tutor_unavailable": (make_problem(tutors=(make_tutor("T1", availability=()), make_tutor("T2"))), GOOD[:1]),
    "tutor_away": (make_problem(tutors=(make_tutor("T1", unavailable_dates=frozenset({date(2026, 6, 2)})), make_tutor("T2"))), GOOD[:1]),
    "monthly_cap": (make_problem(tutors=(make_tutor("T1", max_sessions_per_month=1), make_tutor("T2"))), GOOD),
    "double_booked": (make_problem(sites=(make_site(), make_site("B")), tutors=(make_tutor("T1", sites=("A", "B")), make_tutor("T2", sites=("A", "B")))),
                      [session(date(2026, 6, 2)), session(date(2026, 6, 2), site="B")]),
    "over_capacity": (make_problem(sites=(make_site(capacity=3),)), GOOD),
    "pin_session": (make_problem(pins=Pins(sessions=(SessionPin("A", date(2026, 6, 9)),))), GOOD),
    "pin_staff": (make_problem(pins=Pins(staff=(StaffPin("A", date(2026, 6, 2), "T3"),))), GOOD),
    "pin_child": (make_problem(sites=(make_site(), make_site("B")), pins=Pins(child_sites=(ChildSitePin("C0", "B"),))), GOOD),
    "child_not_allowed": (make_problem(children=(make_child("C0", allowed_site_ids=("B",)),), sites=(make_site(), make_site("B"))), GOOD),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_checker_catches_each_broken_rule(code):
    problem, sessions = CASES[code]
    assert code in codes(problem, plan(problem, sessions))


def test_checker_accepts_a_plan_that_keeps_every_rule(tiny):
    assert check_rooms(tiny, plan(tiny, GOOD)) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_solver_keeps_each_rule_on_the_broken_case(code):
    from solver.rooms.solve import solve_rooms

    problem, _sessions = CASES[code]
    problem = _consistent(problem)
    assert check_rooms(problem, solve_rooms(problem, time_limit_s=5, seed=0)) == []


def _consistent(problem):
    """Drop pins that validation would reject so the solver can be run on every case."""
    return replace(problem, pins=Pins(sessions=problem.pins.sessions, staff=problem.pins.staff,
                                      child_sites=tuple(p for p in problem.pins.child_sites
                                                        if p.site_id in {s.id for s in problem.sites})))


def test_checker_catches_inconsistent_plans(tiny):
    day = date(2026, 6, 2)
    good = plan(tiny, [session(day)])
    cases = {
        "duplicate_session": replace(good, sessions=good.sessions * 2),
        "duplicate_staff": replace(good, sessions=(session(day, staff=("T1", "T1", "T2")),)),
        "unknown_tutor": replace(good, sessions=(session(day, staff=("T1", "T2", "T9")),)),
        "unknown_site": replace(good, sessions=(session(day, site="Z"),)),
        "unknown_child": replace(good, assignments=good.assignments + (good.assignments[0].__class__("C9", "A", 1),)),
        "child_twice": replace(good, assignments=good.assignments + good.assignments[:1]),
        "load_mismatch": replace(good, tutor_loads=tuple(replace(t, sessions=t.sessions + 1) for t in good.tutor_loads)),
    }
    for code, solution in cases.items():
        assert code in codes(tiny, solution), code
