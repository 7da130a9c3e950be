"""The staffing bound never exceeds the true optimum, and the pair flow is optimal for its pairs (brute force on tiny input)."""

from __future__ import annotations

import math
from datetime import date
from itertools import combinations, product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.clock import WeeklyWindow
from solver.rooms.eligibility import slot_tutors
from solver.rooms.greedy import keeps_caps_and_hours
from solver.rooms.local_search import StaffState, pinned_staff
from solver.rooms.model_staff import SessionSlot
from solver.rooms.staff_bound import staffing_bound
from solver.rooms.staff_cost import fair_shares
from solver.rooms.staff_flow import PairFlow

from .conftest import make_problem, make_site, make_tutor

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
DATES = (date(2026, 6, 2), date(2026, 6, 4), date(2026, 6, 9))  # Tue, Thu, Tue
EVENING = (18 * 60, 20 * 60)


def brute_force(problem, slots, fair):
    """The least staffing objective over every staffing (each slot fully staffed or dropped)."""
    eligible = slot_tutors(problem, slots)
    options = [[None, *combinations(ts, s.required)] for s, ts in zip(slots, eligible)]
    rows = [(s.site_id, s.date, s.start, s.end, s.required) for s in slots]
    best = None
    for staff in product(*options):
        if keeps_caps_and_hours(problem, rows, list(staff)):
            cost = StaffState(problem, slots, list(staff), fair).cost()
            if best is None or cost < best[0]:
                best = (cost, list(staff))
    return best


@st.composite
def staffing_problems(draw):
    sites = (make_site("A"), make_site("B"))
    tutors = tuple(make_tutor(f"T{k}", sites=draw(st.lists(st.sampled_from("AB"), min_size=1, max_size=2, unique=True)),
                              max_sessions_per_month=draw(st.integers(1, 3)),
                              preferred_site_ids=tuple(draw(st.lists(st.sampled_from("AB"), max_size=1))))
                   for k in range(draw(st.integers(1, 4))))
    problem = make_problem(sites=sites, tutors=tutors)
    keys = draw(st.lists(st.tuples(st.sampled_from("AB"), st.sampled_from(DATES)), min_size=1, max_size=4, unique=True))
    slots = [SessionSlot(site, day, *EVENING, draw(st.integers(1, 2)), False) for site, day in sorted(keys)]
    return problem, slots


@SETTINGS
@given(staffing_problems())
def test_the_bound_never_exceeds_the_optimum(case):
    problem, slots = case
    fair = fair_shares(problem, slots)
    optimum, staff = brute_force(problem, slots, fair)
    assert staffing_bound(problem, slots, staff, fair, budget_s=60) <= optimum + 1e-6


@SETTINGS
@given(staffing_problems())
def test_the_flow_staffs_the_optimum_pairs_at_the_optimum_cost(case):
    problem, slots = case
    fair = fair_shares(problem, slots)
    optimum, staff = brute_force(problem, slots, fair)
    flow = PairFlow(problem, slots, fair, StaffState(problem, slots, staff, fair).unit_cost, pinned_staff(problem, slots))
    pairs = {(t, slots[k].site_id) for k, ts in enumerate(staff) for t in ts or ()}
    found, _cost = flow.staff(pairs, [ts is not None for ts in staff])
    assert StaffState(problem, slots, found, fair).cost() == optimum


def test_the_bound_reaches_the_optimum_when_every_tutor_is_needed():
    """Two sessions of two tutors each and two tutors: both pairs are unavoidable, so the bound is exact."""
    problem = make_problem(tutors=(make_tutor("T1"), make_tutor("T2")))
    slots = [SessionSlot("A", day, *EVENING, 2, False) for day in DATES[:2]]
    fair = fair_shares(problem, slots)
    optimum, staff = brute_force(problem, slots, fair)
    assert optimum == 60
    assert math.ceil(staffing_bound(problem, slots, staff, fair, budget_s=60) - 1e-6) == optimum


def test_a_pair_set_that_cannot_staff_every_session_gives_none():
    problem = make_problem(tutors=(make_tutor("T1"), make_tutor("T2")))
    slots = [SessionSlot("A", DATES[0], *EVENING, 2, False)]
    fair = fair_shares(problem, slots)
    flow = PairFlow(problem, slots, fair, StaffState(problem, slots, [None], fair).unit_cost, set())
    assert flow.staff({("T1", "A")}, [True]) is None
    assert flow.staff({("T1", "A"), ("T2", "A")}, [True])[0] == [("T1", "T2")]
