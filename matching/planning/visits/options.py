"""Options for placing one need: every tutor and time that teaches it, ranked by fit, each with its rule breaks.

The hard rules are the solver's own checker (solver.visits.check), run on the visits an option touches,
so a break is reported in the checker's words and no second copy of the rules exists here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from solver.geo import travel_minutes
from solver.visits.candidates import language_mismatch
from solver.visits.check import Violation, check_visits
from solver.visits.problem import Child, Tutor, VisitsProblem
from solver.visits.solution import Visit, VisitsSolution

# How many times per tutor, and how many options in all, the reassign page lists.
PER_TUTOR = 3
MAX_OPTIONS = 40


@dataclass(frozen=True)
class Option:
    """One placement of a need: tutor, weekday and start, how well it fits, and the hard rules it breaks."""

    tutor_id: str
    weekday: int
    start: int
    end: int
    travel_minutes: int
    language_match: bool
    tutor_load: int
    breaks: tuple[Violation, ...]

    @property
    def fit(self) -> tuple:
        """Sort key: fewer breaks, then shorter travel, a shared language, a lighter tutor."""
        return (len(self.breaks), self.travel_minutes, not self.language_match, self.tutor_load,
                int(self.tutor_id), self.weekday, self.start)


@dataclass(frozen=True)
class Labels:
    """How the checker's messages name children, tutors and subjects (ids stay in the options)."""

    children: dict[str, str]
    tutors: dict[str, str]
    subjects: dict[str, str]

    def visit(self, v: Visit) -> Visit:
        """The visit with labels for ids."""
        return replace(v, child_id=self.children.get(v.child_id, v.child_id),
                       tutor_id=self.tutors.get(v.tutor_id, v.tutor_id), subject=self.subjects.get(v.subject, v.subject))

    def problem(self, problem: VisitsProblem) -> VisitsProblem:
        """The problem with labels for ids."""
        c, t, s = (lambda k: self.children.get(k, k)), (lambda k: self.tutors.get(k, k)), (lambda k: self.subjects.get(k, k))
        children = tuple(replace(ch, id=c(ch.id), current_visits=(),
                                 needs=tuple(replace(n, subject=s(n.subject)) for n in ch.needs))
                         for ch in problem.children)
        tutors = tuple(replace(tu, id=t(tu.id), subjects=tuple(replace(x, subject=s(x.subject)) for x in tu.subjects))
                       for tu in problem.tutors)
        pins = tuple(replace(p, child_id=c(p.child_id), tutor_id=t(p.tutor_id), subject=s(p.subject))
                     for p in problem.pins)
        pairs = tuple(replace(f, child_id=c(f.child_id), tutor_id=t(f.tutor_id)) for f in problem.forbidden_pairs)
        return replace(problem, children=children, tutors=tutors, pins=pins, forbidden_pairs=pairs)


class OptionChecker:
    """Checks placements of one child's need against the rest of a plan, in the checker's words."""

    def __init__(self, problem: VisitsProblem, others: list[Visit], child_id: str, labels: Labels):
        self._labels = labels
        self._problem = labels.problem(problem)
        self._others = [labels.visit(v) for v in others]
        self._child = labels.children.get(child_id, child_id)
        self._baseline: dict[str, set[Violation]] = {}

    def _around(self, tutor: str) -> tuple[VisitsProblem, list[Visit]]:
        """Only the visits and pins a placement with this tutor can interact with."""
        near = [v for v in self._others if v.child_id == self._child or v.tutor_id == tutor]
        pins = tuple(p for p in self._problem.pins if p.child_id == self._child or p.tutor_id == tutor)
        return replace(self._problem, pins=pins), near

    def add(self, visit: Visit) -> None:
        """Count one more visit as part of the plan (e.g. a substitute's extra visit on a date)."""
        self._others.append(self._labels.visit(visit))
        self._baseline.pop(self._labels.tutors.get(visit.tutor_id, visit.tutor_id), None)

    def breaks(self, visit: Visit) -> tuple[Violation, ...]:
        """The hard-rule breaks the visit adds to the plan (ones the plan had without it are left out)."""
        visit = self._labels.visit(visit)
        problem, near = self._around(visit.tutor_id)
        if visit.tutor_id not in self._baseline:
            self._baseline[visit.tutor_id] = set(check_visits(problem, _solution(near)))
        found = check_visits(problem, _solution(near + [visit]))
        return tuple(dict.fromkeys(v for v in found if v not in self._baseline[visit.tutor_id]))


def _solution(visits: list[Visit]) -> VisitsSolution:
    return VisitsSolution(status="feasible", objective=0, best_bound=0, visits=tuple(visits))


def _starts(child: Child, tutor: Tutor, weekday: int, minutes: int, grid: int) -> list[int]:
    """Grid starts where the visit fits a window of the child or of the tutor on that weekday."""
    out = set()
    for w in child.availability + tutor.availability:
        if w.weekday == weekday:
            start = -(-w.start // grid) * grid
            while start + minutes <= w.end:
                out.add(start)
                start += grid
    return sorted(out)


def rank_options(problem: VisitsProblem, checker: OptionChecker, child: Child, subject: str, minutes: int,
                 loads: dict[str, int]) -> list[Option]:
    """Every tutor who teaches the subject at the child's grade, at each free time, best fit first."""
    per_tutor: list[Option] = []
    for tutor in problem.tutors:
        if not tutor.teaches(subject, child.grade):
            continue
        travel = travel_minutes(tutor.home, child.home)
        mine = []
        for weekday in range(7):
            for start in _starts(child, tutor, weekday, minutes, problem.grid_minutes):
                visit = Visit(child.id, subject, tutor.id, weekday, start, start + minutes, travel)
                mine.append(Option(tutor.id, weekday, start, start + minutes, travel,
                                   not language_mismatch(child, tutor), loads.get(tutor.id, 0), checker.breaks(visit)))
        per_tutor += sorted(mine, key=lambda o: o.fit)[:PER_TUTOR]
    return sorted(per_tutor, key=lambda o: o.fit)[:MAX_OPTIONS]
