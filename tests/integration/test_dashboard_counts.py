"""The home page's figures: each counts only what it names, in one programme."""

from __future__ import annotations

from datetime import date

from matching.models import Mode, Plan, PlanKind, PlanStatus, StudentNeed, Visit
from matching.services.dashboard import DashboardCounts, dashboard_counts
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor

TODAY = date(2026, 11, 22)


def _visit(session, plan: Plan, need: StudentNeed, tutor_id: int) -> None:
    session.add(Visit(plan_id=plan.id, student_id=need.student_id, need_id=need.id, subject=need.subject,
                      tutor_id=tutor_id, weekday=1, start_minute=18 * 60, end_minute=20 * 60))


def test_counts_active_children_needs_and_only_needs_matched_by_a_published_plan(session):
    programme, other = make_programme(session), make_programme(session)
    site = make_site(session, programme)
    household = make_household(session, programme)
    matched = make_student(session, household, needs=[StudentNeed(subject="math"), StudentNeed(subject="english")])
    drafted = make_student(session, household)
    make_student(session, household, mode=Mode.STUDY_ROOM, home_site_id=site.id)
    make_student(session, household, active=False)
    make_student(session, make_household(session, other))
    tutor = make_tutor(session, programme)
    make_tutor(session, programme, active_from=date(2026, 12, 1))  # not yet active today
    published = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.PUBLISHED)
    draft = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT)
    session.add_all([published, draft])
    session.flush()
    _visit(session, published, matched.needs[0], tutor.id)
    _visit(session, draft, drafted.needs[0], tutor.id)
    session.flush()

    assert dashboard_counts(session, programme.id, TODAY) == DashboardCounts(
        students=3, tutors=1, sites=1, needs=3, unmatched_needs=2, study_room_students=1)
