"""The home-visit problem is built from the database: active children and tutors, base plan, pins."""

from __future__ import annotations

from datetime import date

from matching.models import ForbiddenPair, Plan, PlanKind, PlanStatus, Student, Tutor, Visit, VisitPin
from matching.planning.visits.problem import build_visits_problem
from tests.integration.visit_world import TODAY, make_visit_world


def test_problem_holds_active_home_visit_children_and_tutors_active_today(session):
    world = make_visit_world(session)
    session.get(Tutor, world.tutor_ids[1]).active_until = date(2026, 10, 31)
    session.get(Student, world.student_ids[0]).active = False
    session.commit()
    problem = build_visits_problem(session, world.programme_id, None, TODAY)
    assert [c.id for c in problem.children] == [str(world.student_ids[1])]
    assert [t.id for t in problem.tutors] == [str(world.tutor_ids[0])]


def test_child_carries_needs_by_subject_code_languages_priority_and_days_waiting(session):
    world = make_visit_world(session)
    problem = build_visits_problem(session, world.programme_id, None, TODAY)
    child = problem.children[1]
    assert [(n.subject, n.minutes, n.visits_per_week) for n in child.needs] == [("math", 120, 1)]
    assert child.languages == ("vi",)
    assert child.priority == 2
    assert child.days_waiting == (TODAY - date(2026, 9, 1)).days
    assert [(w.weekday, w.start, w.end) for w in child.availability] == [(1, 17 * 60, 21 * 60)]
    tutor = problem.tutors[1]
    assert tutor.languages == ("ja", "vi")
    assert tutor.teaches("math", 9) and not tutor.teaches("math", 6)


def test_base_plan_gives_current_visits_pins_and_forbidden_pairs(session):
    world = make_visit_world(session)
    student = session.get(Student, world.student_ids[0])
    plan = Plan(programme_id=world.programme_id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT)
    session.add(plan)
    session.flush()
    need_id = student.needs[0].id
    session.add(Visit(plan_id=plan.id, student_id=student.id, need_id=need_id, subject="math",
                      tutor_id=world.tutor_ids[0], weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.add(VisitPin(plan_id=plan.id, need_id=need_id, tutor_id=world.tutor_ids[0], weekday=1,
                         start_minute=18 * 60))
    session.add(ForbiddenPair(student_id=world.student_ids[1], tutor_id=world.tutor_ids[0]))
    session.commit()
    problem = build_visits_problem(session, world.programme_id, plan.id, TODAY)
    current = problem.children[0].current_visits
    assert [(v.subject, v.tutor_id, v.weekday, v.start) for v in current] == [("math", str(world.tutor_ids[0]), 1, 1080)]
    assert [(p.child_id, p.subject, p.tutor_id) for p in problem.pins] == [(str(student.id), "math", str(world.tutor_ids[0]))]
    assert [(f.child_id, f.tutor_id) for f in problem.forbidden_pairs] == [(str(world.student_ids[1]), str(world.tutor_ids[0]))]
    assert problem.children[1].current_visits == ()
