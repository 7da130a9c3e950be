"""Attendance history for demos and benchmarks: every published visit and session before a day, marked at random.

Most visits are done, a few missed or cancelled; most sessions are held, each child coming with their own
likelihood, the planned staff working. Rows are inserted in bulk (a year of a 10,000-child programme is
a few hundred thousand rows).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from matching.models import (
    OccurrenceStatus, Plan, PlanStatus, RollCall, RollCallChild, RollCallTutor, Session as RoomSession, SessionStaff,
    StudentSiteAssignment, Visit, VisitAttendance, VisitOccurrence, VisitOutcome,
)

VISIT_OUTCOMES = (VisitOutcome.DONE, VisitOutcome.CHILD_ABSENT, VisitOutcome.TUTOR_ABSENT, VisitOutcome.CANCELLED)
VISIT_WEIGHTS = (86, 7, 3, 4)
NOT_HELD_SHARE = 0.03
NOT_HELD_REASONS = ("台風の接近", "会場の都合", "講師が揃わず")
BATCH = 5000


@dataclass(frozen=True)
class HistorySummary:
    """How many rows mark_history wrote."""

    visits: int
    sessions: int
    child_attendances: int


def _stamp(day: date) -> datetime:
    """Recorded on the evening of the day itself (history is entered on time)."""
    return datetime.combine(day, time(12), timezone.utc)


def _insert(session: Session, model: type, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(model), rows[start:start + BATCH])


def _published(programme_id: int):
    return select(Plan.id).where(Plan.programme_id == programme_id, Plan.status == PlanStatus.PUBLISHED)


def _mark_visits(session: Session, programme_id: int, until: date, rng: random.Random) -> int:
    occurrences = session.execute(
        select(VisitOccurrence.id, VisitOccurrence.on_date).join(Visit, Visit.id == VisitOccurrence.visit_id)
        .where(Visit.plan_id.in_(_published(programme_id)), VisitOccurrence.on_date < until,
               VisitOccurrence.status != OccurrenceStatus.CANCELLED)
        .order_by(VisitOccurrence.id)).all()
    rows = [dict(occurrence_id=occurrence_id, outcome=rng.choices(VISIT_OUTCOMES, VISIT_WEIGHTS)[0], note="",
                 recorded_at=_stamp(on_date)) for occurrence_id, on_date in occurrences]
    _insert(session, VisitAttendance, rows)
    return len(rows)


def _mark_sessions(session: Session, programme_id: int, until: date, rng: random.Random) -> tuple[int, int]:
    sessions = session.execute(
        select(RoomSession.id, RoomSession.plan_id, RoomSession.site_id, RoomSession.on_date)
        .where(RoomSession.plan_id.in_(_published(programme_id)), RoomSession.on_date < until,
               RoomSession.status != OccurrenceStatus.CANCELLED)
        .order_by(RoomSession.on_date, RoomSession.id)).all()
    roll: dict[tuple[int, int], list[int]] = {}
    for plan_id, site_id, student_id in session.execute(
            select(StudentSiteAssignment.plan_id, StudentSiteAssignment.site_id, StudentSiteAssignment.student_id)
            .where(StudentSiteAssignment.plan_id.in_(_published(programme_id)))
            .order_by(StudentSiteAssignment.id)):
        roll.setdefault((plan_id, site_id), []).append(student_id)
    staff: dict[int, list[int]] = {}
    for session_id, tutor_id in session.execute(select(SessionStaff.session_id, SessionStaff.tutor_id)
                                                .order_by(SessionStaff.id)):
        staff.setdefault(session_id, []).append(tutor_id)
    held = [rng.random() >= NOT_HELD_SHARE for _row in sessions]
    calls = [dict(session_id=row.id, held=h, note="", recorded_at=_stamp(row.on_date),
                  cancel_reason="" if h else rng.choice(NOT_HELD_REASONS)) for row, h in zip(sessions, held)]
    # The ids come back in the order given, so each roll call's children can refer to it.
    ids = list(session.scalars(insert(RollCall).returning(RollCall.id, sort_by_parameter_order=True), calls)) \
        if calls else []
    keen: dict[int, float] = {}  # each child's own likelihood of coming, drawn once
    children, tutors = [], []
    for roll_call_id, (session_id, plan_id, site_id, _day), was_held in zip(ids, sessions, held):
        if not was_held:
            continue
        for student_id in roll.get((plan_id, site_id), []):
            if rng.random() < keen.setdefault(student_id, rng.uniform(0.45, 0.97)):
                children.append(dict(roll_call_id=roll_call_id, student_id=student_id))
        tutors += [dict(roll_call_id=roll_call_id, tutor_id=t) for t in staff.get(session_id, [])]
    _insert(session, RollCallChild, children)
    _insert(session, RollCallTutor, tutors)
    return len(calls), len(children)


def mark_history(session: Session, programme_id: int, until: date, seed: int = 2026) -> HistorySummary:
    """Mark every published visit and session dated before until (deterministic for a seed), and commit."""
    rng = random.Random(seed)
    visits = _mark_visits(session, programme_id, until, rng)
    sessions, attendances = _mark_sessions(session, programme_id, until, rng)
    session.commit()
    return HistorySummary(visits, sessions, attendances)
