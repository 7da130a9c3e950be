"""Public entry of the rooms solver: children's sites, then dates, then staffing, then reasons and changes."""

from __future__ import annotations

import math
from dataclasses import replace
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from solver.geo import travel_minutes
from solver.rooms.budget import cpu_now
from solver.rooms.calendar import candidate_dates, month_key, window_on
from solver.rooms.changes import summarize_changes
from solver.rooms.eligibility import expected_children, free_on, required_staff, staffable_weekdays
from solver.rooms.model_children import assign_children
from solver.rooms.extra_sessions import add_sessions
from solver.rooms.local_search import StaffState
from solver.rooms.model_dates import DateOptions, choose_dates, score_dates
from solver.rooms.model_staff import BOUND_TOLERANCE, SessionSlot, staff_sessions
from solver.rooms.problem import RoomsProblem, Site
from solver.rooms.reasons import child_shortfall, pins_shortfall, site_shortfalls
from solver.rooms.repair import repair_staffing
from solver.rooms.solution import (
    ChildAssignment, PhaseStats, Progress, RoomsSolution, Session, TutorLoad,
)
from solver.rooms.staff_bound import staffing_bound
from solver.rooms.staff_cost import fair_shares
from solver.rooms.validate import validate_problem

DEFAULT_WORKERS = 1
ADD_SESSIONS_SHARE = 0.05  # of the time limit, kept for extra_sessions.add_sessions


def _since(started: float, on_progress: Callable[[Progress], None] | None) -> Callable[[Progress], None] | None:
    """Report progress with seconds counted from the start of the whole solve, not of each phase."""
    if on_progress is None:
        return None
    return lambda p: on_progress(replace(p, seconds=cpu_now() - started))


def _combine(name: str, runs: list[PhaseStats]) -> PhaseStats:
    statuses = {r.status for r in runs}
    status = next((s for s in ("infeasible", "unknown", "feasible") if s in statuses), "optimal")
    return PhaseStats(name, status, sum(r.objective for r in runs), sum(r.bound for r in runs), sum(r.seconds for r in runs))


class _SiteDay:
    """Per site: candidate dates, the staff each date needs, and the free tutors each date has."""

    def __init__(self, problem: RoomsProblem, site: Site, children_here: list):
        reaching = [t for t in problem.tutors if site.id in t.site_ids]
        self.site = site
        self.candidates = candidate_dates(problem, site)
        self.required = {d: required_staff(site, expected_children(site, children_here, d)) for d in self.candidates}
        self.expected = {d: expected_children(site, children_here, d) for d in self.candidates}
        weekdays = [(t, staffable_weekdays(t, site)) for t in reaching]
        self.free = {d: sum(1 for t, days in weekdays if d.weekday() in days and free_on(t, site, d))
                     for d in self.candidates}


def _pinned_dates(problem: RoomsProblem) -> dict[str, set[date]]:
    pinned = defaultdict(set)
    for pin in problem.pins.sessions:
        pinned[pin.site_id].add(pin.date)
    for pin in problem.pins.staff:
        pinned[pin.site_id].add(pin.date)
    return pinned


def _choose_all_dates(problem, days, pinned, sticky, excluded, sites, budget, seed, should_stop, on_progress, started):
    """Each site's dates; a site finishing early leaves its wall time to the sites after it."""
    chosen, runs = {}, []
    begun = cpu_now()
    for n, site in enumerate(sites):
        limit = max(0.05, (budget - (cpu_now() - begun)) / (len(sites) - n))
        info = days[site.id]
        usable = tuple(d for d in info.candidates if d not in excluded[site.id] or d in pinned[site.id])
        options = DateOptions(site, usable, frozenset(pinned[site.id]), frozenset(sticky.get(site.id, ())),
                              {d: info.free[d] - info.required[d] for d in usable})
        chosen[site.id], run = choose_dates(problem, options, limit, seed, should_stop)
        runs.append(run.stats)
        if on_progress is not None:
            held = sum(len(v) for v in chosen.values())
            on_progress(Progress("dates", held, 0, sum(r.objective for r in runs), sum(r.bound for r in runs),
                                 cpu_now() - started))
    return chosen, runs


def _slots(problem, days, chosen, pinned) -> list[SessionSlot]:
    slots = []
    for site in problem.sites:
        for d in chosen.get(site.id, ()):
            window = window_on(site, d)
            slots.append(SessionSlot(site.id, d, window.start, window.end, days[site.id].required[d], d in pinned[site.id]))
    return slots


def _staff_with_previous(problem, slots, limit, seed, workers, hints, on_progress, should_stop):
    """Staff the sessions; when re-solving, first try changing only the sessions the change touched."""
    if problem.previous is not None:
        started = cpu_now()
        repaired = repair_staffing(problem, slots, 0.5 * limit, should_stop, on_progress)
        if repaired is not None:
            return repaired
        limit = max(0.1, limit - (cpu_now() - started))
    return staff_sessions(problem, slots, limit, seed, workers, hints, on_progress, should_stop)


