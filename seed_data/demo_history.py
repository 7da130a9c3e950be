"""The demo's year so far: plans solved and published on 1 April, attendance marked up to the demo's today.

The demo command fixes the site's today at DEMO_TODAY (MATCHING_TODAY), inside the school year, so the
report and its charts show April to November on first start, and the days just before today are left
unmarked for the demo tutor to mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from matching.models import Channel, Notification, NotificationStatus, Plan, PlanKind, PlanStatus
from matching.planning.lifecycle import publish
from matching.planning.registry import handler_for
from matching.services.programme import current_programme
from seed_data.attendance_history import HistorySummary, mark_history
from seed_data.demo_calendar import STARTS_ON

DEMO_TODAY = date(2026, 11, 20)
# The last week before today stays unmarked, so the demo shows what a tutor or coordinator still has to do.
UNMARKED_DAYS = 7
# Seconds per solve, as a coordinator's solve from the site gets by default.
SOLVE_TIME_LIMIT_S = 10.0


@dataclass(frozen=True)
class DemoHistory:
    """The demo's published plans and the attendance marked on them."""

    visits_plan_id: int
    rooms_plan_id: int
    attendance: HistorySummary


def _solve_and_publish(session: Session, programme_id: int, kind: PlanKind) -> Plan:
    """Solve the kind's plan as on the first day of the year and publish it then (its notices went out then)."""
    handler = handler_for(kind)
    problem = handler.build_problem(session, programme_id, None, STARTS_ON)
    solution = handler.solve(problem, SOLVE_TIME_LIMIT_S, 0, lambda _progress: None, lambda: False)
    plan = Plan(programme_id=programme_id, kind=kind, status=PlanStatus.DRAFT)
    session.add(plan)
    session.flush()
    handler.store(session, plan, problem, solution)
    session.commit()
    return publish(session, programme_id, plan.id, plan.lock_version, None, STARTS_ON)


def load_demo_history(session: Session, today: date = DEMO_TODAY) -> DemoHistory:
    """Publish the demo's visits and rooms plans as of 1 April and mark attendance up to a few days before today."""
    programme_id = current_programme(session).id
    visits = _solve_and_publish(session, programme_id, PlanKind.VISITS)
    rooms = _solve_and_publish(session, programme_id, PlanKind.ROOMS)
    # April's notices were delivered in April: the demo's outbox starts with them sent, not queued again today.
    for channel, status in ((Channel.EMAIL, NotificationStatus.SENT), (Channel.LETTER, NotificationStatus.PRINTED)):
        session.execute(update(Notification).where(Notification.status == NotificationStatus.PENDING,
                                                   Notification.channel == channel)
                        .values(status=status, sent_at=Notification.created_at))
    attendance = mark_history(session, programme_id, today - timedelta(days=UNMARKED_DAYS))
    return DemoHistory(visits.id, rooms.id, attendance)
