"""Phase 2: each site's session dates — up to the target, a minimum gap, spread through the year, denser in intensive periods."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ortools.sat.python import cp_model

from solver.rooms.calendar import is_intensive, max_sessions_with_gap
from solver.rooms.model import PhaseRun, solve_phase
from solver.rooms.problem import RoomsProblem, Site
from solver.rooms.solution import PhaseStats
from solver.rooms.weights import (
    W_DATE_CHANGE, W_GAP_WINDOW, W_INTENSIVE_MISSED, W_SESSION_SHORT, W_STAFF_SLACK, long_gap_days,
)


DATES_DETERMINISTIC_TIME = 1.0


@dataclass(frozen=True)
class DateOptions:
    """What the dates phase may use at one site: candidate dates, pinned and previous dates, staff slack per date."""

    site: Site
    candidates: tuple[date, ...]
    pinned: frozenset[date]
    previous: frozenset[date]
    staff_slack: dict[date, int]


def _target(model, hold, site: Site) -> None:
    """Hard: at most the site's target sessions."""
    model.add(sum(hold.values()) <= site.target_sessions)


def _min_gap(model, hold, site: Site) -> None:
    """Hard: two sessions of a site are at least min_gap_days apart."""
    days = sorted(hold)
    for i, first in enumerate(days):
        close = [d for d in days[i:] if (d - first).days < site.min_gap_days]
        if len(close) > 1:
            model.add_at_most_one(hold[d] for d in close)


def _pins(model, hold, options: DateOptions) -> None:
    """Hard: pinned dates are held."""
    for day in options.pinned:
        model.add(hold[day] == 1)


def _shortfall_cost(hold, site: Site):
    """Level 1: each session below the target."""
    return W_SESSION_SHORT * (site.target_sessions - sum(hold.values()))


def _change_cost(hold, options: DateOptions) -> list:
    """Level 2: previous dates dropped and new dates added, when re-solving."""
    if not options.previous:
        return []
    return [W_DATE_CHANGE * ((1 - v) if d in options.previous else v) for d, v in hold.items()]


def _gap_cost(model, hold, options: DateOptions, span_days: int, first_day: date, windows: list) -> list:
    """Level 3: every stretch of long_gap_days with candidates but no session."""
    site = options.site
    length = long_gap_days(span_days, site.target_sessions, site.min_gap_days)
    terms = []
    days = sorted(hold)
    lo = 0
    for offset in range(0, max(1, span_days - length + 1)):
        start = first_day + timedelta(days=offset)
        end = start + timedelta(days=length)
        while lo < len(days) and days[lo] < start:
            lo += 1
        inside = [hold[d] for d in days[lo:] if d < end]
        if inside:
            empty = model.new_bool_var(f"empty_{site.id}_{start.isoformat()}")
            model.add(sum(inside) + empty >= 1)
            windows.append((empty, [d for d in days[lo:] if d < end]))
            terms.append(W_GAP_WINDOW * empty)
    return terms


def _intensive_cost(hold, problem: RoomsProblem, site: Site) -> list:
    """Level 3: each intensive-period date left without a session."""
    return [W_INTENSIVE_MISSED * (1 - v) for d, v in hold.items() if is_intensive(problem, site, d)]


def _slack_cost(hold, options: DateOptions) -> list:
    """Level 6: prefer dates with more free tutors than the session needs."""
    return [W_STAFF_SLACK * max(0, 3 - options.staff_slack.get(d, 0)) * v for d, v in hold.items()]


def starting_dates(options: DateOptions) -> set[date]:
    """Pinned dates, then previous dates, then evenly spaced others, each kept only if the gap allows."""
    site = options.site
    chosen = set(options.pinned)
    n, target = len(options.candidates), max(1, site.target_sessions)
    even = {options.candidates[i * n // target] for i in range(min(n, target))}
    ordered = sorted(options.candidates, key=lambda d: (d not in options.previous, d not in even, d))
    for d in ordered:
        if len(chosen) >= site.target_sessions:
            break
        if d not in chosen and all(abs((d - c).days) >= site.min_gap_days for c in chosen):
            chosen.add(d)
    return chosen


def _hint(model, hold, windows, start: set[date]) -> None:
    """Start from a complete calendar, so a short time limit still returns at least that one."""
    for d, v in hold.items():
        model.add_hint(v, d in start)
    for empty, inside in windows:
        model.add_hint(empty, not any(d in start for d in inside))


def _build(problem: RoomsProblem, options: DateOptions) -> tuple[cp_model.CpModel, dict, list]:
    """The dates model of one site: its hold variables and the long-gap windows."""
    model = cp_model.CpModel()
    site = options.site
    hold = {d: model.new_bool_var(f"hold_{site.id}_{d.isoformat()}") for d in options.candidates}
    _target(model, hold, site)
    _min_gap(model, hold, site)
    _pins(model, hold, options)
    span_days = (problem.period.end - problem.period.start).days + 1
    windows: list = []
    model.minimize(_shortfall_cost(hold, site) + sum(_change_cost(hold, options))
                   + sum(_gap_cost(model, hold, options, span_days, problem.period.start, windows))
                   + sum(_intensive_cost(hold, problem, site)) + sum(_slack_cost(hold, options)))
    return model, hold, windows


def calendar_bound(options: DateOptions) -> int:
    """A lower bound no calendar beats: W_SESSION_SHORT for each session the candidates cannot give with the gap."""
    return W_SESSION_SHORT * max(0, options.site.target_sessions - max_sessions_with_gap(options.candidates, options.site.min_gap_days))


def score_dates(problem: RoomsProblem, options: DateOptions, dates: list[date], seed: int = 0) -> float:
    """The dates phase's objective for this calendar (the model with every date fixed, so it prices it exactly)."""
    model, hold, _windows = _build(problem, replace(options, pinned=frozenset()))
    chosen = set(dates)
    for d, v in hold.items():
        model.add(v == (d in chosen))
    run = solve_phase(model, f"score:{options.site.id}", 1.0, seed, deterministic_time=DATES_DETERMINISTIC_TIME)
    return run.stats.objective


def choose_dates(problem: RoomsProblem, options: DateOptions, time_limit_s: float, seed: int,
                 should_stop: Callable[[], bool] | None = None) -> tuple[list[date], PhaseRun]:
    """Choose one site's session dates among its candidates; the bound is at least 0 and the calendar_bound."""
    model, hold, windows = _build(problem, options)
    start = starting_dates(options)
    _hint(model, hold, windows, start)
    # A fixed deterministic budget per site: enough to close a year's calendar, the same on any machine.
    run = solve_phase(model, f"dates:{options.site.id}", time_limit_s, seed, should_stop=should_stop,
                      linearization_level=2, deterministic_time=DATES_DETERMINISTIC_TIME)
    if not run.has_solution:
        # No better calendar within the limit: keep the starting one, priced and bounded honestly.
        objective = score_dates(problem, options, sorted(start), seed)
        bound = float(min(objective, calendar_bound(options)))
        return sorted(start), PhaseRun(run.solver, PhaseStats(run.stats.name, "feasible", objective, bound, run.stats.seconds))
    chosen = sorted(d for d, v in hold.items() if run.solver.boolean_value(v))
    # CP-SAT's bound stops at the trivial one (target - every candidate, negative) when cut short.
    bound = min(run.stats.objective, max(run.stats.bound, float(calendar_bound(options))))
    status = "optimal" if bound >= run.stats.objective else "feasible"
    return chosen, PhaseRun(run.solver, PhaseStats(run.stats.name, status, run.stats.objective, bound, run.stats.seconds))
