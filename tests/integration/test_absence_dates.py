"""An absence flags each date it touches as needing a substitute, never skips one; the same dates cannot be
reported twice; a withdrawn absence frees its dates."""

from __future__ import annotations

from datetime import date

import pytest

from matching.models import Plan, PlanKind, PlanStatus, Student, Visit
from matching.planning.lifecycle import publish
from matching.services.absences import open_absences, report_absence, withdraw_absence
from matching.services.dashboard import dashboard_counts
from matching.services.errors import ValidationFailed
from tests.integration.visit_world import TODAY, make_visit_world

FIRST, SECOND = date(2026, 12, 1), date(2026, 12, 8)  # two Tuesdays


def _publish_tuesday_visit(session, world) -> Plan:
    plan = Plan(programme_id=world.programme_id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT)
    session.add(plan)
    session.flush()
    student = session.get(Student, world.student_ids[0])
    plan.visits.append(Visit(student_id=student.id, need_id=student.needs[0].id, subject="math",
                             tutor_id=world.tutor_ids[0], weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.commit()
    return publish(session, world.programme_id, plan.id, plan.lock_version, None, TODAY)


def _flagged(session, world) -> list[date]:
    return sorted(item.on_date for a in open_absences(session, world.programme_id, TODAY) for item in a.affected)


def test_an_absence_flags_each_of_its_dates_as_needing_a_substitute(session):
    world = make_visit_world(session)
    _publish_tuesday_visit(session, world)
    report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, SECOND, "教育実習", None, TODAY)
    assert _flagged(session, world) == [FIRST, SECOND]
    assert dashboard_counts(session, world.programme_id, TODAY).needing_substitute == 2


def test_dates_reported_before_a_publish_are_in_the_plan_and_flagged_not_skipped(session):
    world = make_visit_world(session)
    report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, None, "通院", None, TODAY)
    plan = _publish_tuesday_visit(session, world)
    assert FIRST in {o.on_date for o in plan.visits[0].occurrences}
    assert _flagged(session, world) == [FIRST]


@pytest.mark.parametrize("starts_on, ends_on", [(FIRST, SECOND), (SECOND, None), (date(2026, 11, 30), FIRST)])
def test_the_same_dates_cannot_be_reported_twice(session, starts_on, ends_on):
    world = make_visit_world(session)
    report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, SECOND, "教育実習", None, TODAY)
    with pytest.raises(ValidationFailed) as refused:
        report_absence(session, world.programme_id, world.tutor_ids[0], starts_on, ends_on, "教育実習", None, TODAY)
    assert refused.value.field_errors == {"starts_on": "overlap"}
    session.rollback()
    assert len(open_absences(session, world.programme_id, TODAY)) == 1


def test_another_tutor_or_other_dates_are_not_a_duplicate(session):
    world = make_visit_world(session)
    report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, None, "通院", None, TODAY)
    report_absence(session, world.programme_id, world.tutor_ids[1], FIRST, None, "通院", None, TODAY)
    report_absence(session, world.programme_id, world.tutor_ids[0], SECOND, None, "通院", None, TODAY)
    assert len(open_absences(session, world.programme_id, TODAY)) == 3


def test_a_withdrawn_absence_frees_its_dates(session):
    world = make_visit_world(session)
    _publish_tuesday_visit(session, world)
    absence = report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, SECOND, "教育実習", None, TODAY)
    withdraw_absence(session, world.tutor_ids[0], absence.id, None, TODAY)
    assert _flagged(session, world) == []
    assert dashboard_counts(session, world.programme_id, TODAY).needing_substitute == 0
    report_absence(session, world.programme_id, world.tutor_ids[0], FIRST, None, "通院", None, TODAY)  # no longer a duplicate
