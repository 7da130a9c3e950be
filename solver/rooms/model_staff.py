"""Phase 3: the tutors of every chosen session — enough staff, availability, monthly caps, one place at a time."""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import sessions_overlap, tutor_can_staff
from solver.rooms.greedy import greedy_staff
from solver.rooms.lns import improve
from solver.rooms.model import PhaseRun, solve_phase
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import PhaseStats, Progress
from solver.rooms.weights import (
    W_LOAD_OVER, W_SESSION_SHORT, W_STAFF_CHANGE, W_TUTOR_NOT_PREFERRED, W_TUTOR_SITE_PAIR,
)


@dataclass(frozen=True)
class SessionSlot:
    """A chosen session waiting for staff: its site, date, hours, the staff it needs and whether it is pinned."""

    site_id: str
    date: date
    start: int
    end: int
    required: int
    pinned: bool


def _staff_count(model, by_slot, held, slots, staff_pins) -> None:
    """Hard: a held session has exactly its required staff (or more when pins ask for more); a dropped one none."""
    for k, slot in enumerate(slots):
        need = max(slot.required, len(staff_pins.get(k, ())))
        vs = [v for _t, v in by_slot[k]]
        if len(vs) < need:
            model.add(held[k] == 0)
            continue
        model.add(sum(vs) == need * held[k])


def _pins(model, x, held, slots, staff_pins) -> None:
    """Hard: pinned sessions are held and pinned staff work them."""
    for k, slot in enumerate(slots):
        if slot.pinned:
            model.add(held[k] == 1)
        for tutor_id in staff_pins.get(k, ()):
            model.add(x[tutor_id, k] == 1)


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


def _drop_cost(held, slots) -> list:
    """Level 1: each chosen session left unstaffed (and so not held)."""
    return [W_SESSION_SHORT * (1 - held[k]) for k in range(len(slots))]


def _change_cost(by_slot, slots, previous_staff) -> list:
    """Level 2: staff removed from or added to a session of the previous plan."""
    terms = []
    for k, slot in enumerate(slots):
        before = previous_staff.get((slot.site_id, slot.date))
        if before is None:
            continue
        for t, v in by_slot[k]:
            terms.append(W_STAFF_CHANGE * ((1 - v) if t in before else v))
    return terms


def _stability_cost(model, by_tutor, slots, held, problem: RoomsProblem, aux: dict) -> list:
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
            aux["pairs"][tutor_id, site_id] = pair
            months = defaultdict(int)
            for k, _v in kvs:
                months[month_key(slots[k].date)] += 1
            cover[site_id].append((sum(min(n, caps[tutor_id]) for n in months.values()), pair))
            terms.append(W_TUTOR_SITE_PAIR * pair)
    for site_id, pairs in cover.items():
        slots_here = [(s.required, held[k]) for k, s in enumerate(slots) if s.site_id == site_id]
        model.add(sum(c * p for c, p in pairs) >= sum(r * h for r, h in slots_here))
    return terms


def _yearly_capacity(items, slots, cap: int) -> int:
    """How many of these sessions a tutor could work in the year, month by month under the cap."""
    months = defaultdict(int)
    for k, _v in items:
        months[month_key(slots[k].date)] += 1
    return sum(min(n, cap) for n in months.values())


def _fairness_cost(model, by_tutor, slots, problem: RoomsProblem, aux: dict) -> list:
    """Level 5: sessions above each tutor's fair share, the share being proportional to what they can give.

    A paid 学習支援員 with a cap of 12 a month is expected to work more than a student with 4.
    """
    caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
    capacity = {t: _yearly_capacity(items, slots, caps[t]) for t, items in by_tutor.items()}
    ratio = sum(s.required for s in slots) / max(1, sum(capacity.values()))
    terms = []
    for tutor_id, items in by_tutor.items():
        fair = math.ceil(ratio * capacity[tutor_id])
        if len(items) > fair:
            over = model.new_int_var(0, len(items) - fair, f"over_{tutor_id}")
            model.add(over >= sum(v for _k, v in items) - fair)
            terms.append(W_LOAD_OVER * over)
            aux["overs"][tutor_id] = (over, fair)
    return terms


def _preference_cost(x, slots, problem: RoomsProblem) -> list:
    """Level 6: sessions at a site the tutor did not prefer (only for tutors with preferences)."""
    preferred = {t.id: set(t.preferred_site_ids) for t in problem.tutors}
    return [W_TUTOR_NOT_PREFERRED * v for (t, k), v in x.items() if preferred[t] and slots[k].site_id not in preferred[t]]


def _hint(model, x, held, aux, slots, problem, index, hints, staff_pins) -> None:
    """Start from a complete plan: the previous staff where still valid, the rest filled greedily."""
    fixed = {}
    for key, staff in hints.items():
        k = index.get(key)
        if k is not None:
            fixed[k] = tuple(t for t in staff if (t, k) in x)
    for k, tutors in staff_pins.items():
        fixed[k] = tuple(sorted(set(fixed.get(k, ())) | set(tutors)))
    rows = [(s.site_id, s.date, s.start, s.end, max(s.required, len(staff_pins.get(k, ())))) for k, s in enumerate(slots)]
    staffed = greedy_staff(problem, rows, fixed)
    full = [len(staff) == rows[k][4] for k, staff in enumerate(staffed)]
    for k in range(len(slots)):
        model.add_hint(held[k], full[k])
    load, pairs = defaultdict(int), set()
    for (t, k), v in x.items():
        on = full[k] and t in staffed[k]
        model.add_hint(v, on)
        if on:
            load[t] += 1
            pairs.add((t, slots[k].site_id))
    for key, pair in aux["pairs"].items():
        model.add_hint(pair, key in pairs)
    for t, (over, fair) in aux["overs"].items():
        model.add_hint(over, max(0, load[t] - fair))


