"""What a child's page adds to the intake record: siblings, tutors, next dates, the room site and the end of support."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import PlanKind, Site, Student, StudentSiteAssignment, SupportEndReason, Tutor, Visit
from matching.services.errors import NotFound
from matching.services.household_schedule import FamilySession, FamilyVisit, household_schedule
from matching.services.published import published_plan_id

NEXT_DATES = 5


@dataclass(frozen=True)
class ChildOverview:
    """A child's place in the published plans and in the household."""

    household_id: int
    siblings: tuple[tuple[int, str, int], ...]  # (id, full name, grade) of the other children of the household
    tutors: tuple[str, ...]  # full names of the tutors visiting the child in the published plan
    room_site: Optional[str]  # the site the published rooms plan gives the child
    next_visits: tuple[FamilyVisit, ...]
    next_sessions: tuple[FamilySession, ...]
    support_ended_on: Optional[date]
    support_end_reason: Optional[SupportEndReason]


def child_overview(session: Session, programme_id: int, student_id: int, today: date) -> ChildOverview:
    """The child's siblings, tutors, next few dates and room site, as coordinators see them."""
    student = session.get(Student, student_id)
    if student is None or student.household.programme_id != programme_id:
        raise NotFound(f"student {student_id}")
    siblings = tuple((s.id, s.full_name, s.grade) for s in student.household.students if s.id != student.id)
    visits_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    tutors = tuple(session.scalars(select(Tutor).join(Visit, Visit.tutor_id == Tutor.id).where(
        Visit.plan_id == visits_id, Visit.student_id == student.id).distinct().order_by(Tutor.id))) if visits_id else ()
    rooms_id = published_plan_id(session, programme_id, PlanKind.ROOMS)
    room_site = session.scalar(select(Site.name).join(StudentSiteAssignment, StudentSiteAssignment.site_id == Site.id)
                               .where(StudentSiteAssignment.plan_id == rooms_id,
                                      StudentSiteAssignment.student_id == student.id)) if rooms_id else None
    schedule = household_schedule(session, student.household_id, today)
    visits = tuple(v for v in schedule.visits if v.student_id == student.id)[:NEXT_DATES]
    sessions = tuple(s for s in schedule.sessions if s.site_name == room_site)[:NEXT_DATES]
    return ChildOverview(student.household_id, siblings, tuple(t.full_name for t in tutors), room_site, visits,
                         sessions, student.support_ended_on, student.support_end_reason)
