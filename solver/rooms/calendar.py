"""Candidate session dates per site: the site's weekdays inside the period, minus closed dates and blackouts."""

from __future__ import annotations

from datetime import date, timedelta

from solver.clock import WeeklyWindow
from solver.rooms.problem import BLACKOUT, INTENSIVE, RoomsProblem, Site


def days_of(start: date, end: date) -> list[date]:
    """Every day from start to end, both included."""
    return [start + timedelta(days=k) for k in range((end - start).days + 1)]


def window_on(site: Site, day: date) -> WeeklyWindow | None:
    """The site's session window on that day's weekday, if it has one."""
    return next((w for w in site.windows if w.weekday == day.weekday()), None)


def closed_reason(problem: RoomsProblem, site: Site, day: date) -> str | None:
    """Why a site cannot hold a session that day ("period", "weekday", "closed", "blackout"), or None if it can."""
    if not problem.period.start <= day <= problem.period.end:
        return "period"
    if window_on(site, day) is None:
        return "weekday"
    if day in problem.closed_dates or day in site.closed_dates:
        return "closed"
    if any(p.kind == BLACKOUT and p.covers(site.id, day) for p in problem.special_periods):
        return "blackout"
    return None


def candidate_dates(problem: RoomsProblem, site: Site) -> list[date]:
    """The open dates on which the site may hold a session, in order."""
    return [d for d in days_of(problem.period.start, problem.period.end) if closed_reason(problem, site, d) is None]


def is_intensive(problem: RoomsProblem, site: Site, day: date) -> bool:
    """Whether the day falls in an intensive period for that site."""
    return any(p.kind == INTENSIVE and p.covers(site.id, day) for p in problem.special_periods)


def month_key(day: date) -> str:
    """The month of a date as "YYYY-MM" (the unit of tutors' monthly caps)."""
    return f"{day.year:04d}-{day.month:02d}"


def max_sessions_with_gap(candidates: list[date], min_gap_days: int) -> int:
    """The most sessions the candidates allow with the minimum gap (earliest-first greedy is optimal here)."""
    count, last = 0, None
    for day in sorted(candidates):
        if last is None or (day - last).days >= min_gap_days:
            count, last = count + 1, day
    return count
