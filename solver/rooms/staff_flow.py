"""The best staffing for a fixed set of tutor-site pairs, as a min-cost flow.

Once the pairs are chosen, what is left (monthly caps, one session a day, load above the fair share,
preferences, changes from the previous plan) is a network: source -> tutor (fair share free, then
W_LOAD_OVER a session) -> tutor-month (the cap) -> tutor-day (one session) -> session -> sink (its
staff). The flow is integral and optimal for those pairs, and takes milliseconds where CP-SAT takes
seconds, so pair_search.py can try many pair sets. A day whose sessions do not all overlap gets no
day node; the result is then checked and refused if it double-books a tutor.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from ortools.graph.python import min_cost_flow

from solver.rooms.calendar import month_key
from solver.rooms.eligibility import all_overlap, slot_tutors, slots_by_tutor
from solver.rooms.greedy import keeps_caps_and_hours
from solver.rooms.local_search import places_needed
from solver.rooms.problem import RoomsProblem
from solver.rooms.weights import W_LOAD_OVER, W_SESSION_SHORT

_PIN_BONUS = -W_SESSION_SHORT  # pinned staff arcs are taken first whenever the pins can hold at all


class PairFlow:
    """The staffing network of some slots, built once; each call opens only the arcs of the given pairs."""

    def __init__(self, problem: RoomsProblem, slots, fair: dict[str, int], unit_cost, pinned: set[tuple[int, str]]):
        self.problem, self.slots = problem, slots
        self.pins = len(pinned)
        self.need = places_needed(slots, pinned)
        tutors = {t.id: t for t in problem.tutors}
        nodes: dict = {}
        self.exact = True  # False when some tutor-day's sessions do not all overlap: results must be checked

        def node(key) -> int:
            return nodes.setdefault(key, len(nodes))

        tails, heads, caps, costs = [], [], [], []

        def arc(a: int, b: int, cap: int, cost: int) -> int:
            tails.append(a), heads.append(b), caps.append(cap), costs.append(cost)
            return len(tails) - 1

        source, sink = node("source"), node("sink")
        may = slots_by_tutor(slot_tutors(problem, slots))
        self.staff_arcs: list[tuple[int, str, str]] = []  # (arc, tutor, slot index) for every tutor-session arc
        for t in sorted(may):
            arc(source, node(("t", t)), fair[t], 0)
            arc(source, node(("t", t)), len(may[t]), W_LOAD_OVER)
            by_day = defaultdict(list)
            for k in may[t]:
                by_day[slots[k].date].append(k)
            months = set()
            for day in sorted(by_day):
                month = node(("m", t, month_key(day)))
                if month not in months:
                    months.add(month)
                    arc(node(("t", t)), month, tutors[t].max_sessions_per_month, 0)
                ks = by_day[day]
                upper = month
                if len(ks) > 1 and all_overlap(slots, ks):
                    upper = node(("d", t, day))
                    arc(month, upper, 1, 0)
                elif len(ks) > 1:
                    self.exact = False
                for k in ks:
                    cost = unit_cost(k, t) + (_PIN_BONUS if (k, t) in pinned else 0)
                    self.staff_arcs.append((arc(upper, node(("k", k)), 1, cost), t, k))
        self.sink_arcs = np.array([arc(node(("k", k)), sink, self.need[k], 0) for k in range(len(slots))], dtype=np.int64)
        self.source, self.sink = source, sink
        self.tails, self.heads = np.array(tails, dtype=np.int32), np.array(heads, dtype=np.int32)
        self.caps, self.costs = np.array(caps, dtype=np.int64), np.array(costs, dtype=np.int64)
        self.arc_pair = [(t, slots[k].site_id) for _a, t, k in self.staff_arcs]
        self.arc_index = np.array([a for a, _t, _k in self.staff_arcs], dtype=np.int64)
        self.rows = [(s.site_id, s.date, s.start, s.end, s.required) for s in slots]

    def staff(self, pairs: set[tuple[str, str]], held: list[bool]) -> tuple[list[tuple[str, ...] | None], int] | None:
        """The held slots' staff using only these pairs, at least cost, and the objective's staffing cost
        without pairs and constants (load above fair share, preferences, changes); None when they cannot staff them all."""
        caps = self.caps.copy()
        caps[self.arc_index] = [1 if p in pairs else 0 for p in self.arc_pair]
        caps[self.sink_arcs] = [n if h else 0 for n, h in zip(self.need, held)]
        open_arcs = np.flatnonzero(caps)  # a smaller network solves faster than one with closed arcs
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(self.tails[open_arcs], self.heads[open_arcs], caps[open_arcs],
                                                  self.costs[open_arcs])
        demand = sum(n for n, h in zip(self.need, held) if h)
        flow.set_node_supply(self.source, demand)
        flow.set_node_supply(self.sink, -demand)
        if flow.solve() != flow.OPTIMAL:
            return None
        position = np.full(len(caps), -1, dtype=np.int64)
        position[open_arcs] = np.arange(len(open_arcs))
        staff = defaultdict(list)
        for (a, t, k) in self.staff_arcs:
            if position[a] >= 0 and flow.flow(int(position[a])):
                staff[k].append(t)
        out = [tuple(sorted(staff[k])) if h else None for k, h in enumerate(held)]
        if not self.exact and not keeps_caps_and_hours(self.problem, self.rows, out):
            return None
        return out, flow.optimal_cost() - _PIN_BONUS * self.pins
