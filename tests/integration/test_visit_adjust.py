"""Reviewing and adjusting a home-visit draft: pins, reassignment with rule breaks shown, optimistic locking."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from matching.db import make_session_factory
from matching.models import AuditEntry, Plan, PlanKind, PlanStatus, SolveJob, Student, Tutor, VisitPin
from matching.planning.lifecycle import plan_history
from matching.planning.visits.diff import plan_diff
from matching.planning.visits.adjust import (
    UnpinnableVisit,
    UnconfirmedBreaks, pin_visit, reassign_options, save_reassignment, unpin_visit,
)
from matching.planning.visits.review import ReviewFilters, visit_plan_review
from matching.services.errors import StaleEdit
from tests.integration.visit_world import TODAY, make_visit_world, plan_state, solve, tuesday_draft


@pytest.fixture
def drafted(session):
    """The tiny world with a draft: child 0 visited by tutor 0 on Tuesday 18:00; child 1 unmatched."""
    world = make_visit_world(session)
    plan = tuesday_draft(session, world, [(0, 0, 18)])
    plan.report = {"unmet": [{"need_id": session.get(Student, world.student_ids[1]).needs[0].id,
                              "reason_ja": "理由", "reason_en": "reason"}]}
    session.commit()
    return world, plan


def test_review_shows_summary_matches_with_reasons_and_unmet_needs(session, drafted):
    world, plan = drafted
    review = visit_plan_review(session, world.programme_id, plan.id, TODAY)
    assert (review.summary.needs_total, review.summary.needs_covered, review.summary.children_waiting) == (2, 1, 1)
    match = review.matches[0]
    assert match.student_id == world.student_ids[0] and match.tutor_grades == (7, 9)
    assert match.language_match and not match.pinned and match.travel_minutes == 5
    assert [(u.student_id, u.reason_ja) for u in review.unmet] == [(world.student_ids[1], "理由")]
    assert review.diff is None  # nothing is published yet
    assert visit_plan_review(session, world.programme_id, plan.id, TODAY, ReviewFilters(subject="english")).matches == []
    assert visit_plan_review(session, world.programme_id, plan.id, TODAY, ReviewFilters(tutor_id=world.tutor_ids[0])).matches


def test_pin_and_unpin_bump_the_lock_version_and_are_audited(session, drafted):
    world, plan = drafted
    visit_id, version = plan.visits[0].id, plan.lock_version
    pin_visit(session, world.programme_id, plan.id, visit_id, version, None, TODAY)
    assert len(session.scalars(select(VisitPin)).all()) == 1
    assert visit_plan_review(session, world.programme_id, plan.id, TODAY).matches[0].pinned
    assert plan.lock_version == version + 1
    unpin_visit(session, world.programme_id, plan.id, visit_id, version + 1, None)
    assert session.scalars(select(VisitPin)).all() == []
    actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert actions == ["visit_pinned", "visit_unpinned"]
    assert all("花子" not in str(e.detail) for e in session.scalars(select(AuditEntry)))


def test_pin_with_a_stale_lock_version_is_refused_and_changes_nothing(session, drafted):
    world, plan = drafted
    stale = plan.lock_version
    pin_visit(session, world.programme_id, plan.id, plan.visits[0].id, stale, None, TODAY)
    before = plan_state(session, plan.id), len(session.scalars(select(VisitPin)).all())
    with pytest.raises(StaleEdit):
        unpin_visit(session, world.programme_id, plan.id, plan.visits[0].id, stale, None)
    session.rollback()
    assert (plan_state(session, plan.id), len(session.scalars(select(VisitPin)).all())) == before


def test_reassign_options_are_ranked_and_show_the_checkers_breaks(session, drafted):
    world, plan = drafted
    child = session.get(Student, world.student_ids[1])
    choice = reassign_options(session, world.programme_id, plan.id, child.needs[0].id, None, TODAY)
    assert choice.options
    best = choice.options[0]
    assert best.breaks == () and best.tutor_id == str(world.tutor_ids[1])  # free and speaks Vietnamese
    # Tutor 0 is busy 18:00-20:00 with child 0: the overlapping options say so in the checker's words.
    clash = [o for o in choice.options if o.tutor_id == str(world.tutor_ids[0]) and o.start == 18 * 60]
    if clash:
        assert any(b.code in ("tutor_overlap", "tutor_travel", "tutor_cap") for b in clash[0].breaks)
    assert [len(o.breaks) for o in choice.options] == sorted(len(o.breaks) for o in choice.options)


def test_saving_an_option_that_breaks_rules_needs_confirmation(session, drafted):
    world, plan = drafted
    session.get(Tutor, world.tutor_ids[0]).max_visits_per_week = 1
    session.commit()
    need_id = session.get(Student, world.student_ids[1]).needs[0].id
    with pytest.raises(UnconfirmedBreaks) as refused:
        save_reassignment(session, world.programme_id, plan.id, need_id, None, world.tutor_ids[0], 1, 17 * 60,
                          plan.lock_version, False, None, TODAY)
    assert {b.code for b in refused.value.breaks} >= {"tutor_cap"}
    assert "上限" in " ".join(b.message_ja for b in refused.value.breaks)
    session.rollback()
    assert len(session.get(Plan, plan.id).visits) == 1
    breaks = save_reassignment(session, world.programme_id, plan.id, need_id, None, world.tutor_ids[0], 1,
                               17 * 60, plan.lock_version, True, None, TODAY)
    assert breaks and len(session.get(Plan, plan.id).visits) == 2
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "visit_reassigned")).one()
    assert "tutor_cap" in entry.detail["breaks"]


def test_reassigning_a_visit_replaces_it_and_drops_its_pin(session, drafted):
    world, plan = drafted
    visit = plan.visits[0]
    pin_visit(session, world.programme_id, plan.id, visit.id, plan.lock_version, None, TODAY)
    breaks = save_reassignment(session, world.programme_id, plan.id, visit.need_id, visit.id, world.tutor_ids[1],
                               1, 17 * 60, plan.lock_version, False, None, TODAY)
    assert breaks == ()  # the old slot's pin goes with it, so it is no break
    plan = session.get(Plan, plan.id)
    assert [(v.tutor_id, v.start_minute) for v in plan.visits] == [(world.tutor_ids[1], 17 * 60)]
    assert session.scalars(select(VisitPin)).all() == []
    assert plan.status is PlanStatus.DRAFT and plan.kind is PlanKind.VISITS


def test_a_visit_saved_with_a_rule_break_cannot_be_pinned(session, drafted):
    world, plan = drafted
    session.get(Tutor, world.tutor_ids[0]).max_visits_per_week = 1
    session.commit()
    need_id = session.get(Student, world.student_ids[1]).needs[0].id
    save_reassignment(session, world.programme_id, plan.id, need_id, None, world.tutor_ids[0], 1, 17 * 60,
                      plan.lock_version, True, None, TODAY)
    plan = session.get(Plan, plan.id)
    broken = next(v for v in plan.visits if v.need_id == need_id)
    with pytest.raises(UnpinnableVisit) as refused:
        pin_visit(session, world.programme_id, plan.id, broken.id, plan.lock_version, None, TODAY)
    assert "tutor_cap" in {b.code for b in refused.value.breaks}
    session.rollback()
    assert session.scalars(select(VisitPin)).all() == []


def test_a_re_solve_that_cannot_keep_a_confirmed_rule_break_names_it_in_the_diff(session, drafted):
    world, plan = drafted
    session.get(Tutor, world.tutor_ids[0]).max_visits_per_week = 1
    session.commit()
    need_id = session.get(Student, world.student_ids[1]).needs[0].id
    save_reassignment(session, world.programme_id, plan.id, need_id, None, world.tutor_ids[0], 1, 17 * 60,
                      plan.lock_version, True, None, TODAY)
    decided = next(v for v in session.get(Plan, plan.id).visits if v.need_id == need_id)
    assert "tutor_cap" in decided.override_codes
    status, job_id = solve(make_session_factory(session.get_bind()), world.programme_id, plan.id)
    proposal = session.get(Plan, session.get(SolveJob, job_id).result_plan_id)
    diff = plan_diff(session, world.programme_id, proposal, plan_history(session, world.programme_id, PlanKind.VISITS))
    lost = [row for row in diff.rows if row.lost_decision]
    assert [(row.student_id, row.lost_decision) for row in lost] == [(world.student_ids[1],
                                                                      tuple(decided.override_codes))]
    assert all(not row.lost_decision for row in diff.rows if row.kind.value in ("kept", "new"))
