"""The study-room plan handler: builds the rooms problem, solves it, stores and publishes its plans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, RoomPin
from matching.planning.departures import drop_departures
from matching.planning.rooms.carry_over import keep_arrangements
from matching.planning.rooms.changes import record_changes
from matching.planning.rooms.problem import build_rooms_problem
from matching.planning.rooms.store import store_solution
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import Progress, RoomsSolution
from solver.rooms.solve import solve_rooms

USABLE_STATUSES = ("optimal", "feasible")


class RoomsHandler:
    """The PlanHandler of study-room plans (sessions are dated, so publishing makes no occurrences)."""

    def build_problem(self, session: Session, programme_id: int, base_plan_id: Optional[int],
                      today: date) -> RoomsProblem:
        """The rooms problem from today on (children still supported then), keeping the base plan's pins and
        changing it least."""
        return build_rooms_problem(session, programme_id, base_plan_id, today)

    def solve(self, problem: RoomsProblem, time_limit_s: float, seed: int,
              on_progress: Callable[[Progress], None], should_stop: Callable[[], bool]) -> RoomsSolution:
        """Run the rooms solver."""
        return solve_rooms(problem, time_limit_s=time_limit_s, seed=seed, on_progress=on_progress,
                           should_stop=should_stop)

    def has_plan(self, solution: RoomsSolution) -> bool:
        """Whether the solver found a plan: a proven one, or sessions from a phase that ran out of time.

        A phase that stops at its time limit without proof reports "unknown", but the rooms solver still
        returns every session it placed (with shortfalls for the rest), which is worth reviewing.
        """
        return solution.status in USABLE_STATUSES or (solution.status == "unknown" and bool(solution.sessions))

    def store(self, session: Session, plan: Plan, problem: RoomsProblem, solution: RoomsSolution) -> None:
        """Write sessions, staff, child sites and the report into the new plan."""
        store_solution(session, plan, problem, solution)

    def copy_decisions(self, session: Session, source: Plan, target: Plan) -> None:
        """Copy the source plan's room pins to the plan that replaces it."""
        for pin in session.scalars(select(RoomPin).where(RoomPin.plan_id == source.id).order_by(RoomPin.id)):
            session.add(RoomPin(plan_id=target.id, kind=pin.kind, site_id=pin.site_id, on_date=pin.on_date,
                                tutor_id=pin.tutor_id, student_id=pin.student_id, created_by_id=pin.created_by_id))
        session.flush()

    def publish(self, session: Session, plan: Plan, previous: Optional[Plan], today: date) -> None:
        """Let go of people who have left, keep the published past and the arrangements of unchanged sessions, then
        record what the plan changes for each tutor, child and site against the previously published plan."""
        drop_departures(session, plan, today)
        keep_arrangements(plan, previous, today)
        session.flush()
        record_changes(session, plan, previous)


HANDLER = RoomsHandler()
