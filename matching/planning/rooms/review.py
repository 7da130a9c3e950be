"""A rooms plan as the review page shows it: sessions held against targets, a site's month calendar,
shortfalls with reasons, tutor loads, rule breaks, and the difference from the plan it replaces."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy.orm import Session

from matching.models import OccurrenceStatus, Plan, Site
from matching.planning.rooms.calendar import MonthCalendar, SessionView, month_calendar, session_views
from matching.planning.rooms.context import PlanContext, load_context, tutor_names
from matching.planning.rooms.diff_view import DiffView, plan_diff
from matching.planning.rooms.messages import violation_namer
from matching.planning.rooms.problem import db_id
from solver.rooms.check import Violation


@dataclass(frozen=True)
class SiteSummary:
    """One site: its year's target, sessions held before today, the target left and the sessions planned from
    today (how many fully staffed), and its children."""

    site_id: int
    name: str
    target: int  # the year's
    held: int  # before today, not cancelled
    remaining: int  # the target for the rest of the year: the year's less those the published plan held
    planned: int  # from today on
    fully_staffed: int  # of those planned
    children: int


@dataclass(frozen=True)
class TutorLoadView:
    """How many sessions a tutor staffs, their busiest month against their monthly cap."""

    tutor_id: int
    name: str
    sessions: int
    busiest_month: int
    cap: int


@dataclass(frozen=True)
class RoomPlanReview:
    """Everything the review page shows."""

    plan: Plan
    first_day: date
    sites: tuple[SiteSummary, ...]
    total_target: int
    total_held: int
    total_remaining: int
    total_planned: int
    total_staffed: int
    shortfalls: tuple[dict, ...]
    violations: tuple[Violation, ...]
    tutor_loads: tuple[TutorLoadView, ...]
    calendar: Optional[MonthCalendar]
    diff: Optional[DiffView]


def _tutor_loads(ctx: PlanContext, names: dict[int, str]) -> tuple[TutorLoadView, ...]:
    caps = {t.id: t.max_sessions_per_month for t in ctx.problem.tutors}
    total, months = Counter(), Counter()
    for row in ctx.rows.values():
        for t in row.staff:
            total[t] += 1
            months[t, row.date.year, row.date.month] += 1
    busiest = defaultdict(int)
    for (t, _y, _m), n in months.items():
        busiest[t] = max(busiest[t], n)
    return tuple(TutorLoadView(db_id(t), names.get(db_id(t), t), n, busiest[t], caps.get(t, 0))
                 for t, n in sorted(total.items(), key=lambda item: (-item[1], db_id(item[0]))))


def _summaries(session: Session, ctx: PlanContext, views: list[SessionView]) -> tuple[SiteSummary, ...]:
    children = Counter(ctx.sites_of.values())
    cancelled = {s.id for s in ctx.plan.sessions if s.status is OccurrenceStatus.CANCELLED}
    out = []
    for site in ctx.problem.sites:
        here = [v for v in views if v.site_id == db_id(site.id) and v.id not in cancelled]
        planned = [v for v in here if v.date >= ctx.first_day]
        out.append(SiteSummary(db_id(site.id), site.name, session.get(Site, db_id(site.id)).target_sessions,
                               len(here) - len(planned), site.target_sessions, len(planned),
                               sum(1 for v in planned if v.fully_staffed), children[site.id]))
    return tuple(out)


def _shortfalls(ctx: PlanContext, named) -> tuple[dict, ...]:
    """The report's shortfalls, a child's written with the child's name instead of the id."""
    out = []
    for s in (ctx.plan.report or {}).get("shortfalls", ()):
        if s.get("kind") == "child":
            v = named(Violation("child_shortfall", s["reason_ja"], s["reason_en"]))
            s = {**s, "reason_ja": v.message_ja, "reason_en": v.message_en}
        out.append(s)
    return tuple(out)


def default_month(ctx: PlanContext, today: date) -> date:
    """Today's month inside the period, else the period's first month."""
    period = ctx.problem.period
    day = today if period.start <= today <= period.end else period.start
    return date(day.year, day.month, 1)


def review_plan(session: Session, programme_id: int, plan_id: int, site_id: Optional[int],
                month: Optional[date], today: date) -> RoomPlanReview:
    """The review of one rooms plan; the calendar shows the chosen site (else the first) and month."""
    ctx = load_context(session, programme_id, plan_id, today)
    names = tutor_names(session, [t for row in ctx.rows.values() for t in row.staff])
    views = session_views(ctx, names)
    site_ids = [db_id(s.id) for s in ctx.problem.sites]
    chosen = site_id if site_id in site_ids else (site_ids[0] if site_ids else None)
    period = ctx.problem.period
    if month is None or not date(period.start.year, period.start.month, 1) <= month <= period.end:
        month = default_month(ctx, today)
    summaries = _summaries(session, ctx, views)
    named = violation_namer(session, ctx)
    return RoomPlanReview(
        ctx.plan, ctx.first_day, summaries, sum(s.target for s in summaries), sum(s.held for s in summaries),
        sum(s.remaining for s in summaries), sum(s.planned for s in summaries),
        sum(s.fully_staffed for s in summaries), _shortfalls(ctx, named),
        tuple(map(named, ctx.violations())), _tutor_loads(ctx, names),
        month_calendar(ctx, views, chosen, month) if chosen is not None else None, plan_diff(session, ctx))
