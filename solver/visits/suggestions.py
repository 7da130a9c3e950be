"""What it would take to serve a waiting need: the smallest single change, computed from the problem, checked by re-solving.

Three kinds of change, tried in this order for each waiting need:

1. ``tutor_cap``: a tutor at the weekly limit (counted "full" in waiting.py) takes one more visit a week;
2. ``tutor_travel``: a tutor who lives just beyond their travel limit has it 10 minutes longer;
3. ``child_time``: the child is free one more evening, on a weekday without free time yet, at the
   hours of the child's usual window.

Candidates are ranked within a kind: a tutor who then has a free time for the visit without moving
anyone first, then the shortest travel. Each candidate is checked by re-solving the changed problem
around it (recheck.py): it counts only if the need is then fully served, no need of equal or higher
priority loses a visit, and the whole plan passes the checker. The suggestion is the checked change
that moves the fewest other visits (the first one in the order above among equals).

The work is bounded: the MAX_NEEDS waiting needs with the most coverage points (then input order) among
those with any candidate change, PER_KIND candidates of each kind per need, one re-solve of at most RESOLVE_SECONDS each, and a
wall-clock budget for all of them (a need whose turn comes after it is spent gets no suggestion).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from solver.clock import WEEKDAYS, WEEKDAYS_JA, WeeklyWindow, format_time
from solver.geo import travel_minutes
from solver.visits.bookings import Bookings, starts_by_day
from solver.visits.candidates import TutorTable, forbidden_index, need_filters, words_for
from solver.visits.problem import Child, Need, Tutor, VisitsProblem
from solver.visits.recheck import recheck
from solver.visits.solution import Suggestion, UnmetNeed, Visit
from solver.visits.waiting import tutor_reasons

KINDS = ("tutor_cap", "tutor_travel", "child_time")
EXTRA_TRAVEL_MINUTES = 10
MAX_NEEDS = 20
PER_KIND = 2
# Tutors besides the changed ones who may take over visits in a re-solve (those who can do most of them).
HELPERS = 5
RESOLVE_SECONDS = 1.0
# A re-solve is not started with less time left than this (one takes 0.02-0.3 s at these sizes).
MIN_RESOLVE_SECONDS = 0.05


class Change(NamedTuple):
    """One change to the problem: its kind, the tutor it concerns, or the child's new window."""

    kind: str
    tutor_id: str | None = None
    weekday: int | None = None
    start: int | None = None
    end: int | None = None


def apply_change(problem: VisitsProblem, child_id: str, change: Change | Suggestion) -> VisitsProblem:
    """The problem with the change made (a Suggestion applies the same way)."""
    if change.kind == "child_time":
        window = WeeklyWindow(change.weekday, change.start, change.end)
        children = tuple(replace(c, availability=c.availability + (window,)) if c.id == child_id else c for c in problem.children)
        return replace(problem, children=children)
    extra = {"tutor_cap": {"max_visits_per_week": 1}, "tutor_travel": {"max_travel_minutes": EXTRA_TRAVEL_MINUTES}}[change.kind]
    tutors = tuple(replace(t, **{k: getattr(t, k) + v for k, v in extra.items()}) if t.id == change.tutor_id else t for t in problem.tutors)
    return replace(problem, tutors=tutors)


