"""The CP-SAT model over feasible combos, built in bulk with numpy: one boolean per (need, tutor, weekday, start).

Groups (per need, need-day, tutor, tutor-day, child-day) come from one sort each,
so Python makes one call per constraint, not one per combo pair. Overlaps are
at-most-one cliques over the combos covering one instant (an interval graph, so
these cliques are exact and their LP is tight); back to back, visits at two
different homes always conflict, so each tutor-day boundary holds visits at one
home only (a boolean per home there); visits with a gap between them that is
shorter than the travel are pairwise clauses. Only combos built by candidates.py exist,
so every per-visit rule holds by construction. A model can cover the whole
problem or one neighbourhood of it: combos marked fixed are forced on, so the
rest of the plan constrains the neighbourhood exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from solver.visits.candidates import Candidates, pair_travel_minutes


@dataclass
class VisitsModel:
    """A built CP-SAT model: combo ids, their booleans (same order), a covered-visits counter, the objective constant."""

    model: cp_model.CpModel
    ids: np.ndarray
    x: list
    covered: cp_model.IntVar
    offset: int = 0
    y: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    load_extra: dict[int, list] = field(default_factory=dict)
    homes: list[tuple[cp_model.IntVar, list[int]]] = field(default_factory=list)


def groups(*keys: np.ndarray) -> list[np.ndarray]:
    """Positions grouped by equal key tuples (stable within a group), in key order."""
    if not len(keys[0]):
        return []
    order = np.lexsort(keys[::-1])
    stacked = np.stack([k[order] for k in keys])
    cut = np.nonzero(np.any(stacked[:, 1:] != stacked[:, :-1], axis=0))[0] + 1
    return np.split(order, cut)


def add_need_rules(m: VisitsModel, cands: Candidates, need: np.ndarray, tutor: np.ndarray, day: np.ndarray) -> None:
    """Hard: a need gets at most visits_per_week visits, on different weekdays, all by the same tutor."""
    x, model = m.x, m.model
    wanted = cands.need_visits
    for g in groups(need):
        n = int(need[g[0]])
        if wanted[n] == 1:
            if len(g) > 1:
                model.add_at_most_one([x[i] for i in g.tolist()])
            continue
        days = day[g]
        for d in np.unique(days).tolist():
            same = g[days == d]
            if len(same) > 1:
                model.add_at_most_one([x[i] for i in same.tolist()])
        if len(np.unique(days)) > wanted[n]:
            model.add(sum(x[i] for i in g.tolist()) <= int(wanted[n]))
        ys = []
        for t in np.unique(tutor[g]).tolist():
            y = model.new_bool_var(f"need_tutor_{n}_{t}")
            m.y[(n, t)] = y
            ys.append(y)
            for i in g[tutor[g] == t].tolist():
                model.add_implication(x[i], y)
        if len(ys) > 1:
            model.add_at_most_one(ys)


def add_tutor_weekly_cap(m: VisitsModel, cands: Candidates, tutor: np.ndarray) -> None:
    """Hard: a tutor makes at most max_visits_per_week visits."""
    for g in groups(tutor):
        cap = cands.problem.tutors[int(tutor[g[0]])].max_visits_per_week
        if len(g) > cap:
            m.model.add(sum(m.x[i] for i in g.tolist()) <= cap)


def _instant_cliques(m: VisitsModel, g: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
    # Two intervals overlap exactly when one contains the other's start: one clique per distinct start.
    s, e = start[g], end[g]
    seen: set[tuple[int, ...]] = set()
    for tau in np.unique(s).tolist():
        live = g[(s <= tau) & (tau < e)]
        key = tuple(live.tolist())
        if len(live) > 1 and key not in seen:
            seen.add(key)
            m.model.add_at_most_one([m.x[i] for i in key])


def _one_home_per_boundary(m: VisitsModel, g: np.ndarray, start: np.ndarray, end: np.ndarray, home: np.ndarray) -> None:
    # Back to back at a boundary b, a visit ending at b and one starting at b conflict exactly when the homes
    # differ (any two homes are at least a minute apart). So all the visits ending or starting at b are at one
    # home: a boolean per home there, at most one of them on. This replaces one clause per pair of visits
    # (900,000 on the demo programme's data) by two rows per home and boundary.
    s, e, h = start[g], end[g], home[g]
    for b in np.intersect1d(e, s).tolist():
        ending, starting = e == b, s == b
        homes = np.union1d(h[ending], h[starting])
        if len(homes) < 2:
            continue
        here = []
        for k in homes.tolist():
            at = m.model.new_bool_var("")
            here.append(at)
            m.homes.append((at, g[(ending | starting) & (h == k)].tolist()))
            for side in (ending, starting):
                members = g[side & (h == k)].tolist()
                if len(members) == 1:
                    m.model.add_implication(m.x[members[0]], at)
                elif members:  # visits on one side of b overlap each other, so at most one of them is on
                    m.model.add(sum(m.x[i] for i in members) <= at)
        m.model.add_at_most_one(here)


def add_tutor_no_overlap_with_travel(m: VisitsModel, cands: Candidates, tutor, day, start, end, child) -> None:
    """Hard: a tutor's visits on one day never overlap and leave the travel time between the two homes."""
    lat, lon = cands.child_lat, cands.child_lon
    home = cands.child_home[child]
    for g in groups(tutor, day):
        if len(g) < 2 or len(np.unique(child[g])) < 2:
            continue
        _instant_cliques(m, g, start, end)
        if len(np.unique(home[g])) < 2:
            continue
        _one_home_per_boundary(m, g, start, end, home)
        # Visits with a gap between them conflict when the travel between the two homes is longer.
        s, e, c = start[g], end[g], child[g]
        gap = s[None, :] - e[:, None]  # a (row) ends, then b (column) starts
        ai, bi = np.nonzero((gap > 0) & (gap < 24 * 60) & (home[g][:, None] != home[g][None, :]))
        if not len(ai):
            continue
        travel = pair_travel_minutes(lat[c[ai]], lon[c[ai]], lat[c[bi]], lon[c[bi]])
        conflict = gap[ai, bi] < travel
        for i, j in zip(g[ai[conflict]].tolist(), g[bi[conflict]].tolist()):
            m.model.add_bool_or([m.x[i].Not(), m.x[j].Not()])


