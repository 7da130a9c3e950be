"""The coordinator's to-do: the children waiting longest come first, and what is done leaves the list."""

from __future__ import annotations

from datetime import date

from matching.models import Mode, Plan, PlanKind, PlanStatus, Visit
from matching.services.todo import coordinator_todo
from tests.factories import make_household, make_programme, make_student, make_tutor

TODAY = date(2026, 11, 30)


def test_children_waiting_longest_come_first_and_a_published_visit_takes_a_child_off(session):
    programme, other = make_programme(session), make_programme(session)
    household = make_household(session, programme)
    recent = make_student(session, household, waiting_since=date(2026, 11, 1))
    longest = make_student(session, household, waiting_since=date(2026, 4, 10))
    served = make_student(session, household, waiting_since=date(2026, 3, 1))
    make_student(session, household, mode=Mode.STUDY_ROOM, waiting_since=date(2026, 1, 1))  # not a home visit
    make_student(session, make_household(session, other), waiting_since=date(2026, 1, 1))  # another programme
    tutor = make_tutor(session, programme)
    plan = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.PUBLISHED, version=1)
    session.add(plan)
    session.flush()
    need = served.needs[0]
    session.add(Visit(plan_id=plan.id, student_id=served.id, need_id=need.id, subject=need.subject,
                      tutor_id=tutor.id, weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.commit()
    todo = coordinator_todo(session, programme.id, TODAY)
    assert todo.waiting_total == 2
    assert [(w.student_id, w.days_waiting) for w in todo.waiting] == [(longest.id, 234), (recent.id, 29)]
    assert todo.unconfirmed == 1 and todo.anything
