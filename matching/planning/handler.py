"""What each kind of plan (home visits, study rooms) supplies to the job runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Optional, Protocol

from sqlalchemy.orm import Session

from matching.models import Plan


class PlanHandler(Protocol):
    """Builds a kind's solver problem from the database, solves it, and stores its result as a plan."""

    def build_problem(self, session: Session, programme_id: int, base_plan_id: Optional[int], today: date) -> Any:
        """The solver problem for the programme as the database holds it on that day, keeping the base plan's pins."""

    def solve(self, problem: Any, time_limit_s: float, seed: int, on_progress: Callable[[Any], None],
              should_stop: Callable[[], bool]) -> Any:
        """Run the solver on the problem."""

    def has_plan(self, solution: Any) -> bool:
        """Whether the solution holds a plan worth storing (a status with a usable assignment)."""

    def store(self, session: Session, plan: Plan, problem: Any, solution: Any) -> None:
        """Write the solution's rows (visits or sessions, reasons, report) into the new plan."""

    def copy_decisions(self, session: Session, source: Plan, target: Plan) -> None:
        """Carry the coordinator's pins from one plan to the plan that replaces it."""

    def publish(self, session: Session, plan: Plan, previous: Optional[Plan], today: date) -> None:
        """Make the plan's dated rows (visit occurrences from today on) and its PlanChange rows against previous."""
