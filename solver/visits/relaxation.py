"""Upper bound on the objective: a min-cost flow over all feasible need-tutor pairs that ignores times.

Source -> need (capacity: visits per week) -> tutor (capacity: visits per week,
at most the number of common weekdays) -> sink (capacity: the tutor's weekly
cap, at most what fits in the tutor's windows). The source-need arcs cost minus the coverage
points, and a zero-cost bypass arc lets the flow leave needs uncovered, so the
minimum cost is minus the most coverage points any plan could earn. Overlaps,
travel between visits, the child's own time and one tutor per need are relaxed,
and the lower (cost) levels are dropped, so every real plan scores at most this.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

from solver.visits.candidates import Candidates


def tutor_fit_cap(cands: Candidates) -> np.ndarray:
    """Per tutor: the weekly cap, but no more visits than the shortest need fits into the tutor's windows."""
    shortest = min((n.need.minutes for n in cands.needs), default=1)
    caps = []
    for t in cands.problem.tutors:
        fit = sum((w.end - w.start) // shortest for w in t.availability)
        caps.append(min(t.max_visits_per_week, fit))
    return np.array(caps, dtype=np.int64)


def relaxation_bound(cands: Candidates) -> int:
    """The most coverage points any plan could earn (an upper bound on the objective)."""
    n_needs, n_tutors = len(cands.needs), len(cands.problem.tutors)
    if not n_needs or not len(cands.pair_need):
        return 0
    source, sink = n_needs + n_tutors, n_needs + n_tutors + 1
    visits = np.array([n.need.visits_per_week for n in cands.needs], dtype=np.int64)
    points = np.array([n.points for n in cands.needs], dtype=np.int64)
    total = int(visits.sum())
    # Exact speed-ups (10,000 children, 5.7 million pairs: 6.3 -> 4.4 CPU seconds): a need's points are the same
    # for every tutor, so they sit on its source arc rather than on each pair arc (each unit of flow through a
    # need crosses both once), and they are divided by their common divisor (100 with the default weights),
    # which shortens the cost-scaling phases.
    unit = max(1, int(np.gcd.reduce(points)))
    flow = min_cost_flow.SimpleMinCostFlow()
    needs = np.arange(n_needs, dtype=np.int64)
    tutors = np.arange(n_tutors, dtype=np.int64)
    tails = np.concatenate([np.full(n_needs, source), cands.pair_need, n_needs + tutors, [source]])
    heads = np.concatenate([needs, n_needs + cands.pair_tutor, np.full(n_tutors, sink), [sink]])
    caps = np.concatenate([visits, np.minimum(visits[cands.pair_need], cands.pair_days), tutor_fit_cap(cands), [total]])
    costs = np.concatenate([-points // unit, np.zeros(len(cands.pair_need) + n_tutors + 1, dtype=np.int64)])
    flow.add_arcs_with_capacity_and_unit_cost(tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64), costs.astype(np.int64))
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min cost flow failed with status {status}")
    return -int(flow.optimal_cost()) * unit


def flow_guide(cands: Candidates) -> dict[int, set[tuple[int, int]]]:
    """Per need, the (tutor, weekday) pairs a time-aware flow over the model's combos would use.

    Source -> need (visits per week) -> need-weekday (1) -> tutor-weekday (1, cost: minus the
    visit's coverage points plus its travel and language cost) -> tutor (visits that fit in the
    tutor's free minutes that day) -> sink (weekly cap). It sees who is scarce, which the greedy
    matcher, choosing the cheapest tutor need by need, does not; the greedy tries these first.
    """
    a = cands.arrays
    n_needs, n_tutors = len(cands.needs), len(cands.problem.tutors)
    if not len(a.need):
        return {}
    # Combos are stored by need, tutor, weekday and start, so each (need, tutor, weekday) is one run.
    first = np.ones(len(a.need), dtype=bool)
    first[1:] = (a.need[1:] != a.need[:-1]) | (a.tutor[1:] != a.tutor[:-1]) | (a.weekday[1:] != a.weekday[:-1])
    need, tutor, day, cost = a.need[first], a.tutor[first], a.weekday[first], a.cost[first]
    shortest = np.full(n_tutors * 7, 10**9, dtype=np.int64)
    np.minimum.at(shortest, tutor * 7 + day, np.array([n.need.minutes for n in cands.needs], dtype=np.int64)[need])
    free = np.zeros(n_tutors * 7, dtype=np.int64)
    for t, tu in enumerate(cands.problem.tutors):
        for w in tu.availability:
            free[t * 7 + w.weekday] += w.end - w.start
    day_cap = np.where(shortest < 10**9, free // np.maximum(shortest, 1), 0)
    need_day = np.unique(need * 7 + day)
    # Nodes: needs, need-days (7 per need), tutor-days (7 per tutor), tutors, source, sink.
    nd0, td0, t0 = n_needs, 8 * n_needs, 8 * n_needs + 7 * n_tutors
    source, sink = t0 + n_tutors, t0 + n_tutors + 1
    total = int(cands.need_visits.sum())
    tails = np.concatenate([np.full(n_needs, source), need_day // 7, nd0 + need * 7 + day, td0 + np.arange(7 * n_tutors), t0 + np.arange(n_tutors), [source]])
    heads = np.concatenate([np.arange(n_needs), nd0 + need_day, td0 + tutor * 7 + day, t0 + np.arange(7 * n_tutors) // 7, np.full(n_tutors, sink), [sink]])
    weekly = np.array([t.max_visits_per_week for t in cands.problem.tutors], dtype=np.int64)
    caps = np.concatenate([cands.need_visits, np.ones(len(need_day) + len(need), dtype=np.int64), day_cap, weekly, [total]])
    costs = np.concatenate([np.zeros(n_needs + len(need_day), dtype=np.int64), cost - cands.need_points[need], np.zeros(8 * n_tutors + 1, dtype=np.int64)])
    # Dividing every cost by their common divisor (10 with the default weights) keeps the optimal flows and
    # shortens the cost-scaling phases.
    costs //= max(1, int(np.gcd.reduce(costs)))
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64), costs.astype(np.int64))
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    if flow.solve() != flow.OPTIMAL:
        return {}
    used = flow.flows(arcs[n_needs + len(need_day) : n_needs + len(need_day) + len(need)]) > 0
    out: dict[int, set[tuple[int, int]]] = {}
    for n, t, d in zip(need[used].tolist(), tutor[used].tolist(), day[used].tolist()):
        out.setdefault(n, set()).add((t, d))
    return out
