"""The plan against the current (published) visits: kept, moved, new and dropped."""

from __future__ import annotations

from collections import defaultdict

from solver.geo import travel_minutes
from solver.visits.problem import VisitsProblem
from solver.visits.solution import ChangeSummary, Move, Visit


def current_visits(problem: VisitsProblem) -> list[Visit]:
    """The current visits as Visit records (travel 0 when the tutor is no longer in the problem)."""
    tutors = {t.id: t for t in problem.tutors}
    out = []
    for child in problem.children:
        minutes = {n.subject: n.minutes for n in child.needs}
        for v in child.current_visits:
            tutor = tutors.get(v.tutor_id)
            travel = travel_minutes(tutor.home, child.home) if tutor else 0
            out.append(Visit(child.id, v.subject, v.tutor_id, v.weekday, v.start, v.start + minutes.get(v.subject, 0), travel))
    return out


def _slot(v: Visit) -> tuple:
    return (v.tutor_id, v.weekday, v.start)


def change_summary(problem: VisitsProblem, visits: tuple[Visit, ...] | list[Visit]) -> ChangeSummary:
    """The plan's visits against the problem's current visits (see diff_visits)."""
    return diff_visits(current_visits(problem), visits)


def diff_visits(previous: tuple[Visit, ...] | list[Visit], visits: tuple[Visit, ...] | list[Visit]) -> ChangeSummary:
    """Per child and subject: unchanged visits are kept, changed ones moved, extra new ones new, missing ones dropped."""
    before: dict[tuple[str, str], list[Visit]] = defaultdict(list)
    after: dict[tuple[str, str], list[Visit]] = defaultdict(list)
    for v in previous:
        before[(v.child_id, v.subject)].append(v)
    for v in visits:
        after[(v.child_id, v.subject)].append(v)
    kept, moved, new, dropped = [], [], [], []
    for key in sorted(set(before) | set(after)):
        old = sorted(before.get(key, []))
        now = sorted(after.get(key, []))
        same = {_slot(v) for v in old} & {_slot(v) for v in now}
        kept += [v for v in now if _slot(v) in same]
        old_rest = [v for v in old if _slot(v) not in same]
        now_rest = [v for v in now if _slot(v) not in same]
        pairs = min(len(old_rest), len(now_rest))
        moved += [Move(o, n) for o, n in zip(old_rest[:pairs], now_rest[:pairs])]
        new += now_rest[pairs:]
        dropped += old_rest[pairs:]
    return ChangeSummary(tuple(kept), tuple(moved), tuple(new), tuple(dropped))
