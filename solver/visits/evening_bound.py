"""Upper bound on coverage points that sees a tutor's evening: an LP over (need, tutor, weekday), solved by GLOP.

Variables: x[n,t,d] in [0, 1] for every need n, tutor t and weekday d with at
least one combo (n visited by t on d); y[n,t] in [0, 1] (t is n's tutor) for
needs of several visits a week with several tutors; z[t,d,p] in [0, 1] (tutor t's
evening d makes length mix p) where an evening has several maximal mixes.
Maximise sum points[n] * x[n,t,d] subject to

1. need:        sum over t, d of x[n,t,d] <= visits per week of n;
2. need-day:    sum over t of x[n,t,d] <= 1 (at most one visit a weekday);
3. one tutor:   x[n,t,d] <= y[n,t] and sum over t of y[n,t] <= 1;
4. tutor week:  sum over n, d of x[n,t,d] <= the tutor's weekly cap;
5. evening:     per visit length L, sum over n of length L of x[n,t,d] <= sum over p of p_L * z[t,d,p],
                with sum over p of z[t,d,p] <= 1 (one maximal pattern: the rows p_L directly);
6. child-day:   sum over the child's needs n and all t of x[n,t,d] <= most visits that fit the child's day.

Validity: take any plan and set x[n,t,d] = 1 when the plan has n's visit by t on
d, y[n,t] = 1 for n's tutor, and for each evening z = 1 on one maximal pattern
dominating its length mix (evenings.py: every sequence of combos the plan can
make on an evening is a path of its dynamic programme, so its mix is at most one
of the maximal patterns). Each row holds because the plan obeys the rule it
relaxes (rules 1-4 are the model's own, 5 and 6 follow from no overlap and travel
between homes). So every plan is a feasible point of the LP with the same
coverage points, and the LP optimum bounds every plan's coverage points, which
bound its objective (the other levels are costs, and a current visit's bonus at
most refunds its change cost, as in relaxation.py).

The LP value is not trusted as GLOP reports it: the bound is recomputed from
GLOP's duals by weak duality. For any u >= 0 over the rows (A x <= b, 0 <= x <= 1),
b'u + sum over variables of max(0, c_j - (A'u)_j) bounds the LP, whatever
tolerances the solver used; it is computed in floating point on integers of at
most a few million (points divided by their common divisor) and rounded down
only after a margin far above the rounding error.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field

import numpy as np
from ortools.linear_solver import linear_solver_pb2, pywraplp

from solver.visits.candidates import Candidates
from solver.visits.evenings import child_day_caps, tutor_evenings
from solver.visits.model import groups

log = logging.getLogger(__name__)

# Above this many combos the bound is skipped and the flow bound stands alone: the evenings' dynamic programmes
# grow with the square of an evening's combos and GLOP's time with the rows (measured: the demo's 48,659 combos
# take about 1 CPU second, 100,000 combos of 400 children 8-10).
MAX_COMBOS = 60_000
# A solve gives the bound at most this share of its time limit, at the demo's measured CPU seconds per combo
# (0.86 s for 48,659 combos), so that a short solve keeps its time for the search.
SHARE_OF_LIMIT = 0.2
SECONDS_PER_COMBO = 2e-5
# Margin (in units of the points' common divisor) kept when rounding the dual value down: far above the
# floating-point error of sums of a few hundred thousand terms of at most a few million.
ROUNDING_MARGIN = 1e-4


@dataclass
class SparseLP:
    """max c'x subject to A x <= b and 0 <= x <= 1, under construction: objective and rows as coordinate lists."""

    objective: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    cols: list = field(default_factory=list)
    vals: list = field(default_factory=list)
    rhs: list = field(default_factory=list)
    n_vars: int = 0

    def new_vars(self, coefs) -> np.ndarray:
        """Append variables with these objective coefficients; their indices."""
        self.objective.append(np.asarray(coefs, dtype=float))
        self.n_vars += len(coefs)
        return np.arange(self.n_vars - len(coefs), self.n_vars)

    def add(self, cols, vals, rhs: float) -> None:
        """Append one row: sum of vals * x[cols] <= rhs."""
        self.rows.append(np.full(len(cols), len(self.rhs), dtype=np.int64))
        self.cols.append(np.asarray(cols, dtype=np.int64))
        self.vals.append(np.asarray(vals, dtype=float))
        self.rhs.append(float(rhs))

    def arrays(self):
        """(c, row, col, val, rhs) as numpy arrays."""
        cat = lambda parts, t: np.concatenate(parts).astype(t) if parts else np.zeros(0, dtype=t)  # noqa: E731
        return cat(self.objective, float), cat(self.rows, np.int64), cat(self.cols, np.int64), cat(self.vals, float), np.array(self.rhs, dtype=float)


def combo_limit(time_limit_s: float) -> int:
    """The most combos for which a solve with this time limit computes the evening bound."""
    return min(MAX_COMBOS, int(SHARE_OF_LIMIT * time_limit_s / SECONDS_PER_COMBO))


def evening_bound(cands: Candidates, max_combos: int | None = MAX_COMBOS) -> int | None:
    """The most coverage points any plan could earn, seeing each tutor's evening; None when skipped for size."""
    if not len(cands.pair_need):
        return 0
    # The bound is about every plan, so it needs every feasible tutor's combos, which truncated candidates lack
    # (only problems far above the size limit are truncated).
    if cands.truncated or (max_combos is not None and len(cands.arrays.need) > max_combos):
        return None
    started = time.process_time()
    lp = _build(cands)
    c, row, col, val, rhs = lp.arrays()
    value = _dual_value(c, row, col, val, rhs, _solve_duals(lp))
    unit = max(1, int(np.gcd.reduce(cands.need_points)))
    log.debug("evening bound: %d variables, %d rows, cpu %.2f s", len(c), len(rhs), time.process_time() - started)
    return int(math.floor(value + ROUNDING_MARGIN)) * unit if value + ROUNDING_MARGIN >= 0 else 0


