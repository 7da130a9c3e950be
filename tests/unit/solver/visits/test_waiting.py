"""Why a need waits, with counts: each reason's count recomputed here by brute force from the problem and the plan."""

from __future__ import annotations

from collections import Counter

import pytest

from seed_data.visits_instances import generate_visits_problem
from solver.clock import WeeklyWindow
from solver.geo import travel_minutes
from solver.visits.problem import Child, Need, VisitsProblem
from solver.visits.solution import UnmetNeed, Visit
from solver.visits.solve import solve_visits
from solver.visits.waiting import CODES, waiting_counts
from tests.unit.solver.visits.conftest import FAR, TUE_EVENING, make_child, make_problem, make_tutor


def _starts(problem: VisitsProblem, child: Child, need: Need, tutor) -> list[tuple[int, int]]:
    """Every (weekday, start) on the grid where the visit fits both the child's and the tutor's windows."""
    m, grid = need.minutes, problem.grid_minutes
    return [(d, s) for d in range(7) for s in range(0, 24 * 60 - m + 1, grid)
            if any(w.contains(d, s, s + m) for w in child.availability)
            and any(w.contains(d, s, s + m) for w in tutor.availability)]


def brute_reason(problem: VisitsProblem, visits: tuple[Visit, ...], u: UnmetNeed, tutor) -> str | None:
    """The first reason this tutor does not take the need, by the rules as docs/solver-visits.md states them."""
    child = next(c for c in problem.children if c.id == u.child_id)
    need = next(n for n in child.needs if n.subject == u.subject)
    if not tutor.teaches(need.subject, child.grade):
        return None
    if child.required_gender and tutor.gender != child.required_gender:
        return "gender"
    if any(f.child_id == child.id and f.tutor_id == tutor.id for f in problem.forbidden_pairs):
        return "forbidden"
    starts = _starts(problem, child, need, tutor)
    if not starts:
        return "time"
    if travel_minutes(tutor.home, child.home) > tutor.max_travel_minutes:
        return "travel"
    homes = {c.id: c.home for c in problem.children}
    others = [v for v in visits if (v.child_id, v.subject) != (child.id, need.subject)]
    room = tutor.max_visits_per_week - sum(v.tutor_id == tutor.id for v in others)

    def tutor_ok(d, s):
        return all(v.weekday != d or s + need.minutes + travel_minutes(child.home, homes[v.child_id]) <= v.start
                   or v.end + travel_minutes(homes[v.child_id], child.home) <= s
                   for v in others if v.tutor_id == tutor.id)

    def child_ok(d, s):
        return all(v.weekday != d or s + need.minutes <= v.start or v.end <= s for v in others if v.child_id == child.id)

    days_tutor = {d for d, s in starts if tutor_ok(d, s)}
    days_both = {d for d, s in starts if tutor_ok(d, s) and child_ok(d, s)}
    if min(room, len(days_both)) > u.visits_planned:
        return "open"
    if room <= u.visits_planned:
        return "full"
    return "busy" if len(days_tutor) <= u.visits_planned else "child_busy"


def assert_counts_recomputed(problem: VisitsProblem, visits, unmet) -> int:
    """Every unmet need's counts equal the brute-force ones and add up to the tutors teaching it; returns how many."""
    for u in waiting_counts(problem, visits, unmet):
        reasons = [r for r in (brute_reason(problem, visits, u, t) for t in problem.tutors) if r is not None]
        assert u.waiting.teaching == len(reasons)
        assert dict(u.waiting.counts) == {code: n for code, n in Counter(reasons).items()}
        assert [code for code, _ in u.waiting.counts] == [c for c in CODES if c in reasons]
        assert sum(n for _, n in u.waiting.counts) == u.waiting.teaching
    return len(unmet)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_of_every_waiting_need_are_recomputed_from_the_problem(seed):
    problem = generate_visits_problem(40, 12, seed)
    solution = solve_visits(problem, time_limit_s=5, seed=seed)
    assert assert_counts_recomputed(problem, solution.visits, solution.unmet) > 0


def test_counts_recomputed_on_a_partial_plan_where_tutors_still_have_room():
    problem = generate_visits_problem(40, 12, 4)
    solution = solve_visits(problem, time_limit_s=5, seed=4)
    half = solution.visits[::2]  # dropping visits leaves "open" tutors and partly planned needs
    unmet = tuple(UnmetNeed(u.child_id, u.subject, u.visits_wanted, u.visits_planned, "", "", "") for u in _unmet(problem, half))
    codes = {code for u in waiting_counts(problem, half, unmet) for code, _ in u.waiting.counts}
    assert "open" in codes
    assert_counts_recomputed(problem, half, unmet)


def _unmet(problem, visits):
    planned = Counter((v.child_id, v.subject) for v in visits)
    return [UnmetNeed(c.id, n.subject, n.visits_per_week, planned[(c.id, n.subject)], "", "", "")
            for c in problem.children for n in c.needs if planned[(c.id, n.subject)] < n.visits_per_week]


def test_sentence_names_each_reason_with_its_count():
    tutors = [make_tutor("t1", max_visits_per_week=1), make_tutor("t2", home=FAR),
              make_tutor("t3", availability=(WeeklyWindow(3, 16 * 60, 21 * 60),)), make_tutor("t4", gender="male")]
    kids = [make_child("c1", priority=2, required_gender="female"), make_child("c2", required_gender="female")]
    problem = make_problem(children=kids, tutors=tutors)
    solution = solve_visits(problem, time_limit_s=2)
    (u,) = waiting_counts(problem, solution.visits, solution.unmet)
    assert u.child_id == "c2"
    assert dict(u.waiting.counts) == {"gender": 1, "time": 1, "travel": 1, "full": 1}
    assert u.waiting.text_ja == ("数学・中3を教える講師4人: 1人は女性ではなく、1人は火曜16:00-21:00に活動時間がなく、"
                                 "1人は移動時間の上限を超え、1人は週の上限まで埋まっています")
    assert u.waiting.text_en.startswith("4 tutor(s) teach")
    assert "1 at their weekly visit limit" in u.waiting.text_en


def test_sentence_when_nobody_teaches_the_subject():
    problem = make_problem(children=[make_child(grade=3)], tutors=[make_tutor(max_visits_per_week=1)])
    solution = solve_visits(problem, time_limit_s=2)
    (u,) = waiting_counts(problem, solution.visits, solution.unmet)
    assert u.waiting.teaching == 0 and u.waiting.counts == ()
    assert u.waiting.text_ja == "数学・小3を教える講師がいません"


def test_busy_tutor_counts_travel_between_homes():
    near_evening = WeeklyWindow(1, 18 * 60, 20 * 60)
    kids = [make_child("c1", priority=2, availability=(near_evening,)),
            make_child("c2", home=FAR, availability=(WeeklyWindow(1, 16 * 60, 18 * 60),))]
    tutor = make_tutor("t1", max_travel_minutes=120, availability=(TUE_EVENING,))
    problem = make_problem(children=kids, tutors=[tutor])
    solution = solve_visits(problem, time_limit_s=2)
    (u,) = waiting_counts(problem, solution.visits, solution.unmet)
    assert u.child_id == "c2" and dict(u.waiting.counts) == {"busy": 1}
    assert_counts_recomputed(problem, solution.visits, solution.unmet)