def add_child_no_overlap(m: VisitsModel, need, day, start, end, child) -> None:
    """Hard: a child's visits (all needs) never overlap."""
    for g in groups(child, day):
        if len(g) > 1 and len(np.unique(need[g])) > 1:
            _instant_cliques(m, g, start, end)


def objective_terms(m: VisitsModel, cands: Candidates, tutor: np.ndarray, current: np.ndarray) -> None:
    """Soft, in level order: coverage points, kept current visits, travel and language costs, convex load."""
    w = cands.problem.weights
    a = cands.arrays
    change = w.change_child + w.change_tutor
    gain = cands.need_points[a.need[m.ids]] - a.cost[m.ids] + change * current
    variables, coefs = list(m.x), gain.tolist()
    if w.load_step:
        for g in groups(tutor):
            t = int(tutor[g[0]])
            top = min(cands.problem.tutors[t].max_visits_per_week, len(g))
            if top < 2:
                continue
            # The k-th visit of a tutor costs (k-1) load steps: cheap extras are taken first.
            extra = [m.model.new_bool_var(f"load_{t}_{k}") for k in range(2, top + 1)]
            m.load_extra[t] = extra
            m.model.add(sum(m.x[i] for i in g.tolist()) <= 1 + sum(extra))
            variables += extra
            coefs += [-w.load_step * (k + 1) for k in range(len(extra))]
    m.model.maximize(cp_model.LinearExpr.weighted_sum(variables, coefs) + m.offset)


def add_full_hint(m: VisitsModel, cands: Candidates, chosen: np.ndarray) -> None:
    """Hint every variable from a complete plan (a boolean per model combo), so CP-SAT starts from it."""
    a = cands.arrays
    # In bulk: one extend instead of a Python call per combo (add_hint appends the same index and value).
    hint = m.model.proto.solution_hint
    hint.vars.extend([var.index for var in m.x])
    hint.values.extend(chosen.astype(np.int64).tolist())
    on_ids = m.ids[chosen]
    pairs = set(zip(a.need[on_ids].tolist(), a.tutor[on_ids].tolist()))
    for key, y in m.y.items():
        m.model.add_hint(y, key in pairs)
    load = np.bincount(a.tutor[on_ids], minlength=len(cands.problem.tutors))
    for t, extra in m.load_extra.items():
        for k, z in enumerate(extra):
            m.model.add_hint(z, bool(load[t] >= k + 2))
    for at, members in m.homes:
        m.model.add_hint(at, bool(chosen[members].any()))
    m.model.add_hint(m.covered, int(chosen.sum()))


def build_model(cands: Candidates, ids: np.ndarray, fixed: np.ndarray, current: np.ndarray) -> VisitsModel:
    """The model over these combo ids; fixed (a boolean per id) are forced on, current ones earn the stability bonus."""
    a = cands.arrays
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"visit_{i}") for i in ids.tolist()]
    covered = model.new_int_var(0, len(ids), "covered_visits")
    model.add(covered == cp_model.LinearExpr.sum(x))
    w = cands.problem.weights
    m = VisitsModel(model, ids, x, covered, offset=-(w.change_child + w.change_tutor) * cands.n_current)
    need, tutor, day, start, end = a.need[ids], a.tutor[ids], a.weekday[ids], a.start[ids], a.end[ids]
    child = cands.need_child[need]
    add_need_rules(m, cands, need, tutor, day)
    add_tutor_weekly_cap(m, cands, tutor)
    add_tutor_no_overlap_with_travel(m, cands, tutor, day, start, end, child)
    add_child_no_overlap(m, need, day, start, end, child)
    for i in np.nonzero(fixed)[0].tolist():
        model.add(x[i] == 1)
    objective_terms(m, cands, tutor, current.astype(np.int64))
    return m
