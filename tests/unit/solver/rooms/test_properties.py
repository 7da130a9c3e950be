"""Property tests: on random tiny problems every plan passes the checker, pins hold, and the baseline is checkable."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.clock import WeeklyWindow
from solver.rooms.baseline import baseline_rooms
from solver.rooms.calendar import candidate_dates
from solver.rooms.check import check_rooms
from solver.rooms.problem import BLACKOUT, Pins, SessionPin, SpecialPeriod
from solver.rooms.solve import solve_rooms

from .conftest import make_child, make_problem, make_site, make_tutor

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def problems(draw):
    n_sites = draw(st.integers(1, 2))
    sites = []
    for k in range(n_sites):
        days = draw(st.lists(st.integers(0, 5), min_size=1, max_size=3, unique=True))
        sites.append(make_site(f"S{k}", windows=tuple(WeeklyWindow(d, 18 * 60, 20 * 60) for d in sorted(days)),
                               target_sessions=draw(st.integers(0, 6)), min_gap_days=draw(st.integers(1, 3)),
                               capacity=draw(st.integers(1, 6)), min_tutors=draw(st.integers(1, 2)),
                               children_per_tutor=draw(st.integers(1, 3))))
    site_ids = [s.id for s in sites]
    tutors = []
    for k in range(draw(st.integers(0, 5))):
        days = draw(st.lists(st.integers(0, 5), min_size=0, max_size=4, unique=True))
        tutors.append(make_tutor(f"T{k}", sites=draw(st.lists(st.sampled_from(site_ids), min_size=1, unique=True)),
                                 availability=tuple(WeeklyWindow(d, 17 * 60, 21 * 60) for d in sorted(days)),
                                 max_sessions_per_month=draw(st.integers(0, 4)),
                                 unavailable_dates=frozenset(draw(st.lists(st.dates(date(2026, 6, 1), date(2026, 6, 21)), max_size=3)))))
    children = [make_child(f"C{k}", weekdays=frozenset(draw(st.lists(st.integers(0, 5), min_size=1, max_size=3, unique=True))),
                           allowed_site_ids=tuple(draw(st.lists(st.sampled_from(site_ids), max_size=2, unique=True))))
                for k in range(draw(st.integers(0, 8)))]
    blackouts = ()
    if draw(st.booleans()):
        start = draw(st.dates(date(2026, 6, 1), date(2026, 6, 21)))
        blackouts = (SpecialPeriod(BLACKOUT, start, start, (site_ids[0],)),)
    problem = make_problem(sites=tuple(sites), tutors=tuple(tutors), children=tuple(children), special_periods=blackouts)
    problem = problem.__class__(**{**problem.__dict__, "period": problem.period.__class__(date(2026, 6, 1), date(2026, 6, 21))})
    open_days = candidate_dates(problem, sites[0])
    if open_days and sites[0].target_sessions > 0 and draw(st.booleans()):
        pin = SessionPin(sites[0].id, draw(st.sampled_from(open_days)))
        problem = problem.__class__(**{**problem.__dict__, "pins": Pins(sessions=(pin,))})
    return problem


@SETTINGS
@given(problems())
def test_every_solver_plan_passes_the_checker_and_keeps_pins(problem):
    solution = solve_rooms(problem, time_limit_s=2, seed=0)
    if solution.status == "infeasible":
        return  # a pinned session nobody can staff: nothing to plan, and nothing broken
    assert check_rooms(problem, solution) == []
    held = {(s.site_id, s.date) for s in solution.sessions}
    assert all((p.site_id, p.date) in held for p in problem.pins.sessions)


@SETTINGS
@given(problems())
def test_every_shortfall_has_both_languages(problem):
    solution = solve_rooms(problem, time_limit_s=2, seed=0)
    assert all(s.reason_ja and s.reason_en and s.missing > 0 for s in solution.shortfalls)


@SETTINGS
@given(problems())
def test_baseline_breaks_no_calendar_rule(problem):
    violations = check_rooms(problem, baseline_rooms(problem))
    assert {v.code for v in violations} <= {"understaffed", "pin_session", "pin_staff", "pin_child"}