def _keep(model, by_slot, held, slots, keep) -> None:
    """Re-solve: sessions whose previous staff is still valid keep exactly that staff."""
    for k, slot in enumerate(slots):
        staff = keep.get((slot.site_id, slot.date))
        if staff is None:
            continue
        model.add(held[k] == 1)
        for t, v in by_slot[k]:
            model.add(v == (t in staff))


def staff_sessions(problem: RoomsProblem, slots: list[SessionSlot], time_limit_s: float, seed: int, workers: int,
                   hints: dict[tuple[str, date], tuple[str, ...]] | None = None,
                   keep: dict[tuple[str, date], frozenset[str]] | None = None,
                   on_progress: Callable[[Progress], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> tuple[list[tuple[str, ...] | None], PhaseRun]:
    """Staff the chosen sessions; returns per slot its staff, or None when the session had to be dropped."""
    model = cp_model.CpModel()
    sites = {s.id: s for s in problem.sites}
    held = [model.new_bool_var(f"held_{s.site_id}_{s.date.isoformat()}") for s in slots]
    x = {}
    by_tutor = defaultdict(list)
    by_slot = defaultdict(list)
    slots_by_site = defaultdict(list)
    for k, slot in enumerate(slots):
        slots_by_site[slot.site_id].append((k, slot))
    for tutor in problem.tutors:
        for k, slot in sorted(kv for site_id in set(tutor.site_ids) for kv in slots_by_site[site_id]):
            if tutor_can_staff(tutor, sites[slot.site_id], slot.date):
                x[tutor.id, k] = model.new_bool_var(f"staff_{tutor.id}_{slot.site_id}_{slot.date.isoformat()}")
                by_tutor[tutor.id].append((k, x[tutor.id, k]))
                by_slot[k].append((tutor.id, x[tutor.id, k]))
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    staff_pins = defaultdict(list)
    for pin in problem.pins.staff:
        staff_pins[index[pin.site_id, pin.date]].append(pin.tutor_id)
    _staff_count(model, by_slot, held, slots, staff_pins)
    _pins(model, x, held, slots, staff_pins)
    _monthly_caps(model, by_tutor, slots, problem)
    _one_place_at_a_time(model, by_tutor, slots)
    _keep(model, by_slot, held, slots, keep or {})
    previous_staff = {}
    if problem.previous is not None:
        previous_staff = {(p.site_id, p.date): set(p.staff) for p in problem.previous.sessions}
    aux = {"pairs": {}, "overs": {}}
    model.minimize(sum(_drop_cost(held, slots)) + sum(_change_cost(by_slot, slots, previous_staff))
                   + sum(_stability_cost(model, by_tutor, slots, held, problem, aux)) + sum(_fairness_cost(model, by_tutor, slots, problem, aux))
                   + sum(_preference_cost(x, slots, problem)))
    _hint(model, x, held, aux, slots, problem, index, hints or {}, staff_pins)
    started = time.perf_counter()

    def report(cb: cp_model.CpSolverSolutionCallback) -> None:
        if on_progress is not None:
            count = sum(1 for h in held if cb.boolean_value(h))
            on_progress(Progress("staff", count, count, cb.objective_value, cb.best_objective_bound,
                                 time.perf_counter() - started))

    first_share = 0.4 if len(problem.sites) > 1 else 1.0
    run = solve_phase(model, "staff", first_share * time_limit_s, seed, workers, report, should_stop,
                      linearization_level=2)
    result: list[tuple[str, ...] | None] = [None] * len(slots)
    if not run.has_solution:
        return result, run
    values = list(run.solver.response_proto.solution)
    objective = run.stats.objective
    if run.stats.status != "optimal" and first_share < 1.0:
        values, objective = _improve(model, values, objective, slots, held, by_slot, time_limit_s - run.stats.seconds,
                                     seed, should_stop, on_progress, started)
    for k in range(len(slots)):
        if values[held[k].index]:
            result[k] = tuple(sorted(t for t, v in by_slot[k] if values[v.index]))
    status = "optimal" if objective <= run.stats.bound + 0.5 else run.stats.status
    stats = PhaseStats("staff", status, objective, run.stats.bound, time.perf_counter() - started)
    return result, PhaseRun(run.solver, stats)


def _improve(model, values, objective, slots, held, by_slot, budget, seed, should_stop, on_progress, started):
    """Large-neighbourhood search over sites: each step re-staffs one site and the site sharing most tutors with it."""
    by_site = defaultdict(set)
    tutors_at = defaultdict(set)
    for k, slot in enumerate(slots):
        by_site[slot.site_id].add(held[k].index)
        for t, v in by_slot[k]:
            by_site[slot.site_id].add(v.index)
            tutors_at[slot.site_id].add(t)
    fixable = sorted(i for group in by_site.values() for i in group)
    neighbourhoods = []
    for site_id in sorted(by_site):
        partner = max((o for o in sorted(by_site) if o != site_id),
                      key=lambda o: len(tutors_at[o] & tutors_at[site_id]), default=None)
        neighbourhoods.append(by_site[site_id])

    def report(vals, obj):
        if on_progress is not None:
            count = sum(1 for h in held if vals[h.index])
            on_progress(Progress("staff", count, count, obj, float("nan"), time.perf_counter() - started))

    values, objective, _steps = improve(model, values, objective, fixable, neighbourhoods, budget, seed, should_stop, report)
    return values, objective
