"""Study-room history: the published plan's sessions before the first day a solve plans, kept as they were.

A solve plans from today (or the programme's start); what the published plan held before then is never
re-planned. A new plan copies those sessions as published (staff, confirmations, substitutes, status and
calendar id), and each site's target for the rest of the year is its annual target less the sessions held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import OccurrenceStatus, Plan, PlanKind, Session as RoomSession, SessionStaff
from matching.services.published import published_plan_id


def first_planned_day(programme_starts_on: date, today: date) -> date:
    """The first date a solve may place a session on: today, or the programme's start if that is later."""
    return max(today, programme_starts_on)


def published_history(session: Session, programme_id: int, before: date) -> list[RoomSession]:
    """The published rooms plan's sessions dated before that day (none without a published plan)."""
    plan_id = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if plan_id is None:
        return []
    return list(session.scalars(
        select(RoomSession).where(RoomSession.plan_id == plan_id, RoomSession.on_date < before)
        .options(selectinload(RoomSession.staff)).order_by(RoomSession.site_id, RoomSession.on_date)))


def held_per_site(sessions: list[RoomSession]) -> Counter:
    """Sessions held per site id: every one of them except those cancelled."""
    return Counter(s.site_id for s in sessions if s.status is not OccurrenceStatus.CANCELLED)


def copy_sessions(plan: Plan, sessions: Iterable[RoomSession]) -> None:
    """Copy sessions into the plan exactly as they are: staff, confirmations, substitutes, status, calendar id."""
    for old in sessions:
        row = RoomSession(site_id=old.site_id, on_date=old.on_date, start_minute=old.start_minute,
                          end_minute=old.end_minute, status=old.status, calendar_uid=old.calendar_uid)
        row.staff = [SessionStaff(tutor_id=st.tutor_id, confirmed_at=st.confirmed_at,
                                  substitute_for_id=st.substitute_for_id)
                     for st in sorted(old.staff, key=lambda st: st.tutor_id)]
        plan.sessions.append(row)


def copy_history(session: Session, plan: Plan, before: date) -> int:
    """Copy the published plan's sessions before that day into the plan exactly as published; returns how many."""
    history = published_history(session, plan.programme_id, before)
    copy_sessions(plan, history)
    return len(history)
