"""A rooms plan as the review page shows it: sessions held against targets, a month calendar per site,
shortfalls with reasons, tutor loads, rule breaks, and a proposal's difference from the plan it replaces."""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, RoomPinKind, Student
from matching.planning.rooms_adjust import Candidate, staff_candidates
from matching.planning.rooms_context import PlanContext, load_context, tutor_names
from matching.planning.rooms_diff import RoomsDiff, diff_plans
from matching.planning.rooms_messages import violation_namer
from matching.planning.rooms_problem import db_id, sid
from matching.planning.rooms_solution import child_sites, session_rows
from matching.services.errors import NotFound
from solver.rooms.calendar import closed_reason
from solver.rooms.check import Violation


@dataclass(frozen=True)
class SiteSummary:
    """One site: sessions held against its target, how many are fully staffed, and its children."""

    site_id: int
    name: str
    target: int
    held: int
    fully_staffed: int
    children: int


@dataclass(frozen=True)
class StaffView:
    """A tutor on a session, and whether the coordinator pinned them there."""

    tutor_id: int
    name: str
    pinned: bool


@dataclass(frozen=True)
class SessionView:
    """A session on the calendar."""

    id: int
    site_id: int
    date: date
    start: int
    end: int
    staff: tuple[StaffView, ...]
    required: int
    expected_children: int
    pinned: bool

    @property
    def fully_staffed(self) -> bool:
        """Whether the session has the tutors its expected children need."""
        return len(self.staff) >= self.required


@dataclass(frozen=True)
class DayCell:
    """A day of the month grid: its sessions, or why the site is closed ("closed", "blackout", None)."""

    date: date
    in_month: bool
    sessions: tuple[SessionView, ...]
    closed: Optional[str]


@dataclass(frozen=True)
class MonthCalendar:
    """One site's month as weeks of days (Monday first), with the neighbouring months of the period."""

    site_id: int
    site_name: str
    month: date
    weeks: tuple[tuple[DayCell, ...], ...]
    previous: Optional[date]
    next: Optional[date]


@dataclass(frozen=True)
class TutorLoadView:
    """How many sessions a tutor staffs, their busiest month against their monthly cap."""

    tutor_id: int
    name: str
    sessions: int
    busiest_month: int
    cap: int


@dataclass(frozen=True)
class DiffView:
    """A proposal's difference from the plan it replaces, with names (for the coordinator only)."""

    base_plan_id: int
    kept: int
    moved: tuple[tuple[str, date, date], ...]
    new: tuple[tuple[str, date], ...]
    dropped: tuple[tuple[str, date], ...]
    tutors: tuple[tuple[str, tuple[tuple[str, date], ...], tuple[tuple[str, date], ...]], ...]
    children: tuple[tuple[str, Optional[str], Optional[str]], ...]


@dataclass(frozen=True)
class RoomPlanReview:
    """Everything the review page shows."""

    plan: Plan
    sites: tuple[SiteSummary, ...]
    total_target: int
    total_held: int
    total_staffed: int
    shortfalls: tuple[dict, ...]
    violations: tuple[Violation, ...]
    tutor_loads: tuple[TutorLoadView, ...]
    calendar: Optional[MonthCalendar]
    diff: Optional[DiffView]


def session_views(ctx: PlanContext, names: dict[int, str]) -> list[SessionView]:
    """Every session of the plan with staff names, needs and pins, by date."""
    solution = ctx.solution(ctx.rows)
    pinned_sessions = {(p.site_id, p.on_date) for p in ctx.pins if p.kind is RoomPinKind.SESSION}
    pinned_staff = {(p.site_id, p.on_date, p.tutor_id) for p in ctx.pins if p.kind is RoomPinKind.STAFF}
    views = []
    for (row_id, row), s in zip(ctx.rows.items(), solution.sessions):
        site_id = db_id(row.site_id)
        staff = tuple(StaffView(db_id(t), names.get(db_id(t), t), (site_id, row.date, db_id(t)) in pinned_staff)
                      for t in row.staff)
        views.append(SessionView(row_id, site_id, row.date, row.start, row.end, staff, s.required_staff,
                                 s.expected_children, (site_id, row.date) in pinned_sessions))
    return sorted(views, key=lambda v: (v.date, v.site_id))


def _add_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_calendar(ctx: PlanContext, views: list[SessionView], site_id: int, month: date) -> MonthCalendar:
    """The site's month grid: each day's sessions, or whether the site is closed that day."""
    site = ctx.problem.site(sid(site_id))
    by_day = defaultdict(list)
    for v in views:
        if v.site_id == site_id:
            by_day[v.date].append(v)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(tuple(DayCell(d, d.month == month.month, tuple(by_day.get(d, ())),
                                   reason if (reason := closed_reason(ctx.problem, site, d)) in ("closed", "blackout")
                                   else None) for d in week))
    first = date(ctx.problem.period.start.year, ctx.problem.period.start.month, 1)
    previous, following = _add_month(month, -1), _add_month(month, 1)
    return MonthCalendar(site_id, site.name, month, tuple(weeks), previous if previous >= first else None,
                         following if following <= ctx.problem.period.end else None)


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


def _summaries(ctx: PlanContext, views: list[SessionView]) -> tuple[SiteSummary, ...]:
    children = Counter(ctx.sites_of.values())
    out = []
    for site in ctx.problem.sites:
        here = [v for v in views if v.site_id == db_id(site.id)]
        out.append(SiteSummary(db_id(site.id), site.name, site.target_sessions, len(here),
                               sum(1 for v in here if v.fully_staffed), children[site.id]))
    return tuple(out)


