"""At publish, the plan lets go of children whose support has ended and tutors who have left.

A draft may have been solved before the end was recorded; publishing it must not promise dates to them.
Their weekly visits and room places are taken out of the plan being published, so the plan's changes
(and the notices made from them) show them as dropped; the plan they were in stays archived as history.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, PlanKind, Student, Tutor
from matching.services.support_end import is_supported


def _tutor_gone(tutor: Tutor, day: date) -> bool:
    return tutor.active_until is not None and tutor.active_until < day


def drop_departures(session: Session, plan: Plan, today: date) -> int:
    """Remove from the plan the visits, room places and staff places of people gone by today; returns how many."""
    removed = 0
    if plan.kind is PlanKind.VISITS:
        for visit in list(plan.visits):
            if not is_supported(visit.student, today) or _tutor_gone(visit.tutor, today):
                plan.visits.remove(visit)
                removed += 1
        return removed
    ended = set(session.scalars(select(Student.id).where(Student.id.in_({a.student_id for a in plan.assignments}),
                                                         Student.support_ended_on <= today)))
    for assignment in list(plan.assignments):
        if assignment.student_id in ended:
            plan.assignments.remove(assignment)
            removed += 1
    for room_session in plan.sessions:
        for staff in list(room_session.staff):
            if staff.tutor.active_until is not None and room_session.on_date > staff.tutor.active_until:
                room_session.staff.remove(staff)
                removed += 1
    return removed