def can_visit(problem: VisitsProblem, child: Child, need: Need, tutor: Tutor) -> bool:
    """Whether this tutor passes every per-visit rule for the need (subject, gender, pair, travel, a common start)."""
    if not tutor.teaches(need.subject, child.grade) or (child.required_gender and tutor.gender != child.required_gender):
        return False
    if any(f.child_id == child.id and f.tutor_id == tutor.id for f in problem.forbidden_pairs):
        return False
    if travel_minutes(tutor.home, child.home) > tutor.max_travel_minutes:
        return False
    grid = problem.grid_minutes
    for w in child.availability:
        for v in tutor.availability:
            if v.weekday == w.weekday:
                first = -(-max(w.start, v.start) // grid) * grid
                if first + need.minutes <= min(w.end, v.end):
                    return True
    return False


def usual_window(child: Child) -> tuple[int, int] | None:
    """The hours the child is most often free (the earliest of equals), or None without free time."""
    if not child.availability:
        return None
    counts = Counter((w.start, w.end) for w in child.availability)
    return min(counts, key=lambda k: (-counts[k], k))


class _Context(NamedTuple):
    """What every candidate of one run reads: the problem, its tutors as arrays, the plan's bookings, the waiting needs."""

    problem: VisitsProblem
    table: TutorTable
    bookings: Bookings
    forbidden: dict[str, list[int]]
    waiting: list[tuple[Child, Need]]


def _candidates(ctx: _Context, child: Child, need: Need, planned: int) -> list[tuple[Change, list[int]]]:
    """The changes to try for one need, in order, each with the tutors (indices) it concerns."""
    problem, table, bookings = ctx.problem, ctx.table, ctx.bookings
    forbidden = ctx.forbidden.get(child.id, [])
    travel = table.travel_from(child)
    f = need_filters(table, child, need, travel, forbidden)
    reasons = tutor_reasons(problem, table, bookings, child, need, planned, forbidden)

    def room(k: int, starts, extra_visits: int = 0) -> bool:
        t = problem.tutors[k]
        r = bookings.room(t.id, t.max_visits_per_week + extra_visits, child, need.subject, need.minutes, starts)
        return r.serves > planned

    grid = problem.grid_minutes
    full = [k for k, r in reasons.items() if r == "full"]
    full.sort(key=lambda k: (not room(k, starts_by_day(f.common[k], grid), 1), int(travel[k]), problem.tutors[k].id))
    far = [k for k, r in reasons.items() if r == "travel" and travel[k] <= table.max_travel[k] + EXTRA_TRAVEL_MINUTES]
    far.sort(key=lambda k: (not room(k, starts_by_day(f.common[k], grid)), int(travel[k] - table.max_travel[k]), problem.tutors[k].id))
    out = [(Change("tutor_cap", problem.tutors[k].id), [k]) for k in full[:PER_KIND]]
    out += [(Change("tutor_travel", problem.tutors[k].id), [k]) for k in far[:PER_KIND]]
    hours = usual_window(child)
    if hours is not None:
        days = []
        for d in sorted(set(range(7)) - {w.weekday for w in child.availability}):
            wider = replace(child, availability=child.availability + (WeeklyWindow(d, *hours),))
            g = need_filters(table, wider, need, travel, forbidden)
            able = np.nonzero(g.subject_grade & g.gender & g.allowed & g.travel_ok & g.common[:, d].any(axis=1))[0].tolist()
            if not able:
                continue
            direct = [k for k in able if room(k, {d: starts_by_day(g.common[k], grid).get(d, [])}) or _mid_need(bookings, child, need, problem.tutors[k].id)]
            able.sort(key=lambda k: (k not in direct, int(travel[k]), problem.tutors[k].id))
            days.append((-len(direct), -len(able), d, able[:3]))
        out += [(Change("child_time", None, d, *hours), tutors) for _, _, d, tutors in sorted(days)[:PER_KIND]]
    return out


def _mid_need(bookings: Bookings, child: Child, need: Need, tutor_id: str) -> bool:
    """The tutor already makes some of this need's visits (a new day may be all it lacks)."""
    return any(v.tutor_id == tutor_id for v in bookings.of_need(child.id, need.subject))


def _region(ctx: _Context, child: Child, need: Need, tutors: list[int]) -> set[str]:
    """The changed tutors, the need's own tutor, and the HELPERS tutors who could take over most of their visits."""
    problem, bookings = ctx.problem, ctx.bookings
    region = {problem.tutors[k].id for k in tutors} | {v.tutor_id for v in bookings.of_need(child.id, need.subject)}
    children = {c.id: c for c in problem.children}
    served = {(v.child_id, v.subject) for v in bookings.visits if v.tutor_id in region}
    able: Counter = Counter()
    for cid, subject in served:
        c = children[cid]
        n = next(x for x in c.needs if x.subject == subject)
        f = need_filters(ctx.table, c, n, ctx.table.travel_from(c), ctx.forbidden.get(cid, []))
        ok = f.subject_grade & f.gender & f.allowed & f.travel_ok & f.time_ok
        able.update(problem.tutors[k].id for k in np.nonzero(ok)[0].tolist() if problem.tutors[k].id not in region)
    helpers = sorted(able, key=lambda t: (-able[t], t))[:HELPERS]
    return region | set(helpers)


def _needs(ctx: _Context, changed: VisitsProblem, region: set[str], target: tuple[str, str]) -> set[tuple[str, str]]:
    """The target, every need the region's tutors visit, and the waiting needs that could use one of them.

    Lower-priority needs too: a re-solve may serve one that needs no other visit moved rather than the target
    when moving visits costs more than the two needs' points differ by (a change outweighs a week of waiting).
    """
    bookings = ctx.bookings
    needs = {target} | {(v.child_id, v.subject) for v in bookings.visits if v.tutor_id in region}
    tutors = [t for t in changed.tutors if t.id in region]
    children = {c.id: c for c in changed.children}
    for child, need in ctx.waiting:
        key = (child.id, need.subject)
        if key in needs or any(v.tutor_id not in region for v in bookings.of_need(*key)):
            continue
        if any(can_visit(changed, children[child.id], need, t) for t in tutors):
            needs.add(key)
    return needs


def _text(problem: VisitsProblem, change: Change, moved: int) -> tuple[str, str]:
    """The change in one Japanese and one English sentence."""
    tutor = next((t for t in problem.tutors if t.id == change.tutor_id), None)
    if change.kind == "tutor_cap":
        cap = tutor.max_visits_per_week
        ja, en = (f"講師{tutor.id}が週の訪問を{cap}回から{cap + 1}回に増やせば入ります",
                  f"Served if tutor {tutor.id} takes one more visit a week ({cap} to {cap + 1}).")
    elif change.kind == "tutor_travel":
        limit = tutor.max_travel_minutes
        ja, en = (f"講師{tutor.id}の移動時間の上限を{limit}分から{limit + EXTRA_TRAVEL_MINUTES}分に延ばせば入ります",
                  f"Served if tutor {tutor.id}'s travel limit goes from {limit} to {limit + EXTRA_TRAVEL_MINUTES} minutes.")
    else:
        span = f"{format_time(change.start)}-{format_time(change.end)}"
        ja, en = (f"{WEEKDAYS_JA[change.weekday]}曜{span}にも空きがあれば入ります",
                  f"Served if the child is also free on {WEEKDAYS[change.weekday].capitalize()} {span}.")
    if moved:
        ja, en = ja + f"（ほかの訪問{moved}件が動きます）", en + f" ({moved} other visit(s) move.)"
    return ja, en


def suggest_changes(problem: VisitsProblem, visits: tuple[Visit, ...], unmet: tuple[UnmetNeed, ...], budget_s: float,
                    seed: int = 0, should_stop: Callable[[], bool] | None = None) -> tuple[UnmetNeed, ...]:
    """The unmet needs, those of the first MAX_NEEDS examined with the smallest checked change found (module docstring)."""
    deadline = time.perf_counter() + budget_s
    children = {c.id: c for c in problem.children}
    waiting = [(children[u.child_id], next(n for n in children[u.child_id].needs if n.subject == u.subject)) for u in unmet]
    ctx = _Context(problem, TutorTable(problem, words_for(problem)), Bookings(problem, visits), forbidden_index(problem), waiting)
    order = sorted(range(len(unmet)), key=lambda i: (-problem.visit_points(waiting[i][0]), i))
    found: dict[int, Suggestion] = {}
    examined = 0
    for i in order:
        child, need = waiting[i]
        target = (child.id, need.subject)
        candidates = _candidates(ctx, child, need, unmet[i].visits_planned)
        if not candidates:
            continue
        examined += 1
        if examined > MAX_NEEDS or deadline - time.perf_counter() < MIN_RESOLVE_SECONDS:
            break
        best = None
        for change, tutors in candidates:
            left = deadline - time.perf_counter()
            if left < MIN_RESOLVE_SECONDS or (should_stop is not None and should_stop()):
                break
            changed = apply_change(problem, child.id, change)
            region = _region(ctx, child, need, tutors)
            outcome = recheck(changed, visits, region, _needs(ctx, changed, region, target), target, min(RESOLVE_SECONDS, left), seed)
            if outcome.served and (best is None or outcome.other_changes < best[1]):
                best = (change, outcome.other_changes)
                if not best[1]:
                    break
        if best is not None:
            change, moved = best
            ja, en = _text(problem, change, moved)
            found[i] = Suggestion(change.kind, change.tutor_id, change.weekday, change.start, change.end, moved, ja, en)
    return tuple(replace(u, suggestion=found.get(i)) for i, u in enumerate(unmet))
