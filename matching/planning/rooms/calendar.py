"""A rooms plan's sessions as a calendar: each session with staff names, needs and pins; a site's month grid."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from matching.models import RoomPinKind
from matching.planning.rooms.context import PlanContext
from matching.planning.rooms.problem import db_id, sid
from solver.rooms.calendar import closed_reason


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
