"""Substitutes for one dated home visit whose tutor is absent: who could go instead, and assigning them.

A substitute must satisfy every hard rule of the solver for that weekly slot (checked by the solver's own
checker through OptionChecker), must not be away on that date, must have nothing in their timetable then
(a session or another visit, travel included), and takes on the date's other stand-ins too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import OccurrenceStatus, PlanKind, PlanStatus, TutorException, Visit, VisitOccurrence
from matching.notify.plan_notices import Recipients, queue_notices
from matching.planning.timetable import VISIT, load_timetable
from matching.planning.visits.adjust import placement_context
from matching.services.audit import record
from matching.services.errors import InThePast, InvalidState, NotFound
from solver.geo import travel_minutes
from solver.visits.candidates import language_mismatch
from solver.visits.solution import Visit as SolverVisit


@dataclass(frozen=True)
class Substitute:
    """A tutor who could take the visit on that date, and why they fit."""

    tutor_id: int
    name: str
    travel_minutes: int
    language_match: bool
    weekly_visits: int

    @property
    def fit(self) -> tuple:
        """Sort key: shorter travel, a shared language, a lighter week."""
        return (self.travel_minutes, not self.language_match, self.weekly_visits, self.tutor_id)


@dataclass(frozen=True)
class SubstituteChoice:
    """One dated visit needing cover, with the substitutes ranked best first."""

    occurrence_id: int
    on_date: date
    start: int
    end: int
    student_id: int
    subject: str
    absent_tutor_id: int
    current_substitute_id: Optional[int]
    cancelled: bool
    substitutes: list[Substitute]


def _occurrence(session: Session, programme_id: int, occurrence_id: int, today: date) -> VisitOccurrence:
    """The published plan's dated visit to cover or cancel; one before today is history (InThePast)."""
    occurrence = session.get(VisitOccurrence, occurrence_id)
    if occurrence is None or occurrence.visit.plan.programme_id != programme_id:
        raise NotFound(f"visit occurrence {occurrence_id}")
    plan = occurrence.visit.plan
    if plan.kind is not PlanKind.VISITS or plan.status is not PlanStatus.PUBLISHED:
        raise InvalidState(f"occurrence {occurrence_id} is not in the published plan")
    if occurrence.on_date < today:
        raise InThePast(today)
    return occurrence


def _away_on(session: Session, day: date) -> set[int]:
    return set(session.scalars(select(TutorException.tutor_id).where(
        TutorException.starts_on <= day, TutorException.ends_on >= day)))


def _stand_ins_on(session: Session, plan_id: int, day: date, skip: int) -> list[SolverVisit]:
    """Visits on that date already covered by a substitute: extra work for that substitute's week."""
    rows = session.scalars(select(VisitOccurrence).join(Visit).where(
        Visit.plan_id == plan_id, VisitOccurrence.on_date == day, VisitOccurrence.substitute_tutor_id.is_not(None),
        VisitOccurrence.id != skip)).all()
    return [SolverVisit(str(o.visit.student_id), o.visit.subject, str(o.substitute_tutor_id), o.visit.weekday,
                        o.start_minute, o.end_minute, 0) for o in rows]


def visit_substitutes(session: Session, programme_id: int, occurrence_id: int, today: date,
                      locale: str = "ja") -> SubstituteChoice:
    """Every tutor who could take this dated visit without breaking a hard rule, best fit first."""
    occurrence = _occurrence(session, programme_id, occurrence_id, today)
    visit = occurrence.visit
    _need, _replaced, problem, child, others, checker, labels = placement_context(
        session, visit.plan, visit.need_id, visit.id, today, locale)
    extra = _stand_ins_on(session, visit.plan_id, occurrence.on_date, occurrence.id)
    for stand_in in extra:
        checker.add(stand_in)
    loads = Counter(v.tutor_id for v in others + extra)
    away = _away_on(session, occurrence.on_date) | {visit.tutor_id}
    timetable = load_timetable(session, programme_id, occurrence.on_date, occurrence.on_date)
    substitutes = []
    for tutor in problem.tutors:
        if int(tutor.id) in away or not tutor.teaches(visit.subject, child.grade):
            continue
        if timetable.clashing(int(tutor.id), occurrence.on_date, occurrence.start_minute, occurrence.end_minute,
                              child.home, skip=(VISIT, occurrence.id)):
            continue
        travel = travel_minutes(tutor.home, child.home)
        candidate = SolverVisit(child.id, visit.subject, tutor.id, visit.weekday, occurrence.start_minute,
                                occurrence.end_minute, travel)
        if not checker.breaks(candidate):
            substitutes.append(Substitute(int(tutor.id), labels.tutors.get(tutor.id, tutor.id), travel,
                                          not language_mismatch(child, tutor), loads[tutor.id]))
    return SubstituteChoice(occurrence.id, occurrence.on_date, occurrence.start_minute, occurrence.end_minute,
                            visit.student_id, visit.subject, visit.tutor_id, occurrence.substitute_tutor_id,
                            occurrence.status is OccurrenceStatus.CANCELLED, sorted(substitutes, key=lambda s: s.fit))


def assign_substitute(session: Session, programme_id: int, occurrence_id: int, tutor_id: int, user_id: Optional[int],
                      today: date) -> VisitOccurrence:
    """Send a substitute on this date; only a tutor from the ranked list (every hard rule kept) is accepted."""
    choice = visit_substitutes(session, programme_id, occurrence_id, today)
    if tutor_id not in {s.tutor_id for s in choice.substitutes}:
        raise InvalidState(f"tutor {tutor_id} cannot take occurrence {occurrence_id}")
    occurrence = session.get(VisitOccurrence, occurrence_id)
    occurrence.substitute_tutor_id = tutor_id
    occurrence.status = OccurrenceStatus.PLANNED
    record(session, user_id, "substitute_assigned", "visit_occurrence", occurrence.id, tutor_id=tutor_id,
           absent_tutor_id=choice.absent_tutor_id)
    session.flush()
    _tell(session, programme_id, occurrence, {tutor_id}, "substitute", today)
    session.commit()
    return occurrence


def cancel_occurrence(session: Session, programme_id: int, occurrence_id: int, user_id: Optional[int],
                      today: date) -> VisitOccurrence:
    """Cancel one dated visit (no substitute could go); the family and the tutor are told."""
    occurrence = _occurrence(session, programme_id, occurrence_id, today)
    dropped = {occurrence.substitute_tutor_id} if occurrence.substitute_tutor_id else set()
    occurrence.status = OccurrenceStatus.CANCELLED
    occurrence.substitute_tutor_id = None
    record(session, user_id, "visit_cancelled", "visit_occurrence", occurrence.id)
    session.flush()
    _tell(session, programme_id, occurrence, {occurrence.visit.tutor_id} | dropped, "cancellation", today)
    session.commit()
    return occurrence


def _tell(session: Session, programme_id: int, occurrence: VisitOccurrence, tutor_ids: set[int], kind: str,
          today: date) -> None:
    """Notices to the tutors concerned and the child's household about one changed date."""
    household_id = occurrence.visit.student.household_id
    queue_notices(session, programme_id, Recipients(frozenset(tutor_ids), frozenset({household_id})), kind, today)
