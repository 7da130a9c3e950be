"""A solve whose runner died is failed by its stale heartbeat within a minute, and never stores a plan afterwards."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from matching.db import make_engine, make_session_factory
from matching.models import JobStatus, Plan, PlanKind, SolveJob
from matching.models.base import utcnow
from matching.planning.heartbeat import DEAD_MESSAGE, HEARTBEAT_S, Heartbeat, dead_after, fail_dead_jobs
from matching.planning.jobs import JobAlreadyRunning, job_view, queue_solve, request_cancel, run_solve
from solver.visits import time_budget  # where the site's solve job calls the solver
from tests.integration.visit_world import TODAY, make_visit_world


@pytest.fixture
def factory(database_url):
    """A session factory on the test database, as a runner gets it."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


def _running(session, programme_id: int, beat_age: timedelta) -> int:
    """A job some runner claimed, whose last heartbeat is beat_age old."""
    job_id = queue_solve(session, programme_id, PlanKind.VISITS, None)
    session.execute(update(SolveJob).where(SolveJob.id == job_id)
                    .values(status=JobStatus.RUNNING, started_at=utcnow() - beat_age, heartbeat_at=utcnow() - beat_age))
    session.commit()
    return job_id


def test_a_job_whose_heartbeat_stopped_is_failed_within_a_minute(session):
    world = make_visit_world(session)
    assert dead_after(HEARTBEAT_S) < timedelta(minutes=1) - timedelta(seconds=HEARTBEAT_S * 2)
    job_id = _running(session, world.programme_id, dead_after(HEARTBEAT_S) + timedelta(seconds=1))
    view = job_view(session, job_id)
    assert view.status is JobStatus.FAILED and view.error == DEAD_MESSAGE and view.finished
    # ... and no longer blocks the next solve.
    assert queue_solve(session, world.programme_id, PlanKind.VISITS, None) != job_id


def test_a_job_with_a_fresh_heartbeat_keeps_running_and_blocks_a_second_solve(session):
    world = make_visit_world(session)
    job_id = _running(session, world.programme_id, timedelta(seconds=HEARTBEAT_S))
    assert fail_dead_jobs(session) == 0
    assert job_view(session, job_id).status is JobStatus.RUNNING
    with pytest.raises(JobAlreadyRunning):
        queue_solve(session, world.programme_id, PlanKind.VISITS, None)


def test_a_queued_job_is_cancelled_at_once_even_with_no_runner(session):
    world = make_visit_world(session)
    job_id = queue_solve(session, world.programme_id, PlanKind.VISITS, None)
    request_cancel(session, job_id, None)
    assert job_view(session, job_id).status is JobStatus.CANCELLED


def test_a_runner_stamps_its_job_while_solving(session, factory):
    world = make_visit_world(session)
    job_id = _running(session, world.programme_id, timedelta(minutes=5))
    with Heartbeat(factory, job_id, threading.Event(), beat_s=0.05) as beats:
        assert beats.beat()
    session.expire_all()
    assert utcnow() - session.get(SolveJob, job_id).heartbeat_at.replace(tzinfo=utcnow().tzinfo) < timedelta(seconds=5)


def test_a_solve_whose_worker_is_gone_stops_and_stores_nothing(session, factory):
    world = make_visit_world(session)
    job_id = queue_solve(session, world.programme_id, PlanKind.VISITS, None)
    status = run_solve(factory, job_id, 3.0, TODAY, heartbeat_s=0.05, owner_alive=lambda: False)
    assert status is JobStatus.FAILED
    assert session.scalars(select(Plan)).all() == []


def test_a_solve_failed_by_another_process_meanwhile_does_not_store_its_plan(session, factory, monkeypatch):
    """A runner that was only slow (its job judged dead) must not bring a plan back to a failed job."""
    world = make_visit_world(session)
    job_id = queue_solve(session, world.programme_id, PlanKind.VISITS, None)
    real = time_budget.solve_visits

    def judged_dead_meanwhile(problem, **kwargs):
        with factory() as other:
            other.execute(update(SolveJob).where(SolveJob.id == job_id).values(heartbeat_at=utcnow() - timedelta(hours=1)))
            other.commit()
            assert fail_dead_jobs(other) == 1
        return real(problem, **kwargs)

    monkeypatch.setattr(time_budget, "solve_visits", judged_dead_meanwhile)
    assert run_solve(factory, job_id, 1.0, TODAY, heartbeat_s=60) is JobStatus.FAILED
    assert session.scalars(select(Plan)).all() == []
    session.expire_all()
    assert session.get(SolveJob, job_id).error == DEAD_MESSAGE