def solve_rooms(problem: RoomsProblem, time_limit_s: float = 10.0, seed: int = 0,
                on_progress: Callable[[Progress], None] | None = None,
                should_stop: Callable[[], bool] | None = None, workers: int = DEFAULT_WORKERS) -> RoomsSolution:
    """Plan the study rooms: dates per site, staff per session, a home site per child; deterministic per seed."""
    validate_problem(problem)
    started = cpu_now()
    on_progress = _since(started, on_progress)
    site_of, child_run = assign_children(problem, min(3.0, max(0.5, 0.05 * time_limit_s)), seed, should_stop)
    children_here = defaultdict(list)
    for child in problem.children:
        if site_of[child.id] is not None:
            children_here[site_of[child.id]].append(child)
    days = {s.id: _SiteDay(problem, s, children_here[s.id]) for s in problem.sites}
    pinned = _pinned_dates(problem)
    # Dates with fewer free tutors than the session needs can never be held: leave them out (and explain them).
    unstaffed = {s.id: [d for d in days[s.id].candidates if days[s.id].free[d] < days[s.id].required[d]
                        and d not in pinned[s.id]] for s in problem.sites}
    excluded = {k: set(v) for k, v in unstaffed.items()}
    previous_dates = defaultdict(set)
    for p in (problem.previous.sessions if problem.previous else ()):
        previous_dates[p.site_id].add(p.date)
    dates_budget = 0.25 * time_limit_s
    chosen, date_runs = _choose_all_dates(problem, days, pinned, previous_dates, excluded, problem.sites, dates_budget, seed,
                                          should_stop, on_progress, started)
    date_stats = {s.id: r for s, r in zip(problem.sites, date_runs)}
    # The first round's bounds hold over every date with enough tutors able to come; the repair round's
    # exclude the dates it dropped, so only the first round's are reported.
    first_bounds = {s.id: r.bound for s, r in zip(problem.sites, date_runs)}
    first_stats = dict(date_stats)  # priced with the problem's own previous dates (the repair round's are not)
    slots = _slots(problem, days, chosen, pinned)
    hints = {(p.site_id, p.date): p.staff for p in (problem.previous.sessions if problem.previous else ())}
    remaining = time_limit_s - (cpu_now() - started)
    # A twentieth of the limit stays for the sessions added last (level 1, cheap): on a busy machine the
    # staffing used it all and sites stayed short of sessions that free tutors could have held.
    reserve = ADD_SESSIONS_SHARE * time_limit_s
    staff, staff_run = _staff_with_previous(problem, slots, max(0.1, 0.75 * remaining - reserve), seed, workers,
                                            hints, on_progress, should_stop)
    dropped = [s for s, st in zip(slots, staff) if st is None]
    remaining = time_limit_s - (cpu_now() - started)
    if dropped and staff_run.has_solution and remaining > 0.4 * time_limit_s and not (should_stop and should_stop()):
        # Repair once: give sites whose sessions could not be staffed a second choice of dates.
        for s in dropped:
            excluded[s.site_id].add(s.date)
            unstaffed[s.site_id].append(s.date)
        touched = [site for site in problem.sites if any(s.site_id == site.id for s in dropped)]
        kept = defaultdict(set)
        for s, st in zip(slots, staff):
            if st is not None:
                kept[s.site_id].add(s.date)
        redo, redo_runs = _choose_all_dates(problem, days, pinned, kept, excluded, touched,
                                            dates_budget * len(touched) / len(problem.sites), seed,
                                            should_stop, on_progress, started)
        redo_chosen = {**chosen, **redo}
        hints.update({(s.site_id, s.date): st for s, st in zip(slots, staff) if st is not None})
        redo_slots = _slots(problem, days, redo_chosen, pinned)
        remaining = time_limit_s - (cpu_now() - started)
        redo_staff, redo_run = staff_sessions(problem, redo_slots, max(0.1, 0.5 * remaining), seed, workers, hints,
                                              on_progress, should_stop)
        # Keep the first round when the repair found nothing better (e.g. it ran out of time).
        if redo_run.has_solution and redo_run.stats.objective <= staff_run.stats.objective:
            date_stats.update({s.id: r for s, r in zip(touched, redo_runs)})
            for site in touched:
                first_stats.pop(site.id, None)
            slots, staff, staff_run = redo_slots, redo_staff, redo_run
    if staff_run.stats.status == "infeasible":
        return _assemble(problem, seed, started, site_of, days, slots, staff, unstaffed,
                         [child_run.stats, _combine("dates", list(date_stats.values())), staff_run.stats],
                         staff_run.conflict)
    remaining = time_limit_s - (cpu_now() - started)
    searched_slots = slots
    slots, staff = add_sessions(problem, days, slots, staff, fair_shares(problem, slots),
                                 max(reserve, 0.5 * remaining))
    date_phase, staff_phase = _priced(problem, days, pinned, previous_dates, first_bounds,
                                      {k: v for k, v in first_stats.items() if _same_site_dates(k, searched_slots, slots)},
                                      slots, staff, seed,
                                      staff_run.stats, max(0.1, time_limit_s - (cpu_now() - started)))
    return _assemble(problem, seed, started, site_of, days, slots, staff, unstaffed,
                     [child_run.stats, date_phase, staff_phase])


