"""Re-solving after a change: keep every still-valid session's staff and refill only the sessions the change touched."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.rooms.budget import cpu_now
from solver.rooms.eligibility import tutor_can_staff
from solver.rooms.greedy import greedy_staff, keeps_caps_and_hours
from solver.rooms.local_search import improve_staffing
from solver.rooms.model import PhaseRun
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import PhaseStats, Progress
from solver.rooms.staff_cost import fair_shares


def still_valid(problem: RoomsProblem, slots) -> dict:
    """Previous sessions, still chosen, whose staff can all still work them and match the need."""
    sites = {s.id: s for s in problem.sites}
    tutors = {t.id: t for t in problem.tutors}
    wanted = {(s.site_id, s.date): s.required for s in slots}
    keep = {}
    for p in problem.previous.sessions if problem.previous else ():
        need = wanted.get((p.site_id, p.date))
        if need is not None and len(set(p.staff)) == need and all(
                t in tutors and tutor_can_staff(tutors[t], sites[p.site_id], p.date) for t in p.staff):
            keep[p.site_id, p.date] = frozenset(p.staff)
    return keep


def repair_staffing(problem: RoomsProblem, slots, budget_s: float,
                    should_stop: Callable[[], bool] | None = None,
                    on_progress: Callable[[Progress], None] | None = None) -> tuple[list, PhaseRun] | None:
    """Keep still-valid staff, fill the rest greedily, then improve; None when that cannot staff every session.

    The local search never undoes a kept assignment: one change costs more than any swap can gain.
    """
    started = cpu_now()
    keep = still_valid(problem, slots)
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    fixed = {index[key]: tuple(sorted(staff)) for key, staff in keep.items()}
    for pin in problem.pins.staff:
        k = index[pin.site_id, pin.date]
        fixed[k] = tuple(sorted(set(fixed.get(k, ())) | {pin.tutor_id}))
    rows = [(s.site_id, s.date, s.start, s.end, max(s.required, len(fixed.get(k, ())))) for k, s in enumerate(slots)]
    staff = greedy_staff(problem, rows, fixed)
    if any(len(st) < rows[k][4] for k, st in enumerate(staff)) or not keeps_caps_and_hours(problem, rows, staff):
        return None
    staff, objective = improve_staffing(problem, slots, staff, fair_shares(problem, slots), budget_s, should_stop,
                                        on_progress, started)
    stats = PhaseStats("staff", "feasible", float(objective), 0.0, cpu_now() - started)
    return staff, PhaseRun(cp_model.CpSolver(), stats)
