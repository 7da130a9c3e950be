"""Check a change by re-solving: the changed problem around a few tutors, the rest of the plan kept as it is.

A whole re-solve of the demo takes seconds and may spend them elsewhere; the
needs a change can affect are those of the tutors it touches. So the re-solve is
a small problem of its own: those tutors, every need they visit, the waiting
needs that could use them (so a higher-priority child competes for what the
change frees, as in a whole re-solve) and the need to serve. A child's visits by
other tutors stay as they are and are taken out of that child's free times; the
plan's visits are the current visits, so nothing moves unless coverage grows.
The small problem goes through solve_visits (one CP-SAT model, proven optimal in
well under a second at these sizes), and the plan it gives, joined to the rest,
must pass the independent checker on the whole changed problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from solver.clock import WeeklyWindow
from solver.visits.check import check_visits
from solver.visits.problem import Child, CurrentVisit, VisitsProblem
from solver.visits.solution import Visit, VisitsSolution
from solver.visits.solve import solve_visits


@dataclass(frozen=True)
class Recheck:
    """The outcome of a re-solve: whether the need is served with no higher-priority visit dropped, and what moved."""

    served: bool
    other_changes: int  # other visits of the plan moved or dropped
    visits: tuple[Visit, ...]


def with_current_visits(problem: VisitsProblem, visits) -> VisitsProblem:
    """The problem with this plan's visits as every child's current visits (what a re-solve starts from)."""
    by_child: dict[str, list[CurrentVisit]] = {}
    for v in visits:
        by_child.setdefault(v.child_id, []).append(CurrentVisit(v.subject, v.tutor_id, v.weekday, v.start))
    return replace(problem, children=tuple(replace(c, current_visits=tuple(by_child.get(c.id, ()))) for c in problem.children))


def _minus(windows: tuple[WeeklyWindow, ...], taken: list[Visit]) -> tuple[WeeklyWindow, ...]:
    """The windows with the taken visits' times cut out."""
    out = []
    for w in windows:
        pieces = [(w.start, w.end)]
        for v in taken:
            if v.weekday == w.weekday:
                pieces = [p for a, b in pieces for p in ((a, min(b, v.start)), (max(a, v.end), b)) if p[0] < p[1]]
        out += [WeeklyWindow(w.weekday, a, b) for a, b in pieces]
    return tuple(out)


def local_problem(problem: VisitsProblem, visits: tuple[Visit, ...], tutors: set[str], needs: set[tuple[str, str]]) -> VisitsProblem:
    """The problem restricted to these tutors and needs; each child's visits for other needs are cut out of its times."""
    children, of_child = [], {}
    for v in visits:
        of_child.setdefault(v.child_id, []).append(v)
    for c in problem.children:
        mine = [n for n in c.needs if (c.id, n.subject) in needs]
        if not mine:
            continue
        outside = [v for v in of_child.get(c.id, ()) if (c.id, v.subject) not in needs]
        current = tuple(CurrentVisit(v.subject, v.tutor_id, v.weekday, v.start) for v in of_child.get(c.id, ())
                        if (c.id, v.subject) in needs)
        children.append(replace(c, needs=tuple(mine), availability=_minus(c.availability, outside), current_visits=current))
    kept = {c.id for c in children}
    return replace(
        problem,
        children=tuple(children),
        tutors=tuple(t for t in problem.tutors if t.id in tutors),
        pins=tuple(p for p in problem.pins if (p.child_id, p.subject) in needs and p.tutor_id in tutors),
        forbidden_pairs=tuple(f for f in problem.forbidden_pairs if f.child_id in kept and f.tutor_id in tutors),
    )


def recheck(changed: VisitsProblem, visits: tuple[Visit, ...], tutors: set[str], needs: set[tuple[str, str]],
            target: tuple[str, str], time_limit_s: float, seed: int) -> Recheck:
    """Re-solve the changed problem around these tutors and needs; served only if the checker passes the whole plan.

    Every visit of the needs must be by one of the tutors (a need visited by another tutor stays outside).
    """
    local = solve_visits(local_problem(changed, visits, tutors, needs), time_limit_s=time_limit_s, seed=seed)
    if local.status not in ("optimal", "feasible"):
        return Recheck(False, 0, visits)
    plan = tuple(sorted([v for v in visits if (v.child_id, v.subject) not in needs] + list(local.visits)))
    points = {c.id: changed.visit_points(c) for c in changed.children}
    wanted = {(c.id, n.subject): n.visits_per_week for c in changed.children for n in c.needs}
    before, after = Counter((v.child_id, v.subject) for v in visits), Counter((v.child_id, v.subject) for v in plan)
    higher_kept = all(after[k] >= n for k, n in before.items() if k != target and points[k[0]] >= points[target[0]])
    served = after[target] >= wanted[target] and higher_kept and not check_visits(changed, VisitsSolution("feasible", 0, 0, plan))
    others = set(v for v in visits if (v.child_id, v.subject) != target)
    return Recheck(served, len(others - set(plan)), plan)
