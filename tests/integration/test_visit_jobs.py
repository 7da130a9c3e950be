"""Solve jobs with the real home-visit handler: a draft on success, a proposal on re-solve, nothing on failure."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import JobStatus, Plan, PlanKind, PlanStatus, SolveJob
from solver.visits import time_budget  # where the site's solve job calls the solver
from matching.planning.jobs import _ProgressWriter, queue_solve, request_cancel, run_solve
from matching.planning.lifecycle import accept_proposal, plan_with_status, publish
from solver.rooms.solution import Progress
from tests.integration.visit_world import TODAY, make_visit_world, plan_state, solve


@pytest.fixture
def factory(database_url):
    """A session factory on the test database, as the job runner gets it."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


def test_first_solve_stores_a_draft_with_visits_and_report(session, factory):
    world = make_visit_world(session)
    status, job_id = solve(factory, world.programme_id)
    assert status is JobStatus.SUCCEEDED
    job = session.get(SolveJob, job_id)
    plan = session.get(Plan, job.result_plan_id)
    assert plan.status is PlanStatus.DRAFT and plan.solver_status in ("optimal", "feasible")
    # Both children want Tuesday 17-21 and each tutor has room for both: two visits.
    assert len(plan.visits) == 2
    assert plan.report["visits_wanted"] == 2 and plan.report["unmet"] == []
    assert {v.travel_minutes for v in plan.visits} and all(v.end_minute - v.start_minute == 120 for v in plan.visits)


def test_unmet_need_is_stored_with_its_reasons(session, factory):
    world = make_visit_world(session)
    from matching.models import Student
    session.get(Student, world.student_ids[0]).grade = 3  # no tutor teaches 小3
    session.commit()
    solve(factory, world.programme_id)
    plan = plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT)
    unmet = plan.report["unmet"]
    assert [u["student_id"] for u in unmet] == [world.student_ids[0]]
    assert unmet[0]["reason_code"] == "subject_grade" and "小3" in unmet[0]["reason_ja"] and unmet[0]["reason_en"]


def test_second_solve_is_a_proposal_and_the_draft_is_untouched_until_accepted(session, factory):
    world = make_visit_world(session)
    solve(factory, world.programme_id)
    draft = plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT)
    before = plan_state(session, draft.id)
    status, job_id = solve(factory, world.programme_id, draft.id)
    assert status is JobStatus.SUCCEEDED
    proposal = session.get(Plan, session.get(SolveJob, job_id).result_plan_id)
    assert proposal.status is PlanStatus.PROPOSED and proposal.based_on_id == draft.id
    assert plan_state(session, draft.id) == before
    assert proposal.report["changes"]["kept"] == 2  # nothing changed, so the re-solve keeps every visit
    accept_proposal(session, world.programme_id, proposal.id, None)
    assert plan_state(session, draft.id)[0] is PlanStatus.ARCHIVED
    assert plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT).id == proposal.id


def test_cancelled_job_stores_nothing(session, factory):
    world = make_visit_world(session)
    job_id = queue_solve(session, world.programme_id, PlanKind.VISITS, None)
    request_cancel(session, job_id, None)
    assert run_solve(factory, job_id, 1.0, TODAY) is JobStatus.CANCELLED
    assert session.scalars(select(Plan)).all() == []


def _published_and_draft(session, factory, world):
    solve(factory, world.programme_id)
    draft = plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT)
    published = publish(session, world.programme_id, draft.id, draft.lock_version, None, TODAY)
    solve(factory, world.programme_id, published.id)
    draft = plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT)
    return published.id, draft.id


def test_failing_solve_leaves_the_published_plan_and_the_draft_untouched(session, factory, monkeypatch):
    world = make_visit_world(session)
    published_id, draft_id = _published_and_draft(session, factory, world)
    before = plan_state(session, published_id), plan_state(session, draft_id)
    plans_before = session.scalars(select(Plan.id)).all()

    def broken(*_args, **_kwargs):
        raise ValueError("the solver broke")

    monkeypatch.setattr(time_budget, "solve_visits", broken)
    status, job_id = solve(factory, world.programme_id, draft_id)
    assert status is JobStatus.FAILED
    assert "the solver broke" in session.get(SolveJob, job_id).error
    assert (plan_state(session, published_id), plan_state(session, draft_id)) == before
    assert session.scalars(select(Plan.id)).all() == plans_before


def test_solve_without_a_usable_plan_leaves_everything_untouched(session, factory, monkeypatch):
    world = make_visit_world(session)
    published_id, draft_id = _published_and_draft(session, factory, world)
    before = plan_state(session, published_id), plan_state(session, draft_id)
    real = time_budget.solve_visits
    monkeypatch.setattr(time_budget, "solve_visits",
                        lambda problem, **kw: __import__("dataclasses").replace(real(problem, **kw), status="unknown"))
    status, _job = solve(factory, world.programme_id, draft_id)
    assert status is JobStatus.FAILED
    assert (plan_state(session, published_id), plan_state(session, draft_id)) == before


def test_pins_are_carried_into_the_proposal(session, factory):
    from matching.models import VisitPin
    world = make_visit_world(session)
    solve(factory, world.programme_id)
    draft = plan_with_status(session, world.programme_id, PlanKind.VISITS, PlanStatus.DRAFT)
    visit = draft.visits[0]
    session.add(VisitPin(plan_id=draft.id, need_id=visit.need_id, tutor_id=visit.tutor_id, weekday=visit.weekday,
                         start_minute=visit.start_minute))
    session.commit()
    _status, job_id = solve(factory, world.programme_id, draft.id)
    proposal_id = session.get(SolveJob, job_id).result_plan_id
    pins = session.scalars(select(VisitPin).where(VisitPin.plan_id == proposal_id)).all()
    assert [(p.need_id, p.tutor_id, p.weekday, p.start_minute) for p in pins] == [
        (visit.need_id, visit.tutor_id, visit.weekday, visit.start_minute)]



def test_progress_without_a_known_bound_is_written_as_valid_json(session):
    """The rooms solver reports an unknown bound as NaN, which PostgreSQL's JSON and the page's JSON.parse refuse."""
    world = make_visit_world(session)
    job_id = queue_solve(session, world.programme_id, PlanKind.VISITS, None)
    writer = _ProgressWriter(make_session_factory(session.get_bind()), job_id, time.monotonic(), threading.Event())
    writer(Progress(phase="staff", sessions_held=560, sessions_staffed=560, objective=2878, bound=float("nan"),
                    seconds=4.9))
    session.expire_all()
    progress = session.get(SolveJob, job_id).progress
    assert progress["bound"] is None and progress["sessions_held"] == 560
