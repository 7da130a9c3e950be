"""A lower bound of the staffing phase: relax the staff each session needs with a price per staff place.

Priced out, the model falls apart into one small problem per tutor: choose the sites they work at
(W_TUTOR_SITE_PAIR each) and, at those sites, the sessions worth their price, at most one a day and
max_sessions_per_month a month, W_LOAD_OVER for each above the fair share. Days inside months form a
laminar matroid, so taking sessions greedily by value is optimal for each set of sites, and a tutor
reaches few sites, so every set is tried: each tutor's problem is solved exactly. For any prices the
sum is a valid lower bound (Lagrangian relaxation); subgradient steps towards the best staffing known
raise it towards the Dantzig-Wolfe bound, far above the LP bound of the CP-SAT model, whose
tutor-site pair variables relax to fractions. It bounds the staffing of the given sessions only,
not plans with other dates or other children's sites.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

from solver.rooms.budget import cpu_now
from solver.rooms.calendar import month_key
from solver.rooms.eligibility import all_overlap, slot_tutors, slots_by_tutor
from solver.rooms.local_search import StaffState, pinned_staff, places_needed
from solver.rooms.problem import RoomsProblem
from solver.rooms.weights import (
    W_LOAD_OVER, W_SESSION_SHORT, W_STAFF_CHANGE, W_TUTOR_SITE_PAIR,
)

MAX_SITES_TRIED = 6  # beyond this many sites, a tutor's site sets are relaxed to "at least one pair"
MAX_ROUNDS = 60  # a fixed amount of work keeps the bound the same on a fast or a busy machine
STEP = 2.0  # Polyak step factor, halved after PATIENCE rounds without a better bound
PATIENCE = 5


class _Tutor:
    """One tutor's priced problem: the sessions they may work and the limits on them."""

    def __init__(self, tutor, ks, slots, unit, forced):
        self.id, self.cap, self.ks = tutor.id, tutor.max_sessions_per_month, ks
        self.unit = {k: unit(k, tutor.id) for k in ks}
        self.site = {k: slots[k].site_id for k in ks}
        self.month = {k: month_key(slots[k].date) for k in ks}
        by_day = defaultdict(list)
        for k in ks:
            by_day[slots[k].date].append(k)
        # One session a day is exact only where the day's sessions all overlap; elsewhere no limit (a relaxation).
        self.day = {}
        for day, same in by_day.items():
            if all_overlap(slots, same):
                self.day.update({k: day for k in same})
        self.forced = sorted(forced)
        self.sites = sorted(set(self.site.values()))

    def cost(self, plan, fair: int) -> int:
        """The objective's share of this tutor for a plan (a list of slot indices)."""
        return (W_TUTOR_SITE_PAIR * len({self.site[k] for k in plan}) + W_LOAD_OVER * max(0, len(plan) - fair)
                + sum(self.unit[k] for k in plan))

    def price(self, prices, fair: int) -> tuple[float, list[int]]:
        """The least cost minus prices over this tutor's plans, and the plan reaching it."""
        forced = set(self.forced)
        forced_sites = {self.site[k] for k in forced}
        items = sorted(((prices[k] - self.unit[k], k) for k in self.ks if k not in forced), reverse=True)
        items = [(v, k) for v, k in items if v > 0]
        worth = {self.site[k] for _v, k in items}  # a site with nothing worth taking never helps
        if len(self.sites) > MAX_SITES_TRIED:
            total, plan = self._greedy(set(self.sites), items, prices, fair)
            return W_TUTOR_SITE_PAIR * (max(1, len(forced_sites)) if plan else 0) + total, plan
        best, best_plan = math.inf, []
        optional = sorted(worth - forced_sites)
        for size in range(len(optional) + 1):
            for extra in combinations(optional, size):
                chosen = forced_sites | set(extra)
                total, plan = self._greedy(chosen, items, prices, fair)
                total += W_TUTOR_SITE_PAIR * len(chosen)
                if total < best:
                    best, best_plan = total, plan
        return best, best_plan

    def _greedy(self, sites: set, items, prices, fair: int) -> tuple[float, list[int]]:
        """Forced sessions, then the most valuable ones at these sites that fit the day and month limits, while they pay."""
        months, days = defaultdict(int), set()
        plan = list(self.forced)
        total = W_LOAD_OVER * max(0, len(plan) - fair) - sum(prices[k] - self.unit[k] for k in plan)
        for k in plan:
            months[self.month[k]] += 1
            if k in self.day:
                days.add(self.day[k])
        for v, k in items:
            if self.site[k] not in sites:
                continue
            gain = v - (W_LOAD_OVER if len(plan) >= fair else 0)
            if gain <= 0:
                break
            month, day = self.month[k], self.day.get(k)
            if months[month] >= self.cap or day in days:
                continue
            months[month] += 1
            if day is not None:
                days.add(day)
            plan.append(k)
            total -= gain
        return total, plan


def staffing_bound(problem: RoomsProblem, slots, staff, fair: dict[str, int], budget_s: float) -> float:
    """A lower bound of the staffing objective of these slots (the CP-SAT model's), from the staffing given."""
    deadline = cpu_now() + budget_s
    state = StaffState(problem, slots, [None] * len(slots), fair)
    pinned = pinned_staff(problem, slots)
    eligible = slot_tutors(problem, slots)
    may = slots_by_tutor(eligible)
    tutors = [_Tutor(t, may[t.id], slots, state.unit_cost, {k for k, u in pinned if u == t.id})
              for t in problem.tutors if may[t.id]]
    need = places_needed(slots, pinned)
    holdable = [len(eligible[k]) >= need[k] for k in range(len(slots))]
    # Staff of a previous session priced as removed until kept; the model counts only tutors who may work it.
    constant = sum(W_STAFF_CHANGE * len(set(before) & set(eligible[k]))
                   for k, s in enumerate(slots) if (before := state.previous.get((s.site_id, s.date))) is not None)

    def lagrangian(prices) -> tuple[float, dict]:
        total = constant
        for k, s in enumerate(slots):
            if not holdable[k]:
                total += W_SESSION_SHORT
            elif s.pinned:
                total += prices[k] * need[k]
            else:
                total += min(W_SESSION_SHORT, prices[k] * need[k])
        plans = {}
        for tutor in tutors:
            value, plan = tutor.price(prices, fair[tutor.id])
            total += value
            plans[tutor.id] = plan
        return total, plans

    upper = StaffState(problem, slots, staff, fair).cost()
    prices = [0.0] * len(slots)
    best, step, stalled = -math.inf, STEP, 0
    for _ in range(MAX_ROUNDS):
        value, plans = lagrangian(prices)
        if value > best + 1e-9:
            best, stalled = value, 0
        else:
            stalled += 1
            if stalled >= PATIENCE:
                step, stalled = step / 2, 0
        # Subgradient: the staff each session still lacks (or has in excess) at these prices.
        covered = [0] * len(slots)
        for plan in plans.values():
            for k in plan:
                covered[k] += 1
        lack = [(need[k] if holdable[k] and (slots[k].pinned or prices[k] * need[k] < W_SESSION_SHORT) else 0)
                - covered[k] for k in range(len(slots))]
        norm = sum(g * g for g in lack)
        if norm == 0 or upper - best < 0.5 or cpu_now() > deadline:
            break
        move = step * (upper - value) / norm
        prices = [max(0.0, p + move * g) for p, g in zip(prices, lack)]
    return max(0.0, best)
