"""Every number in a shortfall reason is recomputed here from the problem and the plan, without the solver's code."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest

from seed_data.rooms_instances import generate_rooms_problem
from solver.rooms.calendar import candidate_dates
from solver.rooms.eligibility import tutor_can_staff
from solver.rooms.reasons import MONTHS_EN, WEEKDAYS_EN
from solver.rooms.solve import solve_rooms

from .conftest import make_problem, make_site

TOO_FEW = re.compile(r"in (\w+) only (\d+) tutors? can come on (\w+)s and a session needs (\d+), so (\d+) sessions?")
TAKEN = re.compile(r"in (\w+) (\d+) tutors? can come on (\w+)s \((\d+) needed per session\), but after their other "
                   r"sessions in this plan only (\d+) (?:is|are) free, so (\d+) sessions?")


@pytest.fixture(scope="module")
def scarce():
    """Three sites, five tutors, seventy children: sites short both of tutors who can come and of tutors left over."""
    problem = generate_rooms_problem(3, 5, 70, 3, sessions_per_site=70)
    return problem, solve_rooms(problem, time_limit_s=3, seed=0)


def _group(problem, site, month_en, weekday_en):
    month, weekday = MONTHS_EN.index(month_en) + 1, WEEKDAYS_EN.index(weekday_en)
    return [d for d in candidate_dates(problem, site) if d.month == month and d.weekday() == weekday]


def _able(problem, site, day):
    return sum(1 for t in problem.tutors if tutor_can_staff(t, site, day))


def _need(problem, solution, site, weekday_en):
    weekday = WEEKDAYS_EN.index(weekday_en)
    children = {c.id: c for c in problem.children}
    coming = sum(1 for a in solution.assignments if a.site_id == site.id and weekday in children[a.child_id].weekdays)
    return max(site.min_tutors, math.ceil(coming / site.children_per_tutor))


def _free_in_plan(problem, solution, site, day):
    month = [s for s in solution.sessions if (s.date.year, s.date.month) == (day.year, day.month)]
    return sum(1 for t in problem.tutors if tutor_can_staff(t, site, day)
               and sum(t.id in s.staff for s in month) < t.max_sessions_per_month
               and not any(t.id in s.staff and s.date == day for s in month))


def test_too_few_tutors_who_can_come_is_recomputed_from_the_problem(scarce):
    problem, solution = scarce
    matches = [(s, TOO_FEW.search(s.reason_en)) for s in solution.shortfalls if s.kind == "staff"]
    matches = [(s, m) for s, m in matches if m]
    assert matches
    for shortfall, m in matches:
        site = problem.site(shortfall.site_id)
        month_en, able, weekday_en, need, count = m.group(1), int(m.group(2)), m.group(3), int(m.group(4)), int(m.group(5))
        assert need == _need(problem, solution, site, weekday_en) and able < need
        short_days = [d for d in _group(problem, site, month_en, weekday_en) if _able(problem, site, d) < need]
        assert able == max(_able(problem, site, d) for d in short_days) and count <= len(short_days)


def test_tutors_taken_by_other_sessions_are_recomputed_from_the_problem_and_the_plan(scarce):
    problem, solution = scarce
    matches = [(s, TAKEN.search(s.reason_en)) for s in solution.shortfalls if s.kind == "staff"]
    matches = [(s, m) for s, m in matches if m]
    assert matches
    held = {(s.site_id, s.date) for s in solution.sessions}
    for shortfall, m in matches:
        site = problem.site(shortfall.site_id)
        month_en, able, weekday_en, need, free = m.group(1), int(m.group(2)), m.group(3), int(m.group(4)), int(m.group(5))
        days = [d for d in _group(problem, site, month_en, weekday_en) if (site.id, d) not in held]
        assert need == _need(problem, solution, site, weekday_en) and able >= need > free
        assert able in {_able(problem, site, d) for d in days}
        assert free in {_free_in_plan(problem, solution, site, d) for d in days}


def test_the_parts_of_a_site_shortfall_add_up_to_what_is_missing(scarce):
    problem, solution = scarce
    for total in (s for s in solution.shortfalls if s.kind == "sessions"):
        site = problem.site(total.site_id)
        held = sum(1 for s in solution.sessions if s.site_id == site.id)
        parts = sum(s.missing for s in solution.shortfalls if s.kind == "staff" and s.site_id == site.id)
        rest = re.search(r"(\d+) more have no date left", total.reason_en)
        assert total.missing == site.target_sessions - held == parts + (int(rest.group(1)) if rest else 0)


def test_a_target_beyond_the_calendar_says_what_the_calendar_allows():
    problem = make_problem(sites=(make_site(target_sessions=300),))
    solution = solve_rooms(problem, time_limit_s=3)
    total = next(s for s in solution.shortfalls if s.kind == "sessions")
    n_open = len(candidate_dates(problem, problem.sites[0]))
    assert n_open == 4 and f"has only {n_open} open dates" in total.reason_en and f"{300 - n_open} short" in total.reason_en
    assert "time limit" not in total.reason_en and total.missing == 300 - len(solution.sessions)
    assert date(2026, 6, 2) in {s.date for s in solution.sessions}
