"""The CP-SAT model over feasible combos: one boolean per (need, tutor, weekday, start), one per need-tutor.

Hard rules between visits are one function each below; the objective terms
(coverage points minus travel, language and change costs, and a convex load
penalty) come from objective_terms. Only combos built by candidates.py exist,
so every per-visit rule already holds by construction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from solver.geo import travel_minutes
from solver.visits.candidates import Candidates, Combo


@dataclass
class VisitsModel:
    """A built CP-SAT model with its combo variables, a covered-visits counter and the objective constant."""

    model: cp_model.CpModel
    combo_ids: list[int]
    x: dict[int, cp_model.IntVar]
    covered: cp_model.IntVar
    offset: int = 0
    y: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    load_extra: dict[int, list[cp_model.IntVar]] = field(default_factory=dict)


def add_one_tutor_per_need(m: VisitsModel, cands: Candidates) -> None:
    """Hard: the visits of one need all have the same tutor (y[n,t] chosen for at most one t)."""
    by_need_tutor: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in m.combo_ids:
        c = cands.combos[i]
        by_need_tutor[(c.need, c.tutor)].append(i)
    per_need: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for (n, t), ids in by_need_tutor.items():
        y = m.model.new_bool_var(f"need_tutor_{n}_{t}")
        m.y[(n, t)] = y
        per_need[n].append(y)
        for i in ids:
            m.model.add_implication(m.x[i], y)
    for ys in per_need.values():
        if len(ys) > 1:
            m.model.add_at_most_one(ys)


def add_visits_on_different_days(m: VisitsModel, cands: Candidates) -> None:
    """Hard: at most one visit of a need per weekday, and no more visits than it wants."""
    by_need_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_need: dict[int, list[int]] = defaultdict(list)
    for i in m.combo_ids:
        c = cands.combos[i]
        by_need_day[(c.need, c.weekday)].append(i)
        by_need[c.need].append(i)
    for ids in by_need_day.values():
        if len(ids) > 1:
            m.model.add_at_most_one(m.x[i] for i in ids)
    for n, ids in by_need.items():
        wanted = cands.needs[n].need.visits_per_week
        if len({cands.combos[i].weekday for i in ids}) > wanted:
            m.model.add(sum(m.x[i] for i in ids) <= wanted)


def add_tutor_weekly_cap(m: VisitsModel, cands: Candidates, caps: dict[int, int]) -> None:
    """Hard: a tutor makes at most max_visits_per_week visits."""
    by_tutor: dict[int, list[int]] = defaultdict(list)
    for i in m.combo_ids:
        by_tutor[cands.combos[i].tutor].append(i)
    for t, ids in by_tutor.items():
        if len(ids) > caps[t]:
            m.model.add(sum(m.x[i] for i in ids) <= caps[t])


def _at_most_one_per_instant(m: VisitsModel, combos: list[tuple[int, Combo]]) -> None:
    # Two intervals overlap exactly when one contains the other's start, so
    # one at-most-one per distinct start covers every overlap.
    for tau in sorted({c.start for _, c in combos}):
        live = [m.x[i] for i, c in combos if c.start <= tau < c.end]
        if len(live) > 1:
            m.model.add_at_most_one(live)


def add_tutor_no_overlap_with_travel(m: VisitsModel, cands: Candidates) -> None:
    """Hard: a tutor's visits on one day never overlap and leave the travel time between the two homes."""
    by_tutor_day: dict[tuple[int, int], list[tuple[int, Combo]]] = defaultdict(list)
    for i in m.combo_ids:
        c = cands.combos[i]
        by_tutor_day[(c.tutor, c.weekday)].append((i, c))
    homes = [n.child.home for n in cands.needs]
    child_of = [n.child_index for n in cands.needs]
    for combos in by_tutor_day.values():
        if len({c.need for _, c in combos}) < 2:
            continue
        _at_most_one_per_instant(m, combos)
        combos.sort(key=lambda ic: ic[1].end)
        starts = sorted(combos, key=lambda ic: ic[1].start)
        for i, a in combos:
            for j, b in starts:
                if b.start < a.end:
                    continue
                if child_of[a.need] == child_of[b.need]:
                    continue
                if b.start >= a.end + 600:
                    break
                if b.start < a.end + travel_minutes(homes[a.need], homes[b.need]):
                    m.model.add_bool_or([m.x[i].Not(), m.x[j].Not()])


def add_child_no_overlap(m: VisitsModel, cands: Candidates) -> None:
    """Hard: a child's visits (all needs) never overlap."""
    by_child_day: dict[tuple[int, int], list[tuple[int, Combo]]] = defaultdict(list)
    for i in m.combo_ids:
        c = cands.combos[i]
        by_child_day[(cands.needs[c.need].child_index, c.weekday)].append((i, c))
    for combos in by_child_day.values():
        if len({c.need for _, c in combos}) > 1:
            _at_most_one_per_instant(m, combos)


