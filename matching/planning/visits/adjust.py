"""Adjusting a home-visit draft by hand: pin and unpin visits, reassign a need to another tutor or time.

Each save checks the plan's lock version (optimistic locking), bumps it, and is audited with ids only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matching.models import Plan, PlanKind, PlanStatus, Student, StudentNeed, Tutor, Visit, VisitPin
from matching.planning.lifecycle import check_version, load_plan, touch
from matching.planning.visits.changes import as_solver_visit
from matching.planning.visits.options import Labels, Option, OptionChecker, rank_options
from matching.planning.visits.problem import build_visits_problem
from matching.services.audit import record
from matching.services.errors import InvalidState, NotFound, StaleEdit
from matching.subjects import subject_label
from solver.geo import travel_minutes
from solver.visits.check import Violation
from solver.visits.solution import Visit as SolverVisit


class UnpinnableVisit(RuntimeError):
    """The visit breaks hard rules, so pinning it would make every later solve fail."""

    def __init__(self, breaks: tuple[Violation, ...]):
        super().__init__(f"{len(breaks)} hard rule(s) broken")
        self.breaks = breaks


class UnconfirmedBreaks(RuntimeError):
    """The chosen placement breaks hard rules and the coordinator has not confirmed saving it anyway."""

    def __init__(self, breaks: tuple[Violation, ...]):
        super().__init__(f"{len(breaks)} hard rule(s) broken")
        self.breaks = breaks


@dataclass(frozen=True)
class Reassignment:
    """The reassign page: the need, the visit being replaced (if any), and the ranked options."""

    plan_id: int
    lock_version: int
    need_id: int
    student_id: int
    subject: str
    grade: int
    visit_id: Optional[int]
    current: Optional[tuple[int, int, int]]  # tutor id, weekday, start of the replaced visit
    options: list[Option]
    tutor_names: dict[str, str]
    child_name: str = ""


def _draft(session: Session, programme_id: int, plan_id: int) -> Plan:
    plan = load_plan(session, programme_id, plan_id, PlanKind.VISITS)
    if plan.status is not PlanStatus.DRAFT:
        raise InvalidState(f"plan {plan.id} is {plan.status.value}, not a draft")
    return plan


def _commit(session: Session) -> None:
    try:
        session.commit()
    except StaleDataError as exc:  # another save reached the database between our check and our flush
        session.rollback()
        raise StaleEdit(str(exc)) from exc


def _pins_of(session: Session, plan_id: int, visit: Visit) -> list[VisitPin]:
    return list(session.scalars(select(VisitPin).where(
        VisitPin.plan_id == plan_id, VisitPin.need_id == visit.need_id, VisitPin.tutor_id == visit.tutor_id,
        VisitPin.weekday == visit.weekday, VisitPin.start_minute == visit.start_minute)))


def _visit(plan: Plan, visit_id: int) -> Visit:
    visit = next((v for v in plan.visits if v.id == visit_id), None)
    if visit is None:
        raise NotFound(f"visit {visit_id} of plan {plan.id}")
    return visit


def pin_visit(session: Session, programme_id: int, plan_id: int, visit_id: int, expected_lock_version: int,
              user_id: Optional[int], today: date, locale: str = "ja") -> None:
    """Pin a visit of the draft, so every re-solve keeps it; a visit that breaks a hard rule cannot be pinned."""
    plan = _draft(session, programme_id, plan_id)
    check_version(plan, expected_lock_version)
    visit = _visit(plan, visit_id)
    checker = placement_context(session, plan, visit.need_id, visit.id, today, locale)[5]
    breaks = checker.breaks(as_solver_visit(visit))
    if breaks:
        raise UnpinnableVisit(breaks)
    if not _pins_of(session, plan.id, visit):
        session.add(VisitPin(plan_id=plan.id, need_id=visit.need_id, tutor_id=visit.tutor_id, weekday=visit.weekday,
                             start_minute=visit.start_minute, created_by_id=user_id))
    touch(plan)
    record(session, user_id, "visit_pinned", "plan", plan.id, visit_id=visit.id, need_id=visit.need_id,
           tutor_id=visit.tutor_id)
    _commit(session)


def unpin_visit(session: Session, programme_id: int, plan_id: int, visit_id: int, expected_lock_version: int,
                user_id: Optional[int]) -> None:
    """Remove a visit's pin; the next re-solve may move it."""
    plan = _draft(session, programme_id, plan_id)
    check_version(plan, expected_lock_version)
    visit = _visit(plan, visit_id)
    for pin in _pins_of(session, plan.id, visit):
        session.delete(pin)
    touch(plan)
    record(session, user_id, "visit_unpinned", "plan", plan.id, visit_id=visit.id, need_id=visit.need_id)
    _commit(session)


