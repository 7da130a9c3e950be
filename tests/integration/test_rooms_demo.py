"""The rooms handler on the demo programme: every site gets sessions and every session is staffed."""

from __future__ import annotations

from datetime import date

import shutil
from collections import Counter

import pytest

from matching.db import make_engine, make_session_factory
from matching.models import Plan, PlanKind
from matching.planning.rooms.handler import HANDLER
from matching.planning.rooms.context import load_context
from matching.services.programme import current_programme
from seed_data.demo import load_demo
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
        problem = HANDLER.build_problem(session, programme_id, None, date(2026, 11, 22))
        solution = HANDLER.solve(problem, DEMO_TIME_LIMIT_S, 0, lambda _p: None, lambda: False)
        assert HANDLER.has_plan(solution)
        plan = Plan(programme_id=programme_id, kind=PlanKind.ROOMS)
        session.add(plan)
        session.flush()
        HANDLER.store(session, plan, problem, solution)
        session.commit()
        held = Counter(s.site_id for s in plan.sessions)
        assert set(held) == {int(s.id) for s in problem.sites} and min(held.values()) >= 40
        ctx = load_context(session, programme_id, plan.id, date(2026, 11, 22))
        assert check_rooms(ctx.problem, ctx.solution()) == []
        assert all(len(s.staff) >= 2 for s in plan.sessions)
    engine.dispose()
