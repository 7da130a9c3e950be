"""Ending support: a child's or a tutor's end leaves new solves and the next publish, with notices; history stays."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from matching.models import (
    ChangeKind, Mode, Notification, Plan, PlanChange, Session as RoomSession, SessionStaff, Student,
    StudentSiteAssignment, SupportEndReason, Visit, VisitOccurrence,
)
from matching.planning.lifecycle import publish
from matching.planning.visits.problem import build_visits_problem
from matching.services.errors import ValidationFailed
from matching.services.support_end import end_support, end_tutor
from tests.factories import make_household, make_programme, make_room_plan, make_site, make_student, make_tutor
from tests.integration.visit_world import TODAY, make_visit_world, tuesday_draft



def _dates(session, plan_id: int, student_id: int) -> list[date]:
    return list(session.scalars(select(VisitOccurrence.on_date).join(Visit)
                                .where(Visit.plan_id == plan_id, Visit.student_id == student_id)
                                .order_by(VisitOccurrence.on_date)))


def test_a_child_whose_support_ended_leaves_the_next_publish_with_notices_and_history_kept(session):
    world = make_visit_world(session)
    first = tuesday_draft(session, world, [(0, 0, 18), (1, 1, 18)])
    publish(session, world.programme_id, first.id, first.lock_version, None, TODAY)
    end_support(session, world.programme_id, world.student_ids[0], date(2026, 11, 20), SupportEndReason.MOVED, None)
    second = tuesday_draft(session, world, [(0, 0, 18), (1, 1, 18)])  # solved before the end was recorded
    publish(session, world.programme_id, second.id, second.lock_version, None, TODAY)
    assert _dates(session, second.id, world.student_ids[0]) == []
    assert _dates(session, first.id, world.student_ids[0])[0] == date(2026, 11, 24)  # the archived plan keeps them
    change = session.scalars(select(PlanChange).where(PlanChange.plan_id == second.id,
                                                      PlanChange.student_id == world.student_ids[0])).one()
    assert change.kind is ChangeKind.DROPPED
    child = session.get(Student, world.student_ids[0])
    notices = session.scalars(select(Notification).where(Notification.plan_id == second.id)).all()
    assert {n.household_id for n in notices if n.household_id} == {child.household_id}
    assert {n.tutor_id for n in notices if n.tutor_id} == {world.tutor_ids[0]}


def test_a_support_end_in_the_future_stops_the_dates_the_day_before(session):
    world = make_visit_world(session)
    end_support(session, world.programme_id, world.student_ids[0], date(2027, 1, 12), SupportEndReason.GRADUATED,
                None)
    plan = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, plan.id, plan.lock_version, None, TODAY)
    assert _dates(session, plan.id, world.student_ids[0])[-1] == date(2027, 1, 5)


def test_new_solves_leave_out_ended_children_and_departed_tutors(session):
    world = make_visit_world(session)
    end_support(session, world.programme_id, world.student_ids[1], TODAY, SupportEndReason.DECLINED, None)
    end_tutor(session, world.programme_id, world.tutor_ids[1], date(2026, 11, 21), None)
    problem = build_visits_problem(session, world.programme_id, None, TODAY)
    assert [c.id for c in problem.children] == [str(world.student_ids[0])]
    assert [t.id for t in problem.tutors] == [str(world.tutor_ids[0])]


def test_a_tutor_who_leaves_has_no_dates_after_the_last_day_and_cannot_leave_before_starting(session):
    world = make_visit_world(session)
    end_tutor(session, world.programme_id, world.tutor_ids[0], date(2026, 12, 10), None)
    plan = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, plan.id, plan.lock_version, None, TODAY)
    assert _dates(session, plan.id, world.student_ids[0])[-1] == date(2026, 12, 8)
    with pytest.raises(ValidationFailed):
        end_tutor(session, world.programme_id, world.tutor_ids[0], date(2026, 3, 1), None)


def test_a_rooms_publish_drops_an_ended_childs_place_and_a_departed_tutors_later_sessions(session):
    programme = make_programme(session)
    site = make_site(session, programme)
    staying, leaving = make_tutor(session, programme), make_tutor(session, programme)
    child = make_student(session, make_household(session, programme), mode=Mode.STUDY_ROOM, home_site_id=site.id)
    plan = make_room_plan(session, programme, site, staying, on_date=date(2026, 6, 2))
    later = RoomSession(site_id=site.id, on_date=date(2026, 7, 7), start_minute=1080, end_minute=1200,
                        staff=[SessionStaff(tutor_id=staying.id), SessionStaff(tutor_id=leaving.id)])
    plan.sessions[0].staff.append(SessionStaff(tutor_id=leaving.id))
    plan.sessions.append(later)
    plan.assignments = [StudentSiteAssignment(student_id=child.id, site_id=site.id)]
    session.commit()
    end_tutor(session, programme.id, leaving.id, date(2026, 6, 30), None)
    end_support(session, programme.id, child.id, date(2026, 5, 31), SupportEndReason.GRADUATED, None)
    publish(session, programme.id, plan.id, plan.lock_version, None, date(2026, 6, 1))
    session.expire_all()
    plan = session.get(Plan, plan.id)
    staff = {s.on_date: sorted(st.tutor_id for st in s.staff) for s in plan.sessions}
    assert staff == {date(2026, 6, 2): sorted([staying.id, leaving.id]), date(2026, 7, 7): [staying.id]}
    assert plan.assignments == []
