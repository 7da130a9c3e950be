"""Phase 3: the tutors of every chosen session — enough staff, availability, monthly caps, one place at a time.

CP-SAT starts from a complete greedy hint; local_search.py then improves what it returns.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from solver.rooms.budget import cpu_now
from solver.rooms.calendar import month_key
from solver.rooms.eligibility import sessions_overlap, slot_tutors, slots_by_tutor
from solver.rooms.greedy import greedy_staff, keeps_caps_and_hours
from solver.rooms.local_search import improve_staffing
from solver.rooms.model import PhaseRun, solve_phase
from solver.rooms.pair_search import search_pairs
from solver.rooms.pinned_staffing import staff_pinned
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import PhaseStats, Progress
from solver.rooms.staff_bound import staffing_bound
from solver.rooms.staff_cost import fair_shares
from solver.rooms.weights import (
    W_LOAD_OVER, W_SESSION_SHORT, W_STAFF_CHANGE, W_TUTOR_NOT_PREFERRED, W_TUTOR_SITE_PAIR,
)


PAIR_SEARCH_SHARE = 0.5  # of the staffing time left after the local search; the bound gets the rest
BOUND_TOLERANCE = 1e-6  # the bound is a float sum; the objective is an integer


@dataclass(frozen=True)
class SessionSlot:
    """A chosen session waiting for staff: its site, date, hours, the staff it needs and whether it is pinned."""

    site_id: str
    date: date
    start: int
    end: int
    required: int
    pinned: bool


@dataclass
class StaffModel:
    """A built staffing model and the handles to read it."""

    model: cp_model.CpModel
    held: list
    by_slot: dict
    pairs: dict
    overs: dict


def _staff_count(model, by_slot, held, slots, staff_pins) -> None:
    """Hard: a held session has exactly its required staff (or more when pins ask for more); a dropped one none."""
    for k, slot in enumerate(slots):
        need = max(slot.required, len(staff_pins.get(k, ())))
        vs = [v for _t, v in by_slot[k]]
        if len(vs) < need:
            model.add(held[k] == 0)
            continue
        model.add(sum(vs) == need * held[k])


def _pins(model, by_slot, held, slots, staff_pins) -> None:
    """Hard: pinned sessions are held and pinned staff work them."""
    for k, slot in enumerate(slots):
        if slot.pinned:
            model.add(held[k] == 1)
        for tutor_id in staff_pins.get(k, ()):
            model.add(dict(by_slot[k])[tutor_id] == 1)


def _monthly_caps(model, by_tutor, slots, problem: RoomsProblem) -> None:
    """Hard: a tutor works at most max_sessions_per_month sessions in a calendar month."""
    caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
    for tutor_id, items in by_tutor.items():
        per_month = defaultdict(list)
        for k, v in items:
            per_month[month_key(slots[k].date)].append(v)
        for month, vs in per_month.items():
            if len(vs) > caps[tutor_id]:
                model.add(sum(vs) <= caps[tutor_id])


def _one_place_at_a_time(model, by_tutor, slots) -> None:
    """Hard: a tutor never works two overlapping sessions."""
    for items in by_tutor.values():
        per_day = defaultdict(list)
        for k, v in items:
            per_day[slots[k].date].append((k, v))
        for pairs in per_day.values():
            for i, (k1, v1) in enumerate(pairs):
                for k2, v2 in pairs[i + 1:]:
                    a, b = slots[k1], slots[k2]
                    if sessions_overlap(a.date, a.start, a.end, b.date, b.start, b.end):
                        model.add_bool_or([~v1, ~v2])


def _drop_cost(held) -> list:
    """Level 1: each chosen session left unstaffed (and so not held)."""
    return [W_SESSION_SHORT * (1 - h) for h in held]


def _change_cost(by_slot, slots, previous_staff) -> list:
    """Level 2: staff removed from or added to a session of the previous plan."""
    terms = []
    for k, slot in enumerate(slots):
        before = previous_staff.get((slot.site_id, slot.date))
        if before is not None:
            terms.extend(W_STAFF_CHANGE * ((1 - v) if t in before else v) for t, v in by_slot[k])
    return terms


def _stability_cost(model, by_tutor, slots, held, problem: RoomsProblem, pairs: dict) -> list:
    """Level 4: each (tutor, site) pair used, so the same tutors come back week after week.

    A cover cut keeps the bound honest: a site's staff slots fit in the yearly capacity of the pairs it uses.
    """
    caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
    terms, cover = [], defaultdict(list)
    for tutor_id, items in by_tutor.items():
        per_site = defaultdict(list)
        for k, v in items:
            per_site[slots[k].site_id].append((k, v))
        for site_id, kvs in per_site.items():
            pair = model.new_bool_var(f"pair_{tutor_id}_{site_id}")
            model.add(sum(v for _k, v in kvs) <= len(kvs) * pair)
            pairs[tutor_id, site_id] = pair
            months = defaultdict(int)
            for k, _v in kvs:
                months[month_key(slots[k].date)] += 1
            cover[site_id].append((sum(min(n, caps[tutor_id]) for n in months.values()), pair))
            terms.append(W_TUTOR_SITE_PAIR * pair)
    for site_id, site_pairs in cover.items():
        slots_here = [(s.required, held[k]) for k, s in enumerate(slots) if s.site_id == site_id]
        model.add(sum(c * p for c, p in site_pairs) >= sum(r * h for r, h in slots_here))
    return terms


def _fairness_cost(model, by_tutor, fair: dict[str, int], overs: dict) -> list:
    """Level 5: sessions above each tutor's fair share (proportional to what they can give; see staff_cost)."""
    terms = []
    for tutor_id, items in by_tutor.items():
        if len(items) > fair[tutor_id]:
            over = model.new_int_var(0, len(items), f"over_{tutor_id}")
            model.add(over >= sum(v for _k, v in items) - fair[tutor_id])
            overs[tutor_id] = over
            terms.append(W_LOAD_OVER * over)
    return terms


