"""Rooms solves as jobs: a draft that passes the checker, proposals on re-solve, nothing touched on failure."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from matching.models import JobStatus, Plan, PlanKind, PlanStatus, RoomPin, RoomPinKind
from matching.planning.rooms import handler as rooms
from matching.planning.jobs import queue_solve, request_cancel, run_solve
from matching.planning.lifecycle import accept_proposal, plan_with_status, publish
from matching.planning.rooms.context import load_context
from solver.rooms.check import check_rooms
from tests.integration.rooms_world import (
    CLOSURE, HOLIDAY, OPEN_DATES, TIME_LIMIT_S, TODAY, build_rooms_world, draft, factory_of, solve,
)


@pytest.fixture
def world(session):
    return build_rooms_world(session)


def _snapshot(plan: Plan) -> list:
    return [(s.site_id, s.on_date, sorted(st.tutor_id for st in s.staff)) for s in plan.sessions]


def test_first_solve_stores_a_draft_that_passes_the_checker(session, world):
    assert solve(session, world) is JobStatus.SUCCEEDED
    plan = draft(session, world)
    dates = {s.on_date for s in plan.sessions}
    assert dates == OPEN_DATES  # never on the holiday, the closure or in the exam week
    assert HOLIDAY not in dates and CLOSURE not in dates
    assert all(len(s.staff) == 2 for s in plan.sessions)
    assert len(plan.assignments) == 4
    ctx = load_context(session, world.programme_id, plan.id, TODAY)
    assert check_rooms(ctx.problem, ctx.solution()) == []
    assert plan.report["shortfalls"] == [] and plan.solver_status in ("optimal", "feasible")


def test_second_solve_is_a_proposal_and_the_draft_waits_until_accepted(session, world):
    solve(session, world)
    first = draft(session, world)
    before = _snapshot(first)
    assert solve(session, world, first.id) is JobStatus.SUCCEEDED
    proposal = plan_with_status(session, world.programme_id, PlanKind.ROOMS, PlanStatus.PROPOSED)
    assert proposal.based_on_id == first.id
    assert draft(session, world).id == first.id and _snapshot(draft(session, world)) == before
    accept_proposal(session, world.programme_id, proposal.id, None)
    assert draft(session, world).id == proposal.id


def test_resolve_keeps_pins_and_copies_them(session, world):
    solve(session, world)
    first = draft(session, world)
    pinned = first.sessions[0]
    tutor_id = pinned.staff[0].tutor_id
    session.add(RoomPin(plan_id=first.id, kind=RoomPinKind.STAFF, site_id=pinned.site_id, on_date=pinned.on_date,
                        tutor_id=tutor_id))
    session.commit()
    solve(session, world, first.id)
    proposal = plan_with_status(session, world.programme_id, PlanKind.ROOMS, PlanStatus.PROPOSED)
    same = next(s for s in proposal.sessions if s.on_date == pinned.on_date)
    assert tutor_id in {st.tutor_id for st in same.staff}
    copied = session.scalars(select(RoomPin).where(RoomPin.plan_id == proposal.id)).all()
    assert [(p.kind, p.tutor_id) for p in copied] == [(RoomPinKind.STAFF, tutor_id)]


def _plans_state(session, world):
    session.expire_all()
    plans = session.scalars(select(Plan).where(Plan.programme_id == world.programme_id).order_by(Plan.id)).all()
    return [(p.id, p.status, p.lock_version, _snapshot(p)) for p in plans]


def _published_and_draft(session, world):
    solve(session, world)
    first = draft(session, world)
    publish(session, world.programme_id, first.id, first.lock_version, None, first.sessions[0].on_date)
    solve(session, world, first.id)  # no draft after publishing: the result is the new draft
    assert draft(session, world).based_on_id == first.id
    return _plans_state(session, world)


def test_a_cancelled_solve_leaves_the_published_plan_and_the_draft_untouched(session, world):
    before = _published_and_draft(session, world)
    job_id = queue_solve(session, world.programme_id, PlanKind.ROOMS, None, draft(session, world).id)
    request_cancel(session, job_id, None)
    assert run_solve(factory_of(session), job_id, TIME_LIMIT_S, TODAY) is JobStatus.CANCELLED
    assert _plans_state(session, world) == before


def test_a_failing_solve_leaves_the_published_plan_and_the_draft_untouched(session, world, monkeypatch):
    before = _published_and_draft(session, world)

    def broken(*_args, **_kwargs):
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(rooms.RoomsHandler, "solve", broken)
    job_id = queue_solve(session, world.programme_id, PlanKind.ROOMS, None, draft(session, world).id)
    assert run_solve(factory_of(session), job_id, TIME_LIMIT_S, TODAY) is JobStatus.FAILED
    assert _plans_state(session, world) == before
    assert session.scalar(select(func.count()).select_from(Plan)) == len(before)
