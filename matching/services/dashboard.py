"""The figures on the coordinator's home page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from matching.services.absences import dates_needing_substitute
from matching.services.tutors import tutor_active_on

from matching.models import Household, Mode, Plan, PlanKind, PlanStatus, Site, Student, StudentNeed, Tutor, Visit


@dataclass(frozen=True)
class DashboardCounts:
    """How many children, tutors and sites the programme has, and how many home-visit needs wait."""

    students: int
    tutors: int
    sites: int
    needs: int
    unmatched_needs: int
    study_room_students: int
    needing_substitute: int = 0  # dated visits and sessions an absent tutor still holds


def dashboard_counts(session: Session, programme_id: int, today: date) -> DashboardCounts:
    """Count the programme's active children, tutors active today, sites, unmatched home-visit needs and the
    dates absences left needing a substitute."""
    # Each pair of figures comes from one pass with FILTER, rather than one scan of the children per figure.
    students, study_room_students = session.execute(
        select(func.count(Student.id), func.count(Student.id).filter(Student.mode == Mode.STUDY_ROOM))
        .join(Household)
        .where(Household.programme_id == programme_id, Student.active.is_(True))
    ).one()
    published_plan = select(Plan.id).where(
        Plan.programme_id == programme_id, Plan.kind == PlanKind.VISITS, Plan.status == PlanStatus.PUBLISHED
    )
    matched = exists().where(Visit.need_id == StudentNeed.id, Visit.plan_id.in_(published_plan))
    needs, unmatched_needs = session.execute(
        select(func.count(StudentNeed.id), func.count(StudentNeed.id).filter(~matched))
        .join(Student)
        .join(Household)
        .where(Household.programme_id == programme_id, Student.active.is_(True), Student.mode == Mode.HOME_VISIT,
               StudentNeed.removed_at.is_(None))
    ).one()
    return DashboardCounts(
        students=students,
        tutors=session.scalar(
            select(func.count(Tutor.id)).where(Tutor.programme_id == programme_id, tutor_active_on(today))
        ) or 0,
        sites=session.scalar(select(func.count(Site.id)).where(Site.programme_id == programme_id)) or 0,
        needs=needs,
        unmatched_needs=unmatched_needs,
        study_room_students=study_room_students,
        needing_substitute=dates_needing_substitute(session, programme_id, today),
    )
