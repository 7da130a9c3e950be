"""Dates of a plan's weekly visits that need a substitute because the tutor has a study-room session then.

The weekly rule (solver.visits.busy_slots) lets a slot meet the tutor's sessions on a few dates; those dates
need cover. In a published plan they are the occurrences marked busy_elsewhere; in a draft or proposal they
are what publishing would mark, read from the same timetable.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import OccurrenceStatus, Plan, PlanStatus, Visit, VisitOccurrence
from matching.planning.timetable import SESSION, load_timetable
from solver.geo import Coordinates
from solver.visits.busy_slots import clash_dates


@dataclass(frozen=True)
class CoverDate:
    """A date a weekly visit's tutor is at a session: the substitute page once published, and who covers it."""

    on_date: date
    occurrence_id: Optional[int] = None
    substitute_tutor_id: Optional[int] = None


def dates_needing_cover(session: Session, plan: Plan, visits: list[Visit], today: date) -> dict[int, list[CoverDate]]:
    """Per visit id, its dates from today on that meet the tutor's study-room sessions, soonest first."""
    out: dict[int, list[CoverDate]] = defaultdict(list)
    if plan.status is PlanStatus.PUBLISHED:
        rows = session.scalars(select(VisitOccurrence).join(Visit).where(
            Visit.plan_id == plan.id, VisitOccurrence.busy_elsewhere.is_(True), VisitOccurrence.on_date >= today,
            VisitOccurrence.status != OccurrenceStatus.CANCELLED).order_by(VisitOccurrence.on_date))
        for o in rows:
            out[o.visit_id].append(CoverDate(o.on_date, o.id, o.substitute_tutor_id))
        return dict(out)
    sessions = load_timetable(session, plan.programme_id, today, tutor_ids={v.tutor_id for v in visits},
                              kinds=(SESSION,))
    for v in visits:
        home = Coordinates(v.student.household.lat, v.student.household.lon)
        days = clash_dates(sessions.busy(v.tutor_id, SESSION), v.weekday, v.start_minute, v.end_minute, home)
        if days:
            out[v.id] = [CoverDate(d) for d in sorted(days)]
    return dict(out)