def _unique(names: dict[str, str]) -> dict[str, str]:
    """Names as labels, with the id added where two people share a name."""
    seen = Counter(names.values())
    return {k: (f"{n}(#{k})" if seen[n] > 1 else n) for k, n in names.items()}


def placement_context(session: Session, plan: Plan, need_id: int, visit_id: Optional[int], today: date, locale: str):
    """The need, the visit it replaces, the problem's child, and a checker of options against the rest of the plan."""
    need = session.get(StudentNeed, need_id)
    student = session.get(Student, need.student_id) if need else None
    if student is None or student.household.programme_id != plan.programme_id:
        raise NotFound(f"need {need_id}")
    replaced = _visit(plan, visit_id) if visit_id is not None else None
    if replaced is not None and replaced.need_id != need.id:
        raise NotFound(f"visit {visit_id} of need {need_id}")
    problem = build_visits_problem(session, plan.programme_id, plan.id, today)
    child = next((c for c in problem.children if c.id == str(student.id)), None)
    if child is None:
        raise InvalidState(f"student {student.id} is not an active home-visit child")
    others = [as_solver_visit(v) for v in plan.visits if v is not replaced]
    student_names = dict(session.execute(select(Student.id, Student.family_name + " " + Student.given_name)
                                         .where(Student.id.in_({int(c.id) for c in problem.children}))).all())
    tutor_names = dict(session.execute(select(Tutor.id, Tutor.family_name + " " + Tutor.given_name)
                                       .where(Tutor.programme_id == plan.programme_id)).all())
    labels = Labels(_unique({str(k): v for k, v in student_names.items()}),
                    _unique({str(k): v for k, v in tutor_names.items()}),
                    {code: subject_label(code, locale) for code in {n.subject for n in child.needs}})
    checker = OptionChecker(problem, others, child.id, labels)
    return need, replaced, problem, child, others, checker, labels


def reassign_options(session: Session, programme_id: int, plan_id: int, need_id: int, visit_id: Optional[int],
                     today: date, locale: str = "ja") -> Reassignment:
    """The tutors and times a need could move to, best fit first, each with the hard rules it would break."""
    plan = _draft(session, programme_id, plan_id)
    need, replaced, problem, child, others, checker, labels = placement_context(session, plan, need_id, visit_id, today, locale)
    loads = Counter(v.tutor_id for v in others)
    options = rank_options(problem, checker, child, need.subject, need.minutes_per_visit, loads)
    current = (replaced.tutor_id, replaced.weekday, replaced.start_minute) if replaced else None
    return Reassignment(plan.id, plan.lock_version, need.id, need.student_id, need.subject, child.grade,
                        replaced.id if replaced else None, current, options, labels.tutors,
                        labels.children.get(str(need.student_id), ""))


def save_reassignment(session: Session, programme_id: int, plan_id: int, need_id: int, visit_id: Optional[int],
                      tutor_id: int, weekday: int, start: int, expected_lock_version: int, confirmed: bool,
                      user_id: Optional[int], today: date, locale: str = "ja") -> tuple[Violation, ...]:
    """Replace the visit (or add one for an unmet need) with the chosen placement; breaks need confirming."""
    plan = _draft(session, programme_id, plan_id)
    check_version(plan, expected_lock_version)
    need, replaced, problem, child, _others, checker, _labels = placement_context(session, plan, need_id, visit_id, today, locale)
    tutor = next((t for t in problem.tutors if t.id == str(tutor_id)), None)
    if tutor is None or not 0 <= weekday <= 6 or not 0 <= start <= 24 * 60 - need.minutes_per_visit:
        raise NotFound(f"placement of tutor {tutor_id}")
    travel = travel_minutes(tutor.home, child.home)
    end = start + need.minutes_per_visit
    breaks = checker.breaks(SolverVisit(child.id, need.subject, tutor.id, weekday, start, end, travel))
    if breaks and not confirmed:
        raise UnconfirmedBreaks(breaks)
    if replaced is not None:
        for pin in _pins_of(session, plan.id, replaced):
            session.delete(pin)
        plan.visits.remove(replaced)
    # The confirmed breaks stay with the visit: a re-solve keeps to every rule, so if it cannot keep this
    # decision its diff names the visit and the rules it broke.
    plan.visits.append(Visit(student_id=need.student_id, need_id=need.id, subject=need.subject, tutor_id=tutor_id,
                             weekday=weekday, start_minute=start, end_minute=end, travel_minutes=travel,
                             override_codes=sorted({b.code for b in breaks})))
    touch(plan)
    record(session, user_id, "visit_reassigned", "plan", plan.id, need_id=need.id, replaced_visit_id=visit_id,
           tutor_id=tutor_id, weekday=weekday, start_minute=start, breaks=sorted({b.code for b in breaks}))
    _commit(session)
    return breaks
