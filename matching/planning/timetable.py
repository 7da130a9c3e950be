"""One timetable per tutor: every dated commitment of the published plans of both services, read from one place.

A dated home visit belongs to its substitute when it has one, else to the visit's tutor unless that tutor is
busy elsewhere then (a study-room session: the date needs a substitute). A study-room session belongs to
each of its staff. Every solve, manual edit check, substitute or staff ranking, the tutor's page and the
iCal feed read commitments from here, and two commitments clash by solver.busy's one rule (overlap, or
less than the travel between the two places).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from matching.models import (
    Household, OccurrenceStatus, PlanKind, Session as RoomSession, SessionStaff, Site, Student, Visit,
    VisitOccurrence,
)
from matching.services.published import published_plan_id
from solver.busy import BusyTime, clashes
from solver.geo import Coordinates

VISIT = "visit"
SESSION = "session"


@dataclass(frozen=True)
class Commitment:
    """One dated visit or session of a tutor: where and when, and whether the tutor stands in for someone."""

    tutor_id: int
    kind: str  # VISIT or SESSION
    item_id: int  # VisitOccurrence.id or Session.id
    on_date: date
    start: int
    end: int
    place: Coordinates
    cancelled: bool = False
    substitute: bool = False

    @property
    def busy(self) -> BusyTime:
        """The commitment as busy time for the other service's solver."""
        return BusyTime(self.on_date, self.start, self.end, self.place)


class Timetable:
    """Every tutor's commitments, in time order."""

    def __init__(self, commitments: Iterable[Commitment]):
        self._by_tutor: dict[int, list[Commitment]] = defaultdict(list)
        for c in sorted(commitments, key=lambda c: (c.on_date, c.start, c.kind, c.item_id)):
            self._by_tutor[c.tutor_id].append(c)

    def all(self) -> list[Commitment]:
        """Every commitment of every tutor, tutor by tutor."""
        return [c for items in self._by_tutor.values() for c in items]

    def of(self, tutor_id: int) -> list[Commitment]:
        """The tutor's commitments, cancelled ones included, in time order."""
        return list(self._by_tutor.get(tutor_id, ()))

    def busy(self, tutor_id: int, kind: str) -> tuple[BusyTime, ...]:
        """The tutor's commitments of one kind that hold (not cancelled), as busy time."""
        return tuple(c.busy for c in self._by_tutor.get(tutor_id, ()) if c.kind == kind and not c.cancelled)

    def clashing(self, tutor_id: int, day: date, start: int, end: int, place: Coordinates,
                 skip: tuple[str, int] | None = None) -> list[Commitment]:
        """The tutor's commitments that hold and leave too little time for one more at place, day, start-end."""
        return [c for c in self._by_tutor.get(tutor_id, ())
                if not c.cancelled and (c.kind, c.item_id) != skip and clashes(c.busy, day, start, end, place)]

    def clashes(self) -> list[tuple[Commitment, Commitment]]:
        """Every pair of one tutor's commitments that hold and clash (the count the issue asks to be zero)."""
        out = []
        for items in self._by_tutor.values():
            held = [c for c in items if not c.cancelled]
            for k, a in enumerate(held):
                for b in held[k + 1:]:
                    if b.on_date != a.on_date:
                        break
                    if clashes(a.busy, b.on_date, b.start, b.end, b.place):
                        out.append((a, b))
        return out


def _visits(session: Session, plan_id: int, since: date, until: Optional[date],
            tutor_ids: Optional[set[int]]) -> list[Commitment]:
    query = (select(VisitOccurrence, Visit.tutor_id, Household.lat, Household.lon)
             .join(Visit, Visit.id == VisitOccurrence.visit_id).join(Student, Student.id == Visit.student_id)
             .join(Household, Household.id == Student.household_id)
             .where(Visit.plan_id == plan_id, VisitOccurrence.on_date >= since))
    if until is not None:
        query = query.where(VisitOccurrence.on_date <= until)
    if tutor_ids is not None:
        query = query.where(or_(Visit.tutor_id.in_(tutor_ids), VisitOccurrence.substitute_tutor_id.in_(tutor_ids)))
    out = []
    for occurrence, own_tutor, lat, lon in session.execute(query):
        tutor_id = occurrence.substitute_tutor_id or (None if occurrence.busy_elsewhere else own_tutor)
        if tutor_id is None or (tutor_ids is not None and tutor_id not in tutor_ids):
            continue
        out.append(Commitment(tutor_id, VISIT, occurrence.id, occurrence.on_date, occurrence.start_minute,
                              occurrence.end_minute, Coordinates(lat, lon),
                              occurrence.status is OccurrenceStatus.CANCELLED,
                              occurrence.substitute_tutor_id is not None))
    return out


def _sessions(session: Session, plan_id: int, since: date, until: Optional[date],
              tutor_ids: Optional[set[int]]) -> list[Commitment]:
    query = (select(SessionStaff.tutor_id, RoomSession, Site.lat, Site.lon)
             .join(RoomSession, RoomSession.id == SessionStaff.session_id).join(Site, Site.id == RoomSession.site_id)
             .where(RoomSession.plan_id == plan_id, RoomSession.on_date >= since))
    if until is not None:
        query = query.where(RoomSession.on_date <= until)
    if tutor_ids is not None:
        query = query.where(SessionStaff.tutor_id.in_(tutor_ids))
    return [Commitment(tutor_id, SESSION, row.id, row.on_date, row.start_minute, row.end_minute, Coordinates(lat, lon),
                       row.status is OccurrenceStatus.CANCELLED)
            for tutor_id, row, lat, lon in session.execute(query)]


def load_timetable(session: Session, programme_id: int, since: date, until: Optional[date] = None,
                   tutor_ids: Optional[Iterable[int]] = None, kinds: tuple[str, ...] = (VISIT, SESSION)) -> Timetable:
    """The published commitments (of these kinds) of the programme's tutors, or only these, from since to until."""
    ids = set(tutor_ids) if tutor_ids is not None else None
    commitments: list[Commitment] = []
    visits_plan = published_plan_id(session, programme_id, PlanKind.VISITS)
    if visits_plan is not None and VISIT in kinds:
        commitments += _visits(session, visits_plan, since, until, ids)
    rooms_plan = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if rooms_plan is not None and SESSION in kinds:
        commitments += _sessions(session, rooms_plan, since, until, ids)
    return Timetable(commitments)
