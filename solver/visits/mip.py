"""The same combo model as a mixed-integer program for SCIP, and its LP relaxation for GLOP (both bundled with OR-Tools).

Not used by solve_visits: measured on the benchmark instances, SCIP is far slower
than CP-SAT on this model (2,000 combos: 8 s to prove optimal where CP-SAT takes
0.05-0.2 s; the demo's 14,000 combos: the root LP alone takes over 7 s in SoPlex,
and after 30 s SCIP had found nothing better than the greedy hint), and GLOP
needs 3.3 CPU seconds for the demo's LP relaxation (27,982,399, 0.5 % tighter than
the flow bound; CP-SAT's LP with cuts reaches 27,879,065). It is kept as an
independent check: the MIP reaches CP-SAT's proven optima on small instances and
its LP value bounds them (tests/unit/solver/visits/test_mip.py), and as a tool
for offline bounds.

The model is not built twice: the CP-SAT model from model.py (linear rows,
at-most-one cliques, clauses and implications over booleans, a linear
objective) is translated constraint by constraint into an MPModelProto, so both
solvers see exactly the same rules. SCIP runs with one thread and stops on a node
limit (a deterministic quantity), the wall clock only as a backstop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.linear_solver import linear_solver_pb2
from ortools.linear_solver import pywraplp

from solver.visits.model import VisitsModel

_INF = float("inf")
_INT_LIMIT = 2**62
_KINDS = ("at_most_one", "bool_or", "bool_and", "linear")


@dataclass
class MipResult:
    """What SCIP found: a value per model boolean (or None), whether it is proven optimal, and the proven bound."""

    values: np.ndarray | None
    status: str
    optimal: bool
    bound: float
    objective: float


def _add_literal_row(mp: linear_solver_pb2.MPModelProto, lits, lower: float, upper: float) -> None:
    # sum of literals in [lower, upper]; a negated literal -v-1 stands for (1 - x_v).
    ct = mp.constraint.add()
    shift = 0
    idx, coef = [], []
    for lit in lits:
        if lit >= 0:
            idx.append(lit)
            coef.append(1.0)
        else:
            idx.append(-lit - 1)
            coef.append(-1.0)
            shift += 1
    ct.var_index.extend(idx)
    ct.coefficient.extend(coef)
    ct.lower_bound = lower - shift
    ct.upper_bound = upper - shift


def to_mip(m: VisitsModel) -> linear_solver_pb2.MPModelProto:
    """Translate the CP-SAT model (booleans, linear rows, at-most-one, clauses, enforced and-clauses) into a MIP."""
    cp = m.model.proto
    mp = linear_solver_pb2.MPModelProto()
    mp.maximize = True
    for v in cp.variables:
        var = mp.variable.add()
        domain = list(v.domain)
        var.lower_bound, var.upper_bound = float(domain[0]), float(domain[-1])
        var.is_integer = True
    for c in cp.constraints:
        enforcement = list(c.enforcement_literal)
        kind = next((k for k in _KINDS if getattr(c, "has_" + k)()), None)
        if kind == "at_most_one" and not enforcement:
            _add_literal_row(mp, c.at_most_one.literals, -_INF, 1)
        elif kind == "bool_or" and not enforcement:
            _add_literal_row(mp, c.bool_or.literals, 1, _INF)
        elif kind == "bool_and" and len(enforcement) == 1:
            # e implies every literal l: l - e >= 0, with literals possibly negated.
            e = enforcement[0]
            for lit in c.bool_and.literals:
                _add_literal_row(mp, [lit, -e - 1], 1, _INF)
        elif kind == "linear" and not enforcement:
            if len(c.linear.domain) != 2:
                raise ValueError("linear constraint with a domain of several intervals")
            ct = mp.constraint.add()
            ct.var_index.extend(c.linear.vars)
            ct.coefficient.extend(float(k) for k in c.linear.coeffs)
            lo, hi = list(c.linear.domain)
            ct.lower_bound = -_INF if lo <= -_INT_LIMIT else float(lo)
            ct.upper_bound = _INF if hi >= _INT_LIMIT else float(hi)
        else:
            raise ValueError(f"constraint {kind} with enforcement {enforcement} has no MIP translation here")
    obj = cp.objective
    scale = obj.scaling_factor or 1.0
    for v, k in zip(obj.vars, obj.coeffs):
        mp.variable[v].objective_coefficient = float(k) * scale
    mp.objective_offset = float(obj.offset) * scale
    return mp


def add_hint(mp: linear_solver_pb2.MPModelProto, m: VisitsModel) -> None:
    """Copy CP-SAT's solution hint (a complete plan) into the MIP, where SCIP uses it as a starting solution."""
    hint = m.model.proto.solution_hint
    mp.solution_hint.var_index.extend(hint.vars)
    mp.solution_hint.var_value.extend(float(v) for v in hint.values)


def lp_bound(m: VisitsModel, seconds: float = 600.0) -> float | None:
    """The LP relaxation's optimum by GLOP (an upper bound on every plan's objective), or None if not solved in time."""
    mp = to_mip(m)
    for var in mp.variable:
        var.is_integer = False
    solver = pywraplp.Solver.CreateSolver("GLOP")
    error = solver.LoadModelFromProto(mp)
    if error:
        raise ValueError(error)
    solver.SetTimeLimit(max(50, int(seconds * 1000)))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    return solver.Objective().Value()


def solve_mip(
    m: VisitsModel,
    seconds: float,
    node_limit: int,
    seed: int = 0,
) -> MipResult:
    """SCIP on the model: one thread, a node limit for reproducible stops, the wall clock only as a backstop."""
    mp = to_mip(m)
    add_hint(mp, m)
    solver = pywraplp.Solver.CreateSolver("SCIP")
    error = solver.LoadModelFromProto(mp)
    if error:
        raise ValueError(error)
    solver.SetTimeLimit(max(50, int(seconds * 1000)))
    solver.SetNumThreads(1)
    solver.SetSolverSpecificParametersAsString(
        "\n".join(
            [
                f"limits/totalnodes = {int(node_limit)}",
                f"randomization/randomseedshift = {int(seed) % 2**31}",
                "limits/gap = 0",
                "limits/absgap = 0.5",  # the objective is integral: within 1 is proven optimal
            ]
        )
    )
    solver.Solve()
    response = linear_solver_pb2.MPSolutionResponse()
    solver.FillSolutionResponseProto(response)
    status = linear_solver_pb2.MPSolverResponseStatus.Name(response.status)
    has = response.status in (linear_solver_pb2.MPSOLVER_OPTIMAL, linear_solver_pb2.MPSOLVER_FEASIBLE) and len(response.variable_value)
    values = np.asarray(response.variable_value, dtype=float) if has else None
    return MipResult(values, status, response.status == linear_solver_pb2.MPSOLVER_OPTIMAL, response.best_objective_bound, response.objective_value)
