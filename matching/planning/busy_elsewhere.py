"""After every publish: a dated home visit whose tutor has a study-room session then needs a substitute.

Sessions are dated and staffed as a group, home visits are weekly, so where the two meet the session holds
and the visit's date is marked busy_elsewhere (needing a substitute, listed with the absences' dates). A
substitute who is anywhere else then (a session, or a visit of their own that a new version moved there) is
taken off the date, which then needs cover again. The marks are recomputed from the published plans
at each publish, so a date whose clash went away returns to its tutor. Whatever order the two services are
published in, no tutor is then in two places at once.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Household, OccurrenceStatus, PlanKind, Student, Visit, VisitOccurrence
from matching.planning.timetable import SESSION, VISIT, load_timetable
from matching.services.audit import record
from matching.services.published import published_plan_id
from solver.geo import Coordinates


def mark_busy_elsewhere(session: Session, programme_id: int, user_id: Optional[int], today: date) -> int:
    """Mark or unmark every published dated visit from today on by its tutor's sessions; returns how many changed."""
    plan_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    if plan_id is None:
        return 0
    sessions = load_timetable(session, programme_id, today, kinds=(SESSION,))
    everything = load_timetable(session, programme_id, today)
    rows = session.execute(
        select(VisitOccurrence, Visit.tutor_id, Household.lat, Household.lon)
        .join(Visit, Visit.id == VisitOccurrence.visit_id).join(Student, Student.id == Visit.student_id)
        .join(Household, Household.id == Student.household_id)
        .where(Visit.plan_id == plan_id, VisitOccurrence.on_date >= today,
               VisitOccurrence.status != OccurrenceStatus.CANCELLED)
        .order_by(VisitOccurrence.id)
    ).all()
    changed = 0
    for occurrence, own_tutor, lat, lon in rows:
        when = (occurrence.on_date, occurrence.start_minute, occurrence.end_minute, Coordinates(lat, lon))
        busy = bool(sessions.clashing(own_tutor, *when))
        if occurrence.busy_elsewhere != busy:
            occurrence.busy_elsewhere = busy
            changed += 1
        substitute = occurrence.substitute_tutor_id
        if substitute is not None and everything.clashing(substitute, *when, skip=(VISIT, occurrence.id)):
            occurrence.substitute_tutor_id = None
            record(session, user_id, "substitute_busy_elsewhere", "visit_occurrence", occurrence.id,
                   tutor_id=substitute)
            changed += 1
    session.flush()
    return changed