def _build(cands: Candidates) -> SparseLP:
    """The LP: x[n,t,d] first (coverage points over their common divisor), then the rows of each rule."""
    a = cands.arrays
    n_tutors = len(cands.problem.tutors)
    keys, combo_x = np.unique((a.need * n_tutors + a.tutor) * 7 + a.weekday, return_inverse=True)
    x_need, x_tutor, x_day = keys // 7 // n_tutors, keys // 7 % n_tutors, keys % 7
    lp = SparseLP()
    unit = max(1, int(np.gcd.reduce(cands.need_points)))
    lp.new_vars(cands.need_points[x_need] // unit)
    _need_rows(lp, cands, x_need, x_tutor, x_day)
    for g in groups(x_tutor):
        cap = cands.problem.tutors[int(x_tutor[g[0]])].max_visits_per_week
        if len(g) > cap:
            lp.add(g, np.ones(len(g)), cap)
    _evening_rows(lp, cands, combo_x, x_need)
    caps = {(ch, d): most for ch, d, most in child_day_caps(cands)}
    x_child = cands.need_child[x_need]
    for g in groups(x_child, x_day):
        most = caps.get((int(x_child[g[0]]), int(x_day[g[0]])))
        if most is not None:
            lp.add(g, np.ones(len(g)), most)
    return lp


def _need_rows(lp: SparseLP, cands: Candidates, x_need, x_tutor, x_day) -> None:
    """Rules 1-3: visits per week, one a weekday, and one tutor (through y[n,t]) per need."""
    wanted = cands.need_visits
    for g in groups(x_need):
        n = int(x_need[g[0]])
        if len(g) > wanted[n]:
            lp.add(g, np.ones(len(g)), wanted[n])
        tutors = np.unique(x_tutor[g])
        if wanted[n] > 1 and len(tutors) > 1:
            ys = lp.new_vars(np.zeros(len(tutors)))
            for t, y in zip(tutors.tolist(), ys.tolist()):
                for i in g[x_tutor[g] == t].tolist():
                    lp.add([i, y], [1.0, -1.0], 0)
            lp.add(ys, np.ones(len(ys)), 1)
    for g in groups(x_need, x_day):
        if len(g) > 1:
            lp.add(g, np.ones(len(g)), 1)


def _evening_rows(lp: SparseLP, cands: Candidates, combo_x, x_need) -> None:
    """Rule 5: per tutor evening, its conflict cliques and its length mixes (through z[t,d,p] when several)."""
    minutes = np.array([n.need.minutes for n in cands.needs], dtype=np.int64)
    for evening, ids in tutor_evenings(cands):
        xs = np.unique(combo_x[ids])
        x_of = dict(zip(x_need[xs].tolist(), xs.tolist()))
        for clique in evening.cliques:
            lp.add([x_of[n] for n in clique], np.ones(len(clique)), 1)
        per_length = [xs[minutes[x_need[xs]] == length] for length in evening.lengths]
        if len(evening.patterns) == 1:
            for k, members in enumerate(per_length):
                if len(members) > evening.patterns[0][k]:
                    lp.add(members, np.ones(len(members)), evening.patterns[0][k])
            continue
        zs = lp.new_vars(np.zeros(len(evening.patterns)))
        lp.add(zs, np.ones(len(zs)), 1)
        for k, members in enumerate(per_length):
            mix = np.array([p[k] for p in evening.patterns], dtype=float)
            lp.add(np.concatenate([members, zs]), np.concatenate([np.ones(len(members)), -mix]), 0)


def _solve_duals(lp: SparseLP) -> np.ndarray:
    """GLOP's dual values of the rows (zeros if it fails: the dual value then falls back to sum of max(0, c))."""
    mp = linear_solver_pb2.MPModelProto(maximize=True)
    for coef in np.concatenate(lp.objective).tolist():
        mp.variable.add(lower_bound=0.0, upper_bound=1.0, objective_coefficient=coef)
    for cols, vals, rhs in zip(lp.cols, lp.vals, lp.rhs):
        mp.constraint.add(var_index=cols.tolist(), coefficient=vals.tolist(), lower_bound=-math.inf, upper_bound=rhs)
    solver = pywraplp.Solver.CreateSolver("GLOP")
    error = solver.LoadModelFromProto(mp)
    if error:
        raise ValueError(error)
    status = solver.Solve()
    if status != pywraplp.Solver.OPTIMAL:
        log.warning("evening bound: GLOP status %d", status)
        return np.zeros(len(lp.rhs))
    response = linear_solver_pb2.MPSolutionResponse()
    solver.FillSolutionResponseProto(response)
    return np.maximum(0.0, np.asarray(response.dual_value, dtype=float))


def _dual_value(c, row, col, val, rhs, u) -> float:
    """Weak duality: b'u + sum of max(0, c - A'u) over variables in [0, 1], an upper bound for any u >= 0."""
    reduced = c - np.bincount(col, weights=val * u[row], minlength=len(c))
    return float(rhs @ u + np.maximum(0.0, reduced).sum())