def add_pins(m: VisitsModel, pinned: list[int]) -> None:
    """Hard: every pinned visit is planned."""
    for i in pinned:
        m.model.add(m.x[i] == 1)


def objective_terms(m: VisitsModel, cands: Candidates, current: set[int], caps: dict[int, int]) -> None:
    """Soft, in level order: coverage points, kept current visits, travel and language costs, convex load."""
    w = cands.problem.weights
    terms = []
    for i in m.combo_ids:
        c = cands.combos[i]
        gain = cands.needs[c.need].points - c.cost
        if i in current:
            gain += w.change_child + w.change_tutor
        terms.append((m.x[i], gain))
    m.offset = -(w.change_child + w.change_tutor) * len(current)
    if w.load_step:
        by_tutor: dict[int, list[int]] = defaultdict(list)
        for i in m.combo_ids:
            by_tutor[cands.combos[i].tutor].append(i)
        for t, ids in by_tutor.items():
            top = min(caps[t], len(ids))
            if top < 2:
                continue
            # The k-th visit of a tutor costs (k-1) load steps: cheap extras are taken first.
            extra = [m.model.new_bool_var(f"load_{t}_{k}") for k in range(2, top + 1)]
            m.load_extra[t] = extra
            m.model.add(sum(m.x[i] for i in ids) <= 1 + sum(extra))
            terms += [(z, -w.load_step * (k + 1)) for k, z in enumerate(extra)]
    m.model.maximize(sum(coef * var for var, coef in terms) + m.offset)


def add_full_hint(m: VisitsModel, cands: Candidates, chosen: set[int]) -> None:
    """Hint every variable from a complete plan, so CP-SAT starts from it instead of repairing a partial hint."""
    for i in m.combo_ids:
        m.model.add_hint(m.x[i], i in chosen)
    pairs = {(cands.combos[i].need, cands.combos[i].tutor) for i in chosen}
    for key, y in m.y.items():
        m.model.add_hint(y, key in pairs)
    load: dict[int, int] = defaultdict(int)
    for i in chosen:
        load[cands.combos[i].tutor] += 1
    for t, extra in m.load_extra.items():
        for k, z in enumerate(extra):
            m.model.add_hint(z, load[t] >= k + 2)
    m.model.add_hint(m.covered, len(chosen))


def build_model(cands: Candidates, combo_ids: list[int], caps: dict[int, int], pinned: list[int], current: set[int]) -> VisitsModel:
    """Build the whole model over these combos (a full problem or one region of it)."""
    model = cp_model.CpModel()
    x = {}
    for i in combo_ids:
        c = cands.combos[i]
        x[i] = model.new_bool_var(f"visit_{c.need}_{c.tutor}_{c.weekday}_{c.start}")
    covered = model.new_int_var(0, len(combo_ids), "covered_visits")
    model.add(covered == sum(x.values()))
    m = VisitsModel(model, combo_ids, x, covered)
    add_one_tutor_per_need(m, cands)
    add_visits_on_different_days(m, cands)
    add_tutor_weekly_cap(m, cands, caps)
    add_tutor_no_overlap_with_travel(m, cands)
    add_child_no_overlap(m, cands)
    add_pins(m, pinned)
    add_day_minutes_cuts(m, cands)
    objective_terms(m, cands, current, caps)
    return m


def add_day_minutes_cuts(m: VisitsModel, cands: Candidates) -> None:
    """Redundant: on one day a tutor's (and a child's) visit minutes fit in that person's free minutes that day."""
    free_tutor = defaultdict(int)
    for t, tutor in enumerate(cands.problem.tutors):
        for w in tutor.availability:
            free_tutor[(t, w.weekday)] += w.end - w.start
    free_child = defaultdict(int)
    for ci, child in enumerate(cands.problem.children):
        for w in child.availability:
            free_child[(ci, w.weekday)] += w.end - w.start
    by_tutor_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_child_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in m.combo_ids:
        c = cands.combos[i]
        by_tutor_day[(c.tutor, c.weekday)].append(i)
        by_child_day[(cands.needs[c.need].child_index, c.weekday)].append(i)
    for groups, free in ((by_tutor_day, free_tutor), (by_child_day, free_child)):
        for key, ids in groups.items():
            if sum(cands.combos[i].end - cands.combos[i].start for i in ids) > free[key]:
                m.model.add(sum((cands.combos[i].end - cands.combos[i].start) * m.x[i] for i in ids) <= free[key])
