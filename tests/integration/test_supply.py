"""Supply and demand for recruiting: each cell's counts recomputed from the rows, recruit cells first."""

from __future__ import annotations

from datetime import date

from matching.models import Plan, PlanKind, PlanStatus, StudentAvailability, StudentNeed, TutorAvailability, TutorSubject, Visit
from matching.planning.visits.supply import stage_of, supply_and_demand
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor

TODAY = date(2026, 11, 30)


def test_stages_follow_school_years():
    assert [stage_of(g) for g in (1, 6, 7, 9, 10, 12)] == [0, 0, 1, 1, 2, 2]


def test_cells_count_waiting_needs_by_weekday_and_tutors_with_room(session):
    programme = make_programme(session)
    site = make_site(session, programme)
    household = make_household(session, programme)
    tue_thu = [StudentAvailability(weekday=1, start_minute=17 * 60, end_minute=21 * 60),
               StudentAvailability(weekday=3, start_minute=17 * 60, end_minute=21 * 60)]
    make_student(session, household, grade=8, availability=tue_thu)
    served = make_student(session, household, grade=8)
    make_student(session, household, grade=11,
                           needs=[StudentNeed(subject="english", minutes_per_visit=120, visits_per_week=1)])
    busy = make_tutor(session, programme, max_visits_per_week=1,
                      subjects=[TutorSubject(subject="math", min_grade=7, max_grade=9)],
                      availability=[TutorAvailability(weekday=1, start_minute=17 * 60, end_minute=21 * 60)])
    make_tutor(session, programme, subjects=[TutorSubject(subject="math", min_grade=1, max_grade=12)],
               availability=[TutorAvailability(weekday=3, start_minute=17 * 60, end_minute=21 * 60)])
    plan = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.PUBLISHED, version=1)
    session.add(plan)
    session.flush()
    need = served.needs[0]
    session.add(Visit(plan_id=plan.id, student_id=served.id, need_id=need.id, subject="math", tutor_id=busy.id,
                      weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.commit()
    cells = {(c.subject, c.stage, c.weekday): (c.waiting, c.free_tutors, c.site_id)
             for c in supply_and_demand(session, programme.id, TODAY)}
    # The waiting 中2 math need counts on Tuesday and Thursday; the busy tutor is full, the other one is free
    # on Thursdays only; nobody teaches English, so the 高2 English need is a cell to recruit for.
    assert cells == {("math", 1, 1): (1, 0, site.id), ("math", 1, 3): (1, 1, site.id),
                     ("english", 2, 1): (1, 0, site.id)}
    first = supply_and_demand(session, programme.id, TODAY)[0]
    assert first.recruit
