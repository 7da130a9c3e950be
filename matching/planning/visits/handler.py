"""The home-visit plan handler (PlanKind.VISITS): problem from rows, CP-SAT solve, visit rows, publish."""

from __future__ import annotations

import time
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, VisitPin
from matching.planning.departures import drop_departures
from matching.planning.visits.carry_over import keep_arrangements
from matching.planning.visits.occurrences import make_occurrences
from matching.planning.visits.changes import record_plan_changes
from matching.planning.visits.problem import build_visits_problem
from matching.planning.visits.left_out import left_out_needs
from matching.planning.visits.store import store_solution
from solver.visits.explain import DEFAULT_EXPLAIN_SECONDS
from solver.visits.problem import VisitsProblem
from solver.visits.solution import VisitsSolution
from solver.visits.time_budget import TimeBudget, solve_within

USABLE_STATUSES = ("optimal", "feasible")
# Seconds the solve keeps for storing the plan, per child: the demo site's plan (118 children) takes about 0.25 s to
# store and commit with its report on a loaded machine.
STORE_SECONDS_PER_CHILD = 2e-3


class VisitsHandler:
    """Implements PlanHandler for home visits."""

    def build_problem(self, session: Session, programme_id: int, base_plan_id: Optional[int],
                      today: date) -> VisitsProblem:
        """The problem as the database holds it on that day; the base plan's visits are current and its pins hold."""
        return build_visits_problem(session, programme_id, base_plan_id, today)

    def solve(self, problem: VisitsProblem, time_limit_s: float, seed: int, on_progress, should_stop) -> VisitsSolution:
        """Run the home-visit solver, then count each waiting need's tutors by reason and look for checked changes.

        All within the time limit, as on the command line (solver/visits/time_budget.py): the counts and suggestions
        get up to DEFAULT_EXPLAIN_SECONDS (the plan leaves them that or a tenth of the limit, whichever is less),
        and storing keeps its seconds.
        """
        budget = TimeBudget(time_limit_s, time.perf_counter())
        store_s = STORE_SECONDS_PER_CHILD * len(problem.children)
        return solve_within(problem, budget, store_s, DEFAULT_EXPLAIN_SECONDS, seed, on_progress, should_stop).solution

    def has_plan(self, solution: VisitsSolution) -> bool:
        """A plan is worth storing when the solver found a feasible assignment."""
        return solution.status in USABLE_STATUSES

    def store(self, session: Session, plan: Plan, problem: VisitsProblem, solution: VisitsSolution) -> None:
        """Write the visits and the report into the new plan, with the children left out before solving and why."""
        store_solution(session, plan, problem, solution)
        left_out = left_out_needs(session, plan.programme_id, plan.created_at.date(), {c.id for c in problem.children})
        plan.report = {**plan.report, "unmet": plan.report["unmet"] + left_out}

    def copy_decisions(self, session: Session, source: Plan, target: Plan) -> None:
        """Copy the source plan's pins to the target plan."""
        for pin in session.scalars(select(VisitPin).where(VisitPin.plan_id == source.id).order_by(VisitPin.id)):
            session.add(VisitPin(plan_id=target.id, need_id=pin.need_id, tutor_id=pin.tutor_id, weekday=pin.weekday,
                                 start_minute=pin.start_minute, created_by_id=pin.created_by_id))

    def publish(self, session: Session, plan: Plan, previous: Optional[Plan], today: date) -> None:
        """Let go of people who have left, then dated occurrences of every visit from today on, keeping the
        arrangements of those the previous plan had unchanged, and PlanChange rows against the previous plan."""
        drop_departures(session, plan, today)
        make_occurrences(session, plan, today)
        keep_arrangements(plan, previous, today)
        record_plan_changes(session, plan, previous)


HANDLER = VisitsHandler()
