"""Greedy staffing keeps caps and hours, and fixed tutors keep their places."""

from __future__ import annotations

from datetime import date

from solver.rooms.greedy import greedy_staff, keeps_caps_and_hours

from .conftest import make_problem, make_tutor

E, L = 18 * 60, 20 * 60


def test_fixed_tutor_keeps_a_later_session_within_their_cap():
    problem = make_problem(tutors=(make_tutor("T1", max_sessions_per_month=1), make_tutor("T2"), make_tutor("T3")))
    rows = [("A", date(2026, 6, 2), E, L, 2), ("A", date(2026, 6, 4), E, L, 2)]
    staff = greedy_staff(problem, rows, fixed={1: ("T1",)})
    assert "T1" not in staff[0] and "T1" in staff[1]
    assert keeps_caps_and_hours(problem, rows, staff)


def test_caps_and_double_bookings_are_detected():
    problem = make_problem(tutors=(make_tutor("T1", max_sessions_per_month=1),))
    rows = [("A", date(2026, 6, 2), E, L, 1), ("A", date(2026, 6, 4), E, L, 1)]
    assert not keeps_caps_and_hours(problem, rows, [("T1",), ("T1",)])
    same_day = [("A", date(2026, 6, 2), E, L, 1), ("B", date(2026, 6, 2), E + 60, L + 60, 1)]
    assert not keeps_caps_and_hours(make_problem(), same_day, [("T1",), ("T1",)])
