"""Phase 1: each child's home site — the nearest allowed site with room, 中3 first, few moves from the previous plan."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.geo import travel_minutes
from solver.rooms.eligibility import child_sites
from solver.rooms.model import PhaseRun, solve_phase
from solver.rooms.problem import Child, RoomsProblem
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


def _costs(a, none, problem: RoomsProblem, children: dict[str, Child]) -> list:
    """Soft: unassigned children (by priority), travel beyond the nearest site, non-preferred sites, moves."""
    sites = {s.id: s for s in problem.sites}
    previous = {p.child_id: p.site_id for p in (problem.previous.child_sites if problem.previous else ())}
    terms = []
    by_child = {c.id: [] for c in problem.children}
    for (c, s), v in a.items():
        by_child[c].append((s, v))
    for child in problem.children:
        options = by_child[child.id]
        if not options:
            continue
        terms.append(W_CHILD_UNASSIGNED * child_priority(child) * none[child.id])
        nearest = min(travel_minutes(child.home, sites[s].location) for s, _v in options)
        for s, v in options:
            cost = W_CHILD_TRAVEL_MINUTE * (travel_minutes(child.home, sites[s].location) - nearest)
            if child.preferred_site_ids and s not in child.preferred_site_ids:
                cost += W_CHILD_NOT_PREFERRED
            if child.id in previous and previous[child.id] != s:
                cost += W_CHILD_MOVE
            if cost:
                terms.append(cost * v)
        if child.id in previous:
            # Leaving a child without a site also changes their plan.
            terms.append(W_CHILD_MOVE * none[child.id])
    return terms


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
    model.minimize(sum(_costs(a, none, problem, children)))
    # The full linear relaxation closes this transportation-like model at the root.
    run = solve_phase(model, "children", time_limit_s, seed, should_stop=should_stop, linearization_level=2)
    chosen: dict[str, str | None] = {c.id: None for c in problem.children}
    if run.has_solution:
        for (c, s), v in a.items():
            if run.solver.boolean_value(v):
                chosen[c] = s
    return chosen, run
