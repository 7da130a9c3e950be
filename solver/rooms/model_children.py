"""Phase 1: each child's home site — the nearest allowed site with room, 中3 first, few moves from the previous plan."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.geo import travel_minutes
from solver.rooms.eligibility import child_sites
from solver.rooms.greedy_children import greedy_child_sites, seat_children
from solver.rooms.model import PhaseRun, solve_phase
from solver.rooms.problem import Child, RoomsProblem
from solver.rooms.solution import PhaseStats
from solver.rooms.weights import (
    W_CHILD_MOVE, W_CHILD_NOT_PREFERRED, W_CHILD_TRAVEL_MINUTE, W_CHILD_UNASSIGNED, child_priority,
)


def _one_site_per_child(model, a, none, problem: RoomsProblem) -> None:
    """Hard: a child has one home site, or none (its own variable, so the relaxation stays tight)."""
    by_child = {c.id: [] for c in problem.children}
    for (c, _s), v in a.items():
        by_child[c].append(v)
    for child in problem.children:
        model.add_exactly_one([*by_child[child.id], none[child.id]])


def _child_pins(model, a, problem: RoomsProblem) -> None:
    """Hard: pinned child sites hold."""
    for pin in problem.pins.child_sites:
        model.add(a[pin.child_id, pin.site_id] == 1)


def _site_capacity(model, a, problem: RoomsProblem, children: dict[str, Child]) -> None:
    """Hard: on each of a site's weekdays, the children who can come fit the room."""
    by_site = {s.id: [] for s in problem.sites}
    for (c, s), v in a.items():
        by_site[s].append(((c, s), v))
    for site in problem.sites:
        for window in site.windows:
            coming = [v for (c, s), v in by_site[site.id] if window.weekday in children[c].weekdays]
            if len(coming) > site.capacity:
                model.add(sum(coming) <= site.capacity)


def option_costs(problem: RoomsProblem) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Soft: the cost of each (child, site) option (travel beyond the nearest site, non-preferred, moved) and of no site."""
    sites = {s.id: s for s in problem.sites}
    previous = {p.child_id: p.site_id for p in (problem.previous.child_sites if problem.previous else ())}
    unit, none = {}, {}
    for child in problem.children:
        options = child_sites(problem, child)
        if not options:
            none[child.id] = 0
            continue
        none[child.id] = W_CHILD_UNASSIGNED * child_priority(child)
        # Leaving a child without a site also changes their plan.
        none[child.id] += W_CHILD_MOVE if child.id in previous else 0
        nearest = min(travel_minutes(child.home, s.location) for s in options)
        for s in options:
            cost = W_CHILD_TRAVEL_MINUTE * (travel_minutes(child.home, sites[s.id].location) - nearest)
            if child.preferred_site_ids and s.id not in child.preferred_site_ids:
                cost += W_CHILD_NOT_PREFERRED
            if child.id in previous and previous[child.id] != s.id:
                cost += W_CHILD_MOVE
            unit[child.id, s.id] = cost
    return unit, none


def _plan_cost(site_of: dict[str, str | None], unit: dict, none: dict) -> int:
    """The objective of a complete assignment (the greedy fallback's, when CP-SAT has none)."""
    return sum(unit[c, s] if s is not None else none[c] for c, s in site_of.items())


def assign_children(problem: RoomsProblem, time_limit_s: float, seed: int,
                    should_stop: Callable[[], bool] | None = None) -> tuple[dict[str, str | None], PhaseRun]:
    """Choose each child's home site; returns child id -> site id (None when no allowed site has room)."""
    model = cp_model.CpModel()
    children = {c.id: c for c in problem.children}
    a = {}
    for child in problem.children:
        for site in child_sites(problem, child):
            a[child.id, site.id] = model.new_bool_var(f"child_{child.id}_site_{site.id}")
    none = {c.id: model.new_bool_var(f"child_{c.id}_no_site") for c in problem.children}
    _one_site_per_child(model, a, none, problem)
    _child_pins(model, a, problem)
    _site_capacity(model, a, problem, children)
    unit, none_cost = option_costs(problem)
    model.minimize(sum(c * a[key] for key, c in unit.items() if c) + sum(c * none[k] for k, c in none_cost.items() if c))
    start = greedy_child_sites(problem)
    for (c, s), v in a.items():
        model.add_hint(v, start[c] == s)
    for c, v in none.items():
        model.add_hint(v, start[c] is None)
    # The full linear relaxation closes this transportation-like model at the root.
    run = solve_phase(model, "children", time_limit_s, seed, should_stop=should_stop, linearization_level=2)
    chosen = start
    if run.has_solution:
        chosen = {c.id: None for c in problem.children}
        for (c, s), v in a.items():
            if run.solver.boolean_value(v):
                chosen[c] = s
        # A solution cut short by the time limit may leave a seat free that a child could take.
        chosen = seat_children(problem, chosen)
        if _plan_cost(start, unit, none_cost) < _plan_cost(chosen, unit, none_cost):
            chosen = start
    objective = _plan_cost(chosen, unit, none_cost)
    if run.has_solution and run.stats.objective == objective:
        return chosen, run
    # The bound stays CP-SAT's when it proved one, else 0: every cost is non-negative.
    bound = min(objective, max(0.0, run.stats.bound)) if run.has_solution else 0.0
    status = "optimal" if objective <= bound else "feasible"
    return chosen, PhaseRun(run.solver, PhaseStats("children", status, float(objective), bound, run.stats.seconds))