def _same_site_dates(site_id: str, before, after) -> bool:
    return [s.date for s in before if s.site_id == site_id] == [s.date for s in after if s.site_id == site_id]


def _priced(problem, days, pinned, previous_dates, first_bounds, date_stats, slots, staff, seed, searched, budget):
    """The dates and staffing phases priced on the plan as it ends, each with a bound no plan of that phase beats.

    A session dropped for want of staff counts once, as a date below the target. The dates bound is the
    first round's (over every date with enough tutors able to come); the staffing bound is the search's
    when its sessions are the held ones, else the Lagrangian bound of the held sessions.
    """
    begun = cpu_now()
    chosen_dates = defaultdict(list)
    for s in slots:
        chosen_dates[s.site_id].append(s.date)
    held = [(s, st) for s, st in zip(slots, staff) if st is not None]
    runs = []
    for site in problem.sites:
        info = days[site.id]
        mine = sorted(s.date for s, _st in held if s.site_id == site.id)
        usable = sorted(set(d for d in info.candidates if info.free[d] >= info.required[d]) | set(mine) | pinned[site.id])
        options = DateOptions(site, tuple(usable), frozenset(pinned[site.id]), frozenset(previous_dates.get(site.id, ())),
                              {d: info.free[d] - info.required[d] for d in usable})
        phase = date_stats.get(site.id)
        # A site whose calendar the staffing kept whole keeps its phase's price; only changed calendars are re-priced.
        same_dates = phase is not None and mine == sorted(chosen_dates.get(site.id, ()))
        objective = phase.objective if same_dates else score_dates(problem, options, mine, seed)
        bound = min(objective, first_bounds.get(site.id, 0.0))
        runs.append(PhaseStats(f"dates:{site.id}", "optimal" if bound >= objective else "feasible", objective, bound, 0.0))
    held_slots, held_staff = [s for s, _st in held], [st for _s, st in held]
    fair = fair_shares(problem, held_slots)
    objective = StaffState(problem, held_slots, held_staff, fair).cost()
    same = len(held_slots) == len(slots) and searched.status != "unknown"
    bound = searched.bound if same else 0.0
    if not same and held_slots:
        bound = max(bound, math.ceil(staffing_bound(problem, held_slots, held_staff, fair, budget) - BOUND_TOLERANCE))
    bound = float(min(max(0.0, bound), objective))
    staff_phase = PhaseStats("staff", "optimal" if bound >= objective else "feasible", float(objective), bound,
                             searched.seconds + cpu_now() - begun)
    return _combine("dates", runs), staff_phase


def _assemble(problem, seed, started, site_of, days, slots, staff, unstaffed, phases, conflict=()) -> RoomsSolution:
    sites = {s.id: s for s in problem.sites}
    sessions = [Session(s.site_id, s.date, s.start, s.end, st, s.required, days[s.site_id].expected[s.date])
                for s, st in zip(slots, staff) if st is not None]
    order = {s.id: n for n, s in enumerate(problem.sites)}
    sessions.sort(key=lambda s: (order[s.site_id], s.date))  # sessions added late sit among their site's others
    for s, st in zip(slots, staff):
        if st is None:
            unstaffed[s.site_id].append(s.date)
    assignments = [ChildAssignment(c.id, site_of[c.id],
                                   travel_minutes(c.home, sites[site_of[c.id]].location) if site_of[c.id] else None)
                   for c in problem.children]
    load, where = defaultdict(int), defaultdict(set)
    for s in sessions:
        for t in s.staff:
            load[t] += 1
            where[t].add(s.site_id)
    loads = [TutorLoad(t.id, load[t.id], tuple(sorted(where[t.id]))) for t in problem.tutors]
    held, used = defaultdict(list), defaultdict(int)
    for s in sessions:
        held[s.site_id].append(s.date)
        for t in s.staff:
            used[t, month_key(s.date)] += 1
            used[t, s.date] += 1
    shortfalls = []
    for site in problem.sites:
        if phases[-1].status == "infeasible":
            if site.target_sessions:
                shortfalls.append(pins_shortfall(problem, site, conflict))
            continue
        info = days[site.id]
        shortfalls.extend(site_shortfalls(problem, site, info.candidates, held[site.id], sorted(set(unstaffed[site.id])),
                                          info.free, info.required, used))
    shortfalls.extend(child_shortfall(problem, c) for c in problem.children if site_of[c.id] is None)
    overall = _combine("all", phases)
    return RoomsSolution(
        status=overall.status, objective=overall.objective, bound=overall.bound,
        seconds=cpu_now() - started, seed=seed, sessions=tuple(sessions), assignments=tuple(assignments),
        tutor_loads=tuple(loads), shortfalls=tuple(shortfalls),
        changes=summarize_changes(problem.previous, sessions, assignments), phases=tuple(phases))
