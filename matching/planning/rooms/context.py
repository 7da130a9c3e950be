"""One rooms plan loaded for review or editing: its rows, the current problem, and the solver's view of both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, PlanKind, RoomPin, Tutor
from matching.planning.lifecycle import load_plan
from matching.planning.rooms.problem import build_rooms_problem
from matching.planning.rooms.solution import SessionRow, as_solution, child_sites, row_of
from solver.rooms.check import Violation, check_rooms
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import RoomsSolution


@dataclass
class PlanContext:
    """A rooms plan with its problem (the plan's own pins), rows by session id and child sites."""

    plan: Plan
    problem: RoomsProblem
    rows: dict[int, SessionRow]
    sites_of: dict[str, str]
    pins: list[RoomPin]

    @property
    def first_day(self) -> date:
        """The first date the plan may still change: earlier sessions are history, copied as published."""
        return self.problem.period.start

    def is_history(self, session_id: int) -> bool:
        """Whether the session is dated before the first day the plan may change."""
        return self.rows[session_id].date < self.first_day

    def solution(self, rows: dict[int, SessionRow] | None = None, sites_of: dict[str, str] | None = None) -> RoomsSolution:
        """The plan (or a modified copy of its rows) from the first changeable day on, as a RoomsSolution.

        History is left out: the problem's period and targets are those of the rest of the year.
        """
        rows = (rows if rows is not None else self.rows).values()
        return as_solution(self.problem, [r for r in rows if r.date >= self.first_day],
                           sites_of if sites_of is not None else self.sites_of)

    def violations(self, rows: dict[int, SessionRow] | None = None,
                   sites_of: dict[str, str] | None = None) -> list[Violation]:
        """The solver checker's verdict on the plan or a modified copy."""
        return check_rooms(self.problem, self.solution(rows, sites_of))


def load_context(session: Session, programme_id: int, plan_id: int, today: date) -> PlanContext:
    """Load a rooms plan of the programme with the problem as the database holds it today (NotFound otherwise)."""
    plan = load_plan(session, programme_id, plan_id, PlanKind.ROOMS)
    problem = build_rooms_problem(session, programme_id, plan.id, today)
    rows = {s.id: row_of(s) for s in plan.sessions}
    pins = list(session.scalars(select(RoomPin).where(RoomPin.plan_id == plan.id).order_by(RoomPin.id)))
    return PlanContext(plan, problem, rows, child_sites(plan), pins)


def tutor_names(session: Session, tutor_ids) -> dict[int, str]:
    """Full names of the given tutors, by id."""
    ids = sorted({int(t) for t in tutor_ids})
    if not ids:
        return {}
    return {t.id: t.full_name for t in session.scalars(select(Tutor).where(Tutor.id.in_(ids)))}