def diff_view(session: Session, ctx: PlanContext, diff: RoomsDiff, base_plan_id: int) -> DiffView:
    """Name the sites, tutors and children of a plan diff."""
    site = {s.id: s.name for s in ctx.problem.sites}
    site_name = lambda s: site.get(s, s) if s else None  # noqa: E731
    names = tutor_names(session, [t.tutor_id for t in diff.tutors])
    kids = {sid(s.id): s.full_name for s in
            (session.get(Student, db_id(c.child_id)) for c in diff.children) if s is not None}
    return DiffView(
        base_plan_id, diff.kept, tuple((site_name(m.site_id), m.from_date, m.to_date) for m in diff.moved),
        tuple((site_name(s), d) for s, d in diff.new), tuple((site_name(s), d) for s, d in diff.dropped),
        tuple((names.get(db_id(t.tutor_id), t.tutor_id), tuple((site_name(s), d) for s, d in t.added),
               tuple((site_name(s), d) for s, d in t.removed)) for t in diff.tutors),
        tuple((kids.get(c.child_id, c.child_id), site_name(c.from_site_id), site_name(c.to_site_id))
              for c in diff.children))


def plan_diff(session: Session, ctx: PlanContext) -> Optional[DiffView]:
    """How the plan differs from the plan it was based on (None when it has no base)."""
    base = session.get(Plan, ctx.plan.based_on_id) if ctx.plan.based_on_id else None
    if base is None:
        return None
    diff = diff_plans(session_rows(base), child_sites(base), list(ctx.rows.values()), ctx.sites_of)
    return diff_view(session, ctx, diff, base.id)


def default_month(ctx: PlanContext, today: date) -> date:
    """Today's month inside the period, else the period's first month."""
    period = ctx.problem.period
    day = today if period.start <= today <= period.end else period.start
    return date(day.year, day.month, 1)


def review_plan(session: Session, programme_id: int, plan_id: int, site_id: Optional[int],
                month: Optional[date], today: date) -> RoomPlanReview:
    """The review of one rooms plan; the calendar shows the chosen site (else the first) and month."""
    ctx = load_context(session, programme_id, plan_id)
    names = tutor_names(session, [t for row in ctx.rows.values() for t in row.staff])
    views = session_views(ctx, names)
    site_ids = [db_id(s.id) for s in ctx.problem.sites]
    chosen = site_id if site_id in site_ids else (site_ids[0] if site_ids else None)
    period = ctx.problem.period
    if month is None or not date(period.start.year, period.start.month, 1) <= month <= period.end:
        month = default_month(ctx, today)
    summaries = _summaries(ctx, views)
    return RoomPlanReview(
        ctx.plan, summaries, sum(s.target for s in summaries), sum(s.held for s in summaries),
        sum(s.fully_staffed for s in summaries), tuple((ctx.plan.report or {}).get("shortfalls", ())),
        tuple(map(violation_namer(session, ctx), ctx.violations())), _tutor_loads(ctx, names),
        month_calendar(ctx, views, chosen, month) if chosen is not None else None, plan_diff(session, ctx))


@dataclass(frozen=True)
class SessionDetail:
    """One session with its plan, the tutors who could be added, and the pins on it."""

    plan: Plan
    session: SessionView
    site_name: str
    candidates: tuple[Candidate, ...]
    violations: tuple[Violation, ...]


def session_detail(session: Session, programme_id: int, plan_id: int, session_id: int) -> SessionDetail:
    """A session of a rooms plan for its edit page, with ranked staff candidates (NotFound if absent)."""
    ctx = load_context(session, programme_id, plan_id)
    if session_id not in ctx.rows:
        raise NotFound(f"session {session_id} of plan {plan_id}")
    names = tutor_names(session, ctx.rows[session_id].staff)
    view = next(v for v in session_views(ctx, names) if v.id == session_id)
    tag = f"{ctx.rows[session_id].site_id} {view.date.isoformat()}"
    named = violation_namer(session, ctx)
    candidates = tuple(replace(c, violations=tuple(map(named, c.violations)))
                       for c in staff_candidates(session, ctx, session_id))
    return SessionDetail(ctx.plan, view, ctx.problem.site(sid(view.site_id)).name, candidates,
                         tuple(named(v) for v in ctx.violations() if v.message_en.startswith(tag)))


@dataclass(frozen=True)
class ChildSiteView:
    """A study-room child's site in the plan and whether it is pinned."""

    student_id: int
    name: str
    grade: int
    site_id: Optional[int]
    pinned: bool


def children_sites(session: Session, programme_id: int, plan_id: int) -> tuple[Plan, list[ChildSiteView], list]:
    """The plan, its study-room children with their sites and pins, and the sites to choose from."""
    ctx = load_context(session, programme_id, plan_id)
    pinned = {p.student_id for p in ctx.pins if p.kind is RoomPinKind.CHILD_SITE}
    students = {s.id: s for s in session.scalars(
        select(Student).where(Student.id.in_([db_id(c.id) for c in ctx.problem.children])))}
    views = [ChildSiteView(db_id(c.id), students[db_id(c.id)].full_name, students[db_id(c.id)].grade,
                           db_id(ctx.sites_of[c.id]) if c.id in ctx.sites_of else None, db_id(c.id) in pinned)
             for c in ctx.problem.children]
    return ctx.plan, views, [(db_id(s.id), s.name) for s in ctx.problem.sites]
