"""The pinned sessions alone: a staffing that keeps every pin, or the smallest set of pins that conflict.

Sessions that are not pinned can always be dropped, so every pin can hold in a full plan exactly
when the pinned sessions alone can be staffed: their own staff count, caps, hours and staff pins.
That model is small (a few sessions), so CP-SAT settles it at once. Each pin is an assumption
literal; when the model is infeasible, CP-SAT's infeasible core is shrunk by deletion (drop a pin,
re-solve; keep it dropped while the rest stays infeasible) to a set in which every pin is needed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import sessions_overlap, slot_tutors
from solver.rooms.problem import RoomsProblem, SessionPin, StaffPin

PINS_TIME_LIMIT_S = 2.0


@dataclass(frozen=True)
class PinnedStaffing:
    """Staff of each pinned slot (slot index -> tutors), or, when the pins conflict, the smallest conflicting set."""

    staff: dict[int, tuple[str, ...]]
    conflict: tuple[SessionPin | StaffPin, ...] = ()


class _PinModel:
    """CP-SAT model of the pinned slots, one assumption literal per pin."""

    def __init__(self, problem: RoomsProblem, slots, ks: list[int]):
        self.model = cp_model.CpModel()
        m = self.model
        index = {(slots[k].site_id, slots[k].date): k for k in ks}
        eligible = dict(zip(ks, slot_tutors(problem, [slots[k] for k in ks])))
        self.x = {(k, t): m.new_bool_var(f"staff_{t}_{slots[k].site_id}_{slots[k].date.isoformat()}")
                  for k in ks for t in eligible[k]}
        self.held = {k: m.new_bool_var(f"held_{slots[k].site_id}_{slots[k].date.isoformat()}") for k in ks}
        pins_here = defaultdict(int)
        for p in problem.pins.staff:
            pins_here[index[p.site_id, p.date]] += 1
        for k in ks:
            vs = [v for (j, _t), v in self.x.items() if j == k]
            m.add(sum(vs) == max(slots[k].required, pins_here[k]) * self.held[k])
        self.literals = []
        for p in problem.pins.sessions:
            self._assume(p, [self.held[index[p.site_id, p.date]]])
        for p in problem.pins.staff:
            k = index[p.site_id, p.date]
            self._assume(p, [self.x[k, p.tutor_id]] if (k, p.tutor_id) in self.x else [])
        caps = {t.id: t.max_sessions_per_month for t in problem.tutors}
        per_month, per_day = defaultdict(list), defaultdict(list)
        for (k, t), v in self.x.items():
            per_month[t, month_key(slots[k].date)].append(v)
            per_day[t, slots[k].date].append((k, v))
        for (t, _month), vs in per_month.items():
            if len(vs) > caps[t]:
                m.add(sum(vs) <= caps[t])
        for items in per_day.values():
            for i, (k1, v1) in enumerate(items):
                for k2, v2 in items[i + 1:]:
                    a, b = slots[k1], slots[k2]
                    if sessions_overlap(a.date, a.start, a.end, b.date, b.start, b.end):
                        m.add_bool_or([~v1, ~v2])

    def _assume(self, pin, targets) -> None:
        lit = self.model.new_bool_var(f"pin_{len(self.literals)}")
        for v in targets:
            self.model.add_implication(lit, v)
        if not targets:
            self.model.add(lit == 0)  # the pinned tutor cannot staff the session at all
        self.literals.append((pin, lit))

    def solve(self, active: list[int], seed: int) -> tuple[int, cp_model.CpSolver]:
        """Solve with the pins of these positions assumed."""
        self.model.clear_assumptions()
        self.model.add_assumptions([self.literals[i][1] for i in active])
        solver = cp_model.CpSolver()
        solver.parameters.random_seed = seed
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = PINS_TIME_LIMIT_S
        return solver.solve(self.model), solver


def staff_pinned(problem: RoomsProblem, slots, seed: int = 0) -> PinnedStaffing | None:
    """Staff the pinned slots keeping every pin; the conflicting pins if none can; None if undecided in time."""
    ks = [k for k, s in enumerate(slots) if s.pinned]
    if not ks:
        return PinnedStaffing({})
    pm = _PinModel(problem, slots, ks)
    everything = list(range(len(pm.literals)))
    status, solver = pm.solve(everything, seed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return PinnedStaffing({k: tuple(sorted(t for (j, t), v in pm.x.items() if j == k and solver.boolean_value(v)))
                               for k in ks if solver.boolean_value(pm.held[k])})
    if status != cp_model.INFEASIBLE:
        return None
    positions = {lit.index: i for i, (_p, lit) in enumerate(pm.literals)}
    core = sorted(positions[i] for i in solver.sufficient_assumptions_for_infeasibility()) or everything
    for i in list(core):
        trial = [j for j in core if j != i]
        if pm.solve(trial, seed)[0] == cp_model.INFEASIBLE:
            core = trial
    return PinnedStaffing({}, tuple(pm.literals[i][0] for i in core))
