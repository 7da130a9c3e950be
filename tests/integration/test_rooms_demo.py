"""The rooms handler on the demo programme: every site gets sessions and every session is staffed; a solve in the
middle of the year plans from today only and keeps the published past as it was."""

from __future__ import annotations

from datetime import date

import shutil
from collections import Counter

import pytest

from matching.db import make_engine, make_session_factory
from sqlalchemy import select

from matching.models import Plan, PlanKind, Site
from matching.planning.lifecycle import publish
from matching.planning.rooms.handler import HANDLER
from matching.planning.rooms.context import load_context
from matching.services.programme import current_programme
from seed_data.demo import load_demo
from seed_data.demo_calendar import STARTS_ON
from solver.rooms.check import check_rooms

# Half the site's default: the solver's phases end on deterministic-time budgets, so a busy machine
# gets the same plan, only later.
DEMO_TIME_LIMIT_S = 5.0


@pytest.mark.slow
def test_demo_solve_gives_every_site_staffed_sessions(sqlite_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with make_session_factory(engine)() as session:
        load_demo(session)
        programme_id = current_programme(session).id
        problem = HANDLER.build_problem(session, programme_id, None, STARTS_ON)  # the whole year to plan
        solution = HANDLER.solve(problem, DEMO_TIME_LIMIT_S, 0, lambda _p: None, lambda: False)
        assert HANDLER.has_plan(solution)
        plan = Plan(programme_id=programme_id, kind=PlanKind.ROOMS)
        session.add(plan)
        session.flush()
        HANDLER.store(session, plan, problem, solution)
        session.commit()
        held = Counter(s.site_id for s in plan.sessions)
        assert set(held) == {int(s.id) for s in problem.sites} and min(held.values()) >= 40
        ctx = load_context(session, programme_id, plan.id, STARTS_ON)
        assert check_rooms(ctx.problem, ctx.solution()) == []
        assert all(len(s.staff) >= 2 for s in plan.sessions)
    engine.dispose()


def _solve_and_store(session, programme_id, base_plan_id, today) -> Plan:
    """Solve as the job runner does on that day and store the result as a new plan."""
    problem = HANDLER.build_problem(session, programme_id, base_plan_id, today)
    solution = HANDLER.solve(problem, DEMO_TIME_LIMIT_S, 0, lambda _p: None, lambda: False)
    plan = Plan(programme_id=programme_id, kind=PlanKind.ROOMS, based_on_id=base_plan_id)
    session.add(plan)
    session.flush()
    HANDLER.store(session, plan, problem, solution)
    session.commit()
    return plan


def _rows(sessions) -> list[tuple]:
    return sorted((s.site_id, s.on_date, s.start_minute, s.end_minute, s.status, s.calendar_uid,
                   tuple(sorted(st.tutor_id for st in s.staff))) for s in sessions)


@pytest.mark.slow
def test_a_solve_on_30_november_places_nothing_before_today_and_the_next_keeps_the_published_past(
        sqlite_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    today, later = date(2026, 11, 30), date(2026, 12, 21)
    with make_session_factory(engine)() as session:
        load_demo(session)
        programme_id = current_programme(session).id
        first = _solve_and_store(session, programme_id, None, today)
        assert first.sessions and [s for s in first.sessions if s.on_date < today] == []
        publish(session, programme_id, first.id, first.lock_version, None, today)
        held = [s for s in first.sessions if s.on_date < later]
        assert held  # three weeks of sessions become history by 21 December

        second = _solve_and_store(session, programme_id, first.id, later)
        assert _rows(s for s in second.sessions if s.on_date < later) == _rows(held)
        problem = HANDLER.build_problem(session, programme_id, first.id, later)
        sites = {s.id: s for s in session.scalars(select(Site))}
        per_site = Counter(s.site_id for s in held)
        assert {int(s.id): s.target_sessions for s in problem.sites} == {
            site_id: site.target_sessions - per_site[site_id] for site_id, site in sites.items() if str(site_id) in
            {s.id for s in problem.sites}}
        ctx = load_context(session, programme_id, second.id, later)
        assert check_rooms(ctx.problem, ctx.solution()) == []
    engine.dispose()
