"""Children are seated up to the rooms' capacity: the greedy fallback, the children phase and the checker agree."""

from __future__ import annotations

from dataclasses import replace

from solver.rooms.check import check_rooms
from solver.rooms.greedy_children import greedy_child_sites
from solver.rooms.model_children import assign_children
from solver.rooms.problem import ChildSitePin, Pins

from .conftest import make_child, make_problem, make_site
from .test_rules import GOOD, plan


def _unseated(problem, solution):
    return [v for v in check_rooms(problem, solution) if v.code == "child_unseated"]


def test_checker_flags_a_child_left_out_while_an_allowed_site_has_room(tiny):
    seats = {c.id: "A" for c in tiny.children} | {"C0": None}
    violations = _unseated(tiny, plan(tiny, GOOD, seats))
    assert [v.message_en for v in violations] == ["C0: has no site although site A has room on the child's days"]


def test_checker_accepts_a_child_left_out_when_every_allowed_site_is_full(tiny):
    problem = replace(tiny, sites=(make_site(capacity=3),))
    seats = {c.id: "A" for c in tiny.children} | {"C0": None}
    assert _unseated(problem, plan(problem, GOOD, seats)) == []


def test_greedy_seats_pins_first_then_middle_school_third_years_up_to_capacity():
    children = (make_child("C0", grade="中1"), make_child("C1"), make_child("C2", grade="中1"), make_child("C3"))
    problem = make_problem(sites=(make_site(capacity=2), make_site("B", capacity=20)), children=children,
                           pins=Pins(child_sites=(ChildSitePin("C2", "A"),)))
    problem = replace(problem, children=tuple(replace(c, allowed_site_ids=("A",)) for c in children[:3]) + children[3:])
    seats = greedy_child_sites(problem)
    # C2 is pinned to A, then 中3 C1 takes A's last seat; C3 (中3, any site) goes to B; 中1 C0 finds A full.
    assert seats == {"C2": "A", "C1": "A", "C3": "B", "C0": None}


def test_children_phase_seats_every_child_who_fits_and_keeps_child_pins():
    children = tuple(make_child(f"C{k}") for k in range(6))
    problem = make_problem(sites=(make_site(capacity=4), make_site("B", capacity=1)), children=children,
                           pins=Pins(child_sites=(ChildSitePin("C5", "B"),)))
    seats, run = assign_children(problem, 2.0, seed=0)
    assert seats["C5"] == "B" and sum(1 for s in seats.values() if s is not None) == 5
    assert run.stats.objective >= run.stats.bound >= 0
