"""Adjusting a draft rooms plan: edits judged by the solver's checker, optimistic locking, audit, publish changes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from matching.models import AuditEntry, ChangeKind, Plan, PlanChange, RoomPin, RoomPinKind, Student
from matching.planning.rooms import adjust
from matching.planning.rooms import pins as pinning
from matching.planning.lifecycle import publish
from matching.planning.rooms.detail import session_detail
from matching.planning.rooms.review import review_plan
from matching.services.errors import StaleEdit
from tests.integration.rooms_world import HOLIDAY, TODAY, build_rooms_world, draft, solve


@pytest.fixture
def world(session):
    built = build_rooms_world(session)
    solve(session, built)
    return built


def _state(session, plan_id):
    session.expire_all()
    plan = session.get(Plan, plan_id)
    pins = session.scalars(select(RoomPin.id).where(RoomPin.plan_id == plan_id)).all()
    return plan.lock_version, pins, [(s.id, s.on_date, sorted(st.tutor_id for st in s.staff)) for s in plan.sessions]


def test_stale_edits_are_refused_and_change_nothing(session, world):
    plan = draft(session, world)
    target = plan.sessions[0]
    stale = plan.lock_version - 1
    before = _state(session, plan.id)
    spare = next(t for t in world.tutor_ids if t not in {st.tutor_id for st in target.staff})
    edits = [
        lambda: adjust.move_session(session, world.programme_id, plan.id, target.id, date(2026, 6, 16), stale, None, today=TODAY),
        lambda: adjust.cancel_session(session, world.programme_id, plan.id, target.id, stale, None, today=TODAY),
        lambda: adjust.change_staff(session, world.programme_id, plan.id, target.id, spare, True, stale, None, today=TODAY),
        lambda: pinning.set_session_pin(session, world.programme_id, plan.id, target.id, None, True, stale, None, today=TODAY),
    ]
    for edit in edits:
        with pytest.raises(StaleEdit):
            edit()
        session.rollback()
        assert _state(session, plan.id) == before


def test_a_move_onto_a_holiday_shows_the_checkers_breaks_and_saves_only_when_confirmed(session, world):
    plan = draft(session, world)
    target = plan.sessions[0]
    result = adjust.move_session(session, world.programme_id, plan.id, target.id, HOLIDAY, plan.lock_version, None, today=TODAY)
    assert not result.saved and [v.code for v in result.violations] == ["closed_date"]
    assert draft(session, world).sessions[0].on_date != HOLIDAY
    lock = draft(session, world).lock_version
    result = adjust.move_session(session, world.programme_id, plan.id, target.id, HOLIDAY, lock, None, confirm=True, today=TODAY)
    assert result.saved
    plan = draft(session, world)
    assert HOLIDAY in {s.on_date for s in plan.sessions} and plan.lock_version == lock + 1
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "room_session_moved")).one()
    assert entry.entity_id == target.id and entry.detail["rule_breaks"] == ["closed_date"]


def test_removing_a_tutor_needs_confirming_and_candidates_that_fit_come_first(session, world):
    plan = draft(session, world)
    target = plan.sessions[0]
    leaving = target.staff[0].tutor_id
    result = adjust.change_staff(session, world.programme_id, plan.id, target.id, leaving, False, plan.lock_version, None, today=TODAY)
    assert not result.saved and [v.code for v in result.violations] == ["understaffed"]
    message = result.violations[0].message_ja
    staying = len(target.staff) - 1
    assert f"講師{staying}名で" in message, message  # a count, never replaced by a tutor's name
    assert message.count("会場") == 1, message  # the site's name put in once, not read again as an id
    detail = session_detail(session, world.programme_id, plan.id, target.id, TODAY)
    assert detail.candidates and detail.candidates[0].violations == ()
    spare = detail.candidates[0].tutor_id
    adjust.change_staff(session, world.programme_id, plan.id, target.id, spare, True, plan.lock_version, None, today=TODAY)
    assert spare in {st.tutor_id for st in draft(session, world).sessions[0].staff}


def test_cancel_and_pin(session, world):
    plan = draft(session, world)
    first, second = plan.sessions[0], plan.sessions[1]
    pinning.set_session_pin(session, world.programme_id, plan.id, first.id, None, True, plan.lock_version, None, today=TODAY)
    pins = session.scalars(select(RoomPin).where(RoomPin.plan_id == plan.id)).all()
    assert [(p.kind, p.on_date) for p in pins] == [(RoomPinKind.SESSION, first.on_date)]
    lock = draft(session, world).lock_version
    result = adjust.cancel_session(session, world.programme_id, plan.id, second.id, lock, None, today=TODAY)
    assert result.saved
    assert second.on_date not in {s.on_date for s in draft(session, world).sessions}
    review = review_plan(session, world.programme_id, plan.id, None, None, date(2026, 6, 1))
    assert (review.total_held, review.total_planned, review.total_remaining, review.total_target) == (0, 4, 5, 5)


def test_publish_records_changes_per_tutor_child_and_site(session, world):
    plan = draft(session, world)
    publish(session, world.programme_id, plan.id, plan.lock_version, None, date(2026, 5, 1))
    first = session.scalars(select(PlanChange).where(PlanChange.plan_id == plan.id)).all()
    assert {c.kind for c in first} == {ChangeKind.NEW}
    staffing = {st.tutor_id for s in plan.sessions for st in s.staff}
    assert {c.tutor_id for c in first if c.tutor_id} == staffing
    assert {c.student_id for c in first if c.student_id} == set(world.child_ids)
    solve(session, world, plan.id)
    second = draft(session, world)
    moved = second.sessions[0]
    adjust.move_session(session, world.programme_id, second.id, moved.id, date(2026, 6, 16),
                        second.lock_version, None, confirm=True, today=TODAY)
    publish(session, world.programme_id, second.id, draft(session, world).lock_version, None, date(2026, 5, 1))
    changes = session.scalars(select(PlanChange).where(PlanChange.plan_id == second.id)).all()
    site_change = next(c for c in changes if c.site_id and not c.student_id and not c.tutor_id)
    assert site_change.kind is ChangeKind.MOVED and site_change.detail["moved"] == [["2026-06-02", "2026-06-16"]]
    assert {c.tutor_id for c in changes if c.tutor_id} == {st.tutor_id for st in moved.staff}
    assert not [c for c in changes if c.student_id]


def test_a_child_without_a_site_is_named_in_the_review(session, world):
    plan = draft(session, world)
    plan.report = {**plan.report, "shortfalls": [{"kind": "child", "missing": 1, "child_id": world.child_ids[0],
                                                  "reason_ja": f"{world.child_ids[0]}: 通える会場はすべて定員に達しています",
                                                  "reason_en": f"{world.child_ids[0]}: every site is full"}]}
    session.commit()
    review = review_plan(session, world.programme_id, plan.id, None, None, date(2026, 6, 1))
    child = session.get(Student, world.child_ids[0])
    assert review.shortfalls[0]["reason_ja"] == f"{child.full_name}: 通える会場はすべて定員に達しています"


def test_a_session_names_the_children_it_expects(session, world):
    plan = draft(session, world)
    busiest = max(plan.sessions, key=lambda s: session_detail(session, world.programme_id, plan.id, s.id, TODAY)
                  .session.expected_children)
    detail = session_detail(session, world.programme_id, plan.id, busiest.id, TODAY)
    assert detail.children and len(detail.children) == detail.session.expected_children
    names = {s.id: s.full_name for s in session.scalars(select(Student))}
    assert all(names[c.student_id] == c.name for c in detail.children)


def test_a_re_solve_that_cannot_keep_a_confirmed_rule_break_names_the_session_in_its_diff(session, world):
    plan = draft(session, world)
    target = plan.sessions[0]
    adjust.move_session(session, world.programme_id, plan.id, target.id, HOLIDAY, plan.lock_version, None,
                        confirm=True, today=TODAY)
    moved = next(s for s in draft(session, world).sessions if s.on_date == HOLIDAY)
    assert moved.override_codes == ["closed_date"]
    solve(session, world, plan.id)
    proposal = session.scalars(select(Plan).where(Plan.based_on_id == plan.id)).one()
    review = review_plan(session, world.programme_id, proposal.id, None, None, TODAY)
    assert [(day, codes) for _site, day, codes in review.diff.lost_decisions] == [(HOLIDAY, ("closed_date",))]
