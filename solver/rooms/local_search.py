"""Deterministic local search over the staffing: swap one tutor of a session for another, or retire a tutor from a site.

CP-SAT finds a full staffing quickly but improves it slowly (tutor-site pairs make a weak relaxation),
so the solver then applies moves whose cost change is exact and cheap to compute: the same
objective as the model (pairs, load above fair share, preferences, changes from the previous plan).
Moves are tried in a fixed order, so the same input gives the same plan; the budget only stops it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from solver.rooms.augment import free_places
from solver.rooms.budget import cpu_now
from solver.rooms.calendar import month_key
from solver.rooms.eligibility import free_on, sessions_overlap, staffable_weekdays
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import Progress
from solver.rooms.weights import W_LOAD_OVER, W_SESSION_SHORT, W_STAFF_CHANGE, W_TUTOR_NOT_PREFERRED, W_TUTOR_SITE_PAIR


class StaffState:
    """A staffing with the counters that make a move's cost change O(1)."""

    def __init__(self, problem: RoomsProblem, slots, staff, fair: dict[str, int]):
        self.slots, self.fair = slots, fair
        self.staff = [list(st) if st is not None else None for st in staff]
        self.tutors = {t.id: t for t in problem.tutors}
        self.pair = defaultdict(int)
        self.load = defaultdict(int)
        self.month = defaultdict(int)
        self.busy = defaultdict(list)
        self.weekdays: dict[tuple[str, str], frozenset[int]] = {}
        self.previous = {}
        if problem.previous is not None:
            self.previous = {(p.site_id, p.date): set(p.staff) for p in problem.previous.sessions}
        for k, st in enumerate(self.staff):
            for t in st or ():
                self._add(k, t, +1)

    def _add(self, k: int, t: str, sign: int) -> None:
        s = self.slots[k]
        self.pair[t, s.site_id] += sign
        self.load[t] += sign
        self.month[t, month_key(s.date)] += sign
        if sign > 0:
            self.busy[t, s.date].append((k, s.start, s.end))
        else:
            self.busy[t, s.date] = [b for b in self.busy[t, s.date] if b[0] != k]

    def unit_cost(self, k: int, t: str) -> int:
        """Cost that does not depend on counters: preference and change from the previous plan."""
        s = self.slots[k]
        preferred = self.tutors[t].preferred_site_ids
        cost = W_TUTOR_NOT_PREFERRED if preferred and s.site_id not in preferred else 0
        before = self.previous.get((s.site_id, s.date))
        if before is not None:
            cost += 0 if t in before else W_STAFF_CHANGE
            cost -= W_STAFF_CHANGE if t in before else 0
        return cost

    def can_take(self, k: int, t: str, site) -> bool:
        """Whether tutor t may be added to slot k."""
        s = self.slots[k]
        tutor = self.tutors[t]
        if (t, site.id) not in self.weekdays:
            self.weekdays[t, site.id] = staffable_weekdays(tutor, site)
        return (t not in self.staff[k] and s.date.weekday() in self.weekdays[t, site.id]
                and free_on(tutor, site, s.date)
                and self.month[t, month_key(s.date)] < tutor.max_sessions_per_month
                and not any(sessions_overlap(s.date, s.start, s.end, s.date, a, b) for _k, a, b in self.busy[t, s.date]))

    def delta_remove(self, k: int, t: str) -> int:
        """Cost change of taking t off slot k."""
        site_id = self.slots[k].site_id
        d = -self.unit_cost(k, t)
        d -= W_TUTOR_SITE_PAIR if self.pair[t, site_id] == 1 else 0
        d -= W_LOAD_OVER if self.load[t] > self.fair[t] else 0
        return d

    def delta_add(self, k: int, t: str) -> int:
        """Cost change of putting t on slot k."""
        site_id = self.slots[k].site_id
        d = self.unit_cost(k, t)
        d += W_TUTOR_SITE_PAIR if self.pair[t, site_id] == 0 else 0
        d += W_LOAD_OVER if self.load[t] >= self.fair[t] else 0
        return d

    def flow_terms(self) -> int:
        """The terms a min-cost flow over fixed pairs also sums: load above fair share and per-session costs."""
        total = W_LOAD_OVER * sum(max(0, n - self.fair[t]) for t, n in self.load.items())
        return total + sum(self.unit_cost(k, t) for k, st in enumerate(self.staff) for t in st or ())

    def cost(self) -> int:
        """The whole staffing objective, as the model sums it."""
        total = W_SESSION_SHORT * sum(1 for st in self.staff if st is None)
        total += W_TUTOR_SITE_PAIR * sum(1 for n in self.pair.values() if n > 0)
        total += self.flow_terms()
        for k in range(len(self.staff)):
            before = self.previous.get((self.slots[k].site_id, self.slots[k].date))
            if before is not None:
                total += W_STAFF_CHANGE * len(before)
        return total

    def swap(self, k: int, out: str, into: str) -> None:
        """Replace tutor out by tutor into on slot k."""
        self._add(k, out, -1)
        self.staff[k].remove(out)
        self.staff[k].append(into)
        self._add(k, into, +1)


