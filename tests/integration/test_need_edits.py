"""Editing a matched child's needs: a need keeps its row across edits; a removed need leaves the draft only."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from matching.access_policy import Viewer
from matching.models import Plan, PlanKind, PlanStatus, Student, StudentNeed, Visit, VisitPin
from matching.planning.lifecycle import publish
from matching.planning.visits.problem import build_visits_problem
from matching.services.dashboard import dashboard_counts
from matching.services.intake.student_intake import NeedInput, student_for_edit, update_student
from tests.integration.visit_world import TODAY, make_visit_world


def _plan_with_visit(session, world, status: PlanStatus) -> Plan:
    """A plan of the given status whose one visit teaches the first child's math need."""
    student = session.get(Student, world.student_ids[0])
    plan = Plan(programme_id=world.programme_id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT)
    session.add(plan)
    session.flush()
    plan.visits.append(Visit(student_id=student.id, need_id=student.needs[0].id, subject="math",
                             tutor_id=world.tutor_ids[0], weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.commit()
    if status is PlanStatus.PUBLISHED:
        publish(session, world.programme_id, plan.id, plan.lock_version, None, TODAY)
    return plan


def _matched_child(session):
    world = make_visit_world(session)
    published = _plan_with_visit(session, world, PlanStatus.PUBLISHED)
    draft = _plan_with_visit(session, world, PlanStatus.DRAFT)
    session.add(VisitPin(plan_id=draft.id, need_id=draft.visits[0].need_id, tutor_id=world.tutor_ids[0],
                         weekday=1, start_minute=18 * 60))
    session.commit()
    return world, published, draft


def _edit(session, world, **changes):
    loaded = student_for_edit(session, world.programme_id, world.student_ids[0], Viewer.COORDINATOR, None)
    return update_student(session, world.programme_id, world.student_ids[0], replace(loaded.data, **changes),
                          loaded.version, None)


def test_changing_a_matched_need_keeps_its_row_and_every_visit(session):
    world, published, draft = _matched_child(session)
    need_id = draft.visits[0].need_id
    removed = _edit(session, world, needs=(NeedInput("math", "応用", "図形が苦手", 90, 2),))
    session.expire_all()
    need = session.get(StudentNeed, need_id)
    assert (need.level, need.notes, need.minutes_per_visit, need.visits_per_week) == (
        "応用", "図形が苦手", 90, 2)
    assert [n.id for n in session.get(Student, world.student_ids[0]).needs] == [need_id]
    assert removed.subjects == () and removed.visits_left_draft == 0
    assert len(session.get(Plan, draft.id).visits) == 1 and len(session.get(Plan, published.id).visits) == 1


def test_removing_a_matched_need_takes_its_visits_out_of_the_draft_but_not_the_published_plan(session):
    world, published, draft = _matched_child(session)
    need_id = draft.visits[0].need_id
    removed = _edit(session, world, needs=(NeedInput("english"),))
    assert removed.subjects == ("math",) and removed.visits_left_draft == 1
    session.expire_all()
    assert session.get(Plan, draft.id).visits == []
    assert session.scalars(select(VisitPin).where(VisitPin.plan_id == draft.id)).all() == []
    assert [v.need_id for v in session.get(Plan, published.id).visits] == [need_id]
    assert session.get(StudentNeed, need_id).removed_at is not None
    assert [n.subject for n in session.get(Student, world.student_ids[0]).needs] == ["english"]
    counts = dashboard_counts(session, world.programme_id, TODAY)
    assert counts.needs == 2  # english for the first child, math for the second; the removed one is not counted
    child = next(c for c in build_visits_problem(session, world.programme_id, published.id, TODAY).children
                 if c.id == str(world.student_ids[0]))
    assert [n.subject for n in child.needs] == ["english"]


def test_a_subject_added_back_gets_its_old_row_so_published_visits_still_name_it(session):
    world, published, draft = _matched_child(session)
    need_id = draft.visits[0].need_id
    _edit(session, world, needs=())
    _edit(session, world, needs=(NeedInput("math", "基礎"),))
    session.expire_all()
    assert [(n.id, n.level, n.removed_at) for n in session.get(Student, world.student_ids[0]).needs] == [
        (need_id, "基礎", None)]