def _preference_cost(by_slot, slots, problem: RoomsProblem) -> list:
    """Level 6: sessions at a site the tutor did not prefer (only for tutors with preferences)."""
    preferred = {t.id: set(t.preferred_site_ids) for t in problem.tutors}
    return [W_TUTOR_NOT_PREFERRED * v for k, items in by_slot.items() for t, v in items
            if preferred[t] and slots[k].site_id not in preferred[t]]


def build_staff_model(problem: RoomsProblem, slots: list[SessionSlot], fair: dict[str, int]) -> StaffModel:
    """Build the staffing model of these slots."""
    model = cp_model.CpModel()
    held = [model.new_bool_var(f"held_{s.site_id}_{s.date.isoformat()}") for s in slots]
    by_tutor, by_slot = defaultdict(list), defaultdict(list)
    may = slots_by_tutor(slot_tutors(problem, slots))
    for tutor in problem.tutors:
        for k in may[tutor.id]:
            slot = slots[k]
            v = model.new_bool_var(f"staff_{tutor.id}_{slot.site_id}_{slot.date.isoformat()}")
            by_tutor[tutor.id].append((k, v))
            by_slot[k].append((tutor.id, v))
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    staff_pins = defaultdict(list)
    for pin in problem.pins.staff:
        if (pin.site_id, pin.date) in index:
            staff_pins[index[pin.site_id, pin.date]].append(pin.tutor_id)
    _staff_count(model, by_slot, held, slots, staff_pins)
    _pins(model, by_slot, held, slots, staff_pins)
    _monthly_caps(model, by_tutor, slots, problem)
    _one_place_at_a_time(model, by_tutor, slots)
    previous_staff = {}
    if problem.previous is not None:
        previous_staff = {(p.site_id, p.date): set(p.staff) for p in problem.previous.sessions}
    pairs, overs = {}, {}
    model.minimize(sum(_drop_cost(held)) + sum(_change_cost(by_slot, slots, previous_staff))
                   + sum(_stability_cost(model, by_tutor, slots, held, problem, pairs))
                   + sum(_fairness_cost(model, by_tutor, fair, overs))
                   + sum(_preference_cost(by_slot, slots, problem)))
    return StaffModel(model, held, by_slot, pairs, overs)


def hint_staff(built: StaffModel, slots: list[SessionSlot], staff: list[tuple[str, ...] | None],
               fair: dict[str, int]) -> None:
    """Give the model a complete hint: this staffing, with the pairs and loads it implies."""
    load, pairs = defaultdict(int), set()
    for k, h in enumerate(built.held):
        on_slot = staff[k] is not None
        built.model.add_hint(h, on_slot)
        for t, v in built.by_slot[k]:
            on = on_slot and t in staff[k]
            built.model.add_hint(v, on)
            if on:
                load[t] += 1
                pairs.add((t, slots[k].site_id))
    for key, pair in built.pairs.items():
        built.model.add_hint(pair, key in pairs)
    for t, over in built.overs.items():
        built.model.add_hint(over, max(0, load[t] - fair[t]))


def read_staff(built: StaffModel, values: Callable) -> list[tuple[str, ...] | None]:
    """The staff of each slot from a solved model (None for a dropped slot)."""
    return [tuple(sorted(t for t, v in built.by_slot[k] if values(v))) if values(h) else None
            for k, h in enumerate(built.held)]