def pinned_staff(problem: RoomsProblem, slots) -> set[tuple[int, str]]:
    index = {(s.site_id, s.date): k for k, s in enumerate(slots)}
    return {(index[p.site_id, p.date], p.tutor_id) for p in problem.pins.staff if (p.site_id, p.date) in index}


def places_needed(slots, pinned: set[tuple[int, str]]) -> list[int]:
    """Staff places per slot: what it requires, or more when more tutors are pinned to it."""
    pins = defaultdict(int)
    for k, _t in pinned:
        pins[k] += 1
    return [max(s.required, pins[k]) for k, s in enumerate(slots)]


def fill_slot(state: StaffState, k: int, candidates, pinned) -> int | None:
    """Staff dropped slot k in full (freeing capped tutors by swaps, see augment.py); the cost change, or None."""
    state.staff[k] = []
    if free_places(state, k, candidates, pinned) is None:
        state.staff[k] = None
        return None
    site, others = candidates[k]
    total = -W_SESSION_SHORT
    for _ in range(state.slots[k].required):
        d, t = min((state.delta_add(k, t), t) for t in others if state.can_take(k, t, site))
        state.staff[k].append(t)
        state._add(k, t, +1)
        total += d
    return total


def _fill_pass(state: StaffState, candidates, pinned, deadline: float) -> int:
    """Staff a dropped session when enough tutors have room for it, or can be freed; returns the total gain."""
    gain = 0
    for k, st in enumerate(state.staff):
        if st is not None or cpu_now() > deadline:
            continue
        before = state.cost()
        total = fill_slot(state, k, candidates, pinned)
        if total is not None:
            gain += before - state.cost()
    return gain


def _swap_pass(state: StaffState, candidates, pinned, deadline: float) -> int:
    """Best single swap on every staffed slot, in slot order; returns the total gain."""
    gain = 0
    for k, st in enumerate(state.staff):
        if st is None or cpu_now() > deadline:
            continue
        site, others = candidates[k]
        for out in sorted(st):
            if (k, out) in pinned:
                continue
            base = state.delta_remove(k, out)
            best, best_t = 0, None
            for t in others:
                if state.can_take(k, t, site):
                    d = base + state.delta_add(k, t)
                    if d < best:
                        best, best_t = d, t
            if best_t is not None:
                state.swap(k, out, best_t)
                gain -= best
    return gain


def _retire_pass(state: StaffState, candidates, pinned, deadline: float) -> int:
    """Take a tutor off every session at a site where others can cover them, when that saves a pair."""
    gain = 0
    by_pair = defaultdict(list)
    for k, st in enumerate(state.staff):
        for t in st or ():
            by_pair[t, state.slots[k].site_id].append(k)
    for (t, site_id), ks in sorted(by_pair.items()):
        if cpu_now() > deadline or state.pair[t, site_id] == 0 or len(ks) > 6:
            continue
        if any((k, t) in pinned or t not in state.staff[k] for k in ks):
            continue
        done, total = [], 0
        for k in ks:
            site, others = candidates[k]
            base = state.delta_remove(k, t)
            options = [(base + state.delta_add(k, o), o) for o in others
                       if o != t and state.pair[o, site_id] > 0 and state.can_take(k, o, site)]
            if not options:
                break
            d, o = min(options)
            state.swap(k, t, o)
            done.append((k, o))
            total += d
        if len(done) == len(ks) and total < 0:
            gain -= total
        else:
            for k, o in reversed(done):
                state.swap(k, o, t)
    return gain


def slot_candidates(problem: RoomsProblem, slots) -> list[tuple]:
    """Per slot, its site and the tutors who reach it (sorted, so every pass tries them in one order)."""
    sites = {s.id: s for s in problem.sites}
    reaching = defaultdict(list)
    for t in problem.tutors:
        for site_id in t.site_ids:
            reaching[site_id].append(t.id)
    return [(sites[s.site_id], sorted(reaching[s.site_id])) for s in slots]


def improve_staffing(problem: RoomsProblem, slots, staff, fair: dict[str, int], budget_s: float,
                     should_stop: Callable[[], bool] | None = None,
                     on_progress: Callable[[Progress], None] | None = None, started: float | None = None):
    """Apply improving moves until a full pass gains nothing or the budget ends; returns staff and its objective."""
    begun = cpu_now()
    deadline = begun + budget_s
    state = StaffState(problem, slots, staff, fair)
    candidates = slot_candidates(problem, slots)
    pinned = pinned_staff(problem, slots)
    objective = state.cost()
    while cpu_now() < deadline and not (should_stop is not None and should_stop()):
        gain = (_fill_pass(state, candidates, pinned, deadline) + _swap_pass(state, candidates, pinned, deadline)
                + _retire_pass(state, candidates, pinned, deadline))
        if gain <= 0:
            break
        objective -= gain
        if on_progress is not None:
            held = sum(1 for st in state.staff if st is not None)
            on_progress(Progress("staff", held, held, objective, float("nan"),
                                 cpu_now() - (started or begun)))
    return [tuple(sorted(st)) if st is not None else None for st in state.staff], state.cost()
