"""A dropped session is staffed when a tutor at their monthly cap can hand another session to a free colleague."""

from __future__ import annotations

from datetime import date

from solver.rooms.extra_sessions import add_sessions
from solver.rooms.local_search import improve_staffing
from solver.rooms.model_staff import SessionSlot
from solver.rooms.staff_cost import fair_shares

from .conftest import make_problem, make_tutor

E, L = 18 * 60, 20 * 60
TUE, THU = date(2026, 6, 2), date(2026, 6, 4)


def _capped_problem():
    """T1 and T2 may work once in June, T3 twice: the Thursday session needs T1 freed from Tuesday."""
    return make_problem(tutors=(make_tutor("T1", max_sessions_per_month=1), make_tutor("T2", max_sessions_per_month=1),
                                make_tutor("T3", max_sessions_per_month=2)))


def test_a_capped_tutor_is_freed_by_one_swap_so_the_dropped_session_is_staffed():
    problem = _capped_problem()
    slots = [SessionSlot("A", TUE, E, L, 2, False), SessionSlot("A", THU, E, L, 2, False)]
    staff, _objective = improve_staffing(problem, slots, [("T1", "T2"), None], fair_shares(problem, slots), 5.0)
    assert staff[1] is not None and len(staff[1]) == 2 and "T3" in staff[0] + staff[1]
    assert all(sum(t in st for st in staff) <= {"T1": 1, "T2": 1, "T3": 2}[t] for t in ("T1", "T2", "T3"))


def test_a_site_below_target_gets_a_session_on_another_open_date():
    from solver.rooms.solve import _SiteDay

    problem = _capped_problem()
    days = {"A": _SiteDay(problem, problem.sites[0], list(problem.children))}
    slots = [SessionSlot("A", TUE, E, L, 2, False)]
    new_slots, staff = add_sessions(problem, days, slots, [("T1", "T2")], fair_shares(problem, slots), 5.0)
    assert [s.date for s in new_slots][0] == TUE and len(new_slots) == 2 and all(len(st) == 2 for st in staff)
