"""Supply and demand for recruiting: waiting home-visit needs against free tutor capacity, cell by cell.

A cell is a subject, a school stage (小学・中学・高校), a weekday and an area (the site nearest the home,
as on the visit plan). A waiting need counts in every weekday its child is free; a tutor counts where they
teach that subject to some grade of the stage, are free that weekday, live in that area and still have room
for a visit this week under their cap in the published plan. A cell with needs and no free tutor is where
to recruit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from matching.models import PlanKind, Site, Tutor, Visit
from matching.planning.visits.area import area_site, home_of
from matching.planning.visits.problem import home_visit_students
from matching.services.published import published_plan_id
from matching.services.tutors import tutor_active_on
from solver.geo import Coordinates

# School stages as coordinators recruit for them: grades 1-6, 7-9, 10-12.
STAGES = ((1, 6), (7, 9), (10, 12))


def stage_of(grade: int) -> int:
    """The index in STAGES of a school grade (0 小学, 1 中学, 2 高校)."""
    return next(i for i, (low, high) in enumerate(STAGES) if low <= grade <= high)


@dataclass(frozen=True)
class SupplyCell:
    """One subject, stage, weekday and area: how many needs wait there and how many tutors could take one."""

    subject: str
    stage: int
    weekday: int
    site_id: Optional[int]
    site_name: str
    waiting: int
    free_tutors: int

    @property
    def recruit(self) -> bool:
        """Needs wait here and no tutor with room could take them."""
        return self.waiting > 0 and self.free_tutors == 0


def supply_and_demand(session: Session, programme_id: int, today: date) -> list[SupplyCell]:
    """Every cell with a waiting need, most waiting first and cells to recruit for before the rest."""
    plan_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    site_rows = session.execute(select(Site.id, Site.name, Site.lat, Site.lon).where(Site.programme_id == programme_id)).all()
    places = {row.id: Coordinates(row.lat, row.lon) for row in site_rows}
    names = {row.id: row.name for row in site_rows}
    planned_by_need: Counter = Counter()
    booked: Counter = Counter()
    if plan_id is not None:
        planned_by_need.update(dict(session.execute(select(Visit.need_id, func.count(Visit.id))
                                                    .where(Visit.plan_id == plan_id).group_by(Visit.need_id)).all()))
        booked.update(dict(session.execute(select(Visit.tutor_id, func.count(Visit.id))
                                           .where(Visit.plan_id == plan_id).group_by(Visit.tutor_id)).all()))
    waiting: Counter = Counter()
    for student in home_visit_students(session, programme_id, today):
        area = area_site(student.home_site_id, home_of(student.household), places)
        weekdays = {a.weekday for a in student.availability}
        for need in student.needs:
            if planned_by_need[need.id] < need.visits_per_week:
                for weekday in weekdays:
                    waiting[(need.subject, stage_of(student.grade), weekday, area)] += 1
    free: dict[tuple, set[int]] = defaultdict(set)
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == programme_id, tutor_active_on(today))
                             .options(selectinload(Tutor.subjects), selectinload(Tutor.availability))).all()
    for tutor in tutors:
        if booked[tutor.id] >= tutor.max_visits_per_week:
            continue
        area = area_site(None, home_of(tutor), places)
        weekdays = {a.weekday for a in tutor.availability}
        for taught in tutor.subjects:
            for stage, (low, high) in enumerate(STAGES):
                if taught.min_grade <= high and taught.max_grade >= low:
                    for weekday in weekdays:
                        free[(taught.subject, stage, weekday, area)].add(tutor.id)
    cells = [SupplyCell(subject, stage, weekday, area, names.get(area, ""), count,
                        len(free.get((subject, stage, weekday, area), ())))
             for (subject, stage, weekday, area), count in waiting.items()]
    return sorted(cells, key=lambda c: (not c.recruit, -c.waiting, c.subject, c.stage, c.weekday, c.site_id or 0))