def _pins_kept(problem: RoomsProblem, slots, staff) -> bool:
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    return all(staff[index[p.site_id, p.date]] is not None and p.tutor_id in staff[index[p.site_id, p.date]]
               for p in problem.pins.staff) and all(st is not None for s, st in zip(slots, staff) if s.pinned)


def _greedy_start(problem, slots, hints, built, pinned: dict[int, tuple[str, ...]]) -> list[tuple[str, ...] | None]:
    """Pinned slots as staffed by the pins' own model, previous staff where still valid, the rest greedily.

    A slot the greedy cannot fill books nobody, so the tutors stay free for the slots after it.
    """
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    fixed = {}
    for key, staff in (hints or {}).items():
        k = index.get(key)
        if k is not None and k not in pinned:
            fixed[k] = tuple(t for t in staff if t in dict(built.by_slot[k]))
    fixed.update(pinned)
    rows = [(s.site_id, s.date, s.start, s.end, max(s.required, len(fixed.get(k, ())))) for k, s in enumerate(slots)]
    staffed = greedy_staff(problem, rows, fixed, all_or_nothing=True)
    return [st if len(st) == rows[k][4] else None for k, st in enumerate(staffed)]


def staff_sessions(problem: RoomsProblem, slots: list[SessionSlot], time_limit_s: float, seed: int, workers: int,
                   hints: dict[tuple[str, date], tuple[str, ...]] | None = None,
                   on_progress: Callable[[Progress], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> tuple[list[tuple[str, ...] | None], PhaseRun]:
    """Staff the chosen sessions; returns per slot its staff, or None when the session had to be dropped."""
    started = cpu_now()
    fair = fair_shares(problem, slots)
    pinned = staff_pinned(problem, slots, seed)
    if pinned is not None and pinned.conflict:
        stats = PhaseStats("staff", "infeasible", 0.0, 0.0, cpu_now() - started)
        return [None] * len(slots), PhaseRun(cp_model.CpSolver(), stats, pinned.conflict)
    built = build_staff_model(problem, slots, fair)
    start = _greedy_start(problem, slots, hints, built, pinned.staff if pinned is not None else {})
    hint_staff(built, slots, start, fair)

    def report(cb: cp_model.CpSolverSolutionCallback) -> None:
        """Forward an improving staffing as Progress."""
        if on_progress is not None:
            count = sum(1 for h in built.held if cb.boolean_value(h))
            on_progress(Progress("staff", count, count, cb.objective_value, cb.best_objective_bound,
                                 cpu_now() - started))

    first_share = 0.5
    run = solve_phase(built.model, "staff", first_share * time_limit_s, seed, workers, report, should_stop,
                      linearization_level=2)
    rows = [(s.site_id, s.date, s.start, s.end, s.required) for s in slots]
    if run.stats.status == "infeasible" or (not run.has_solution and not (
            _pins_kept(problem, slots, start) and keeps_caps_and_hours(problem, rows, start))):
        return [None] * len(slots), run  # no valid plan to fall back on: report the status, invent nothing
    if run.has_solution:
        staff = read_staff(built, run.solver.boolean_value)
    else:
        # No solution within the limit (a large model still in presolve): the greedy start is a valid plan.
        staff = start
    if run.stats.status == "optimal":
        return staff, run
    budget = max(0.1, time_limit_s - (cpu_now() - started))
    staff, objective = improve_staffing(problem, slots, staff, fair, budget, should_stop, on_progress, started)
    # Pairs next (what swaps cannot change), then the bound from the priced-out model; each gets a share of
    # what is left, and each has a fixed amount of work that normally ends it first (see docs: determinism).
    # With sessions dropped the time goes to the dates' second round instead (solve.py), which gains far more.
    bound = run.stats.bound
    if all(st is not None for st in staff):
        budget = max(0.1, time_limit_s - (cpu_now() - started))
        staff, objective = search_pairs(problem, slots, staff, fair, PAIR_SEARCH_SHARE * budget, should_stop)
        budget = max(0.1, time_limit_s - (cpu_now() - started))
        bound = max(bound, math.ceil(staffing_bound(problem, slots, staff, fair, budget) - BOUND_TOLERANCE))
    status = "optimal" if objective <= bound + 0.5 else "feasible"
    if on_progress is not None:
        held = sum(1 for st in staff if st is not None)
        on_progress(Progress("staff", held, held, objective, bound, cpu_now() - started))
    stats = PhaseStats("staff", status, float(objective), float(bound), cpu_now() - started)
    return staff, PhaseRun(run.solver, stats)
