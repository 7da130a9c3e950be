"""Semantic checks of a rooms problem beyond its schema; each failure names the JSON field at fault.

A target larger than the open dates allow is not an error: the solver reports it as a shortfall.
"""

from __future__ import annotations

from solver.errors import ProblemError
from solver.rooms.calendar import closed_reason
from solver.rooms.eligibility import child_can_attend, tutor_can_staff
from solver.rooms.problem import RoomsProblem

_CLOSED_WORDS = {
    "period": "is outside the period",
    "weekday": "is not on one of the site's weekdays",
    "closed": "is a closed date",
    "blackout": "falls in a blackout period",
}


def _unique(ids: list[str], field: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            raise ProblemError(f"{field}[{i}].id", f"duplicate id {value!r}")
        seen.add(value)


def _known(values, known: set[str], field: str, what: str) -> None:
    for j, value in enumerate(values):
        if value not in known:
            raise ProblemError(f"{field}[{j}]", f"unknown {what} {value!r}")


def _check_sites(problem: RoomsProblem) -> None:
    for i, site in enumerate(problem.sites):
        for name in ("target_sessions", "capacity", "min_gap_days", "min_tutors", "children_per_tutor"):
            low = 0 if name == "target_sessions" else 1
            if getattr(site, name) < low:
                raise ProblemError(f"sites[{i}].{name}", f"must be at least {low}, got {getattr(site, name)}")
        if not site.windows:
            raise ProblemError(f"sites[{i}].windows", "a site needs at least one weekly session window")
        weekdays = [w.weekday for w in site.windows]
        for j, weekday in enumerate(weekdays):
            if weekday in weekdays[:j]:
                raise ProblemError(f"sites[{i}].windows[{j}].weekday", "a site holds at most one session a day: one window per weekday")


def _check_people(problem: RoomsProblem, site_ids: set[str]) -> None:
    for i, tutor in enumerate(problem.tutors):
        _known(tutor.site_ids, site_ids, f"tutors[{i}].site_ids", "site")
        _known(tutor.preferred_site_ids, site_ids, f"tutors[{i}].preferred_site_ids", "site")
        if tutor.max_sessions_per_month < 0:
            raise ProblemError(f"tutors[{i}].max_sessions_per_month", "must not be negative")
    for i, child in enumerate(problem.children):
        _known(child.allowed_site_ids, site_ids, f"children[{i}].allowed_site_ids", "site")
        _known(child.preferred_site_ids, site_ids, f"children[{i}].preferred_site_ids", "site")


def _check_pins(problem: RoomsProblem, site_ids: set[str]) -> None:
    tutors = {t.id: t for t in problem.tutors}
    children = {c.id: c for c in problem.children}
    for k, pin in enumerate(problem.pins.sessions):
        _known([pin.site_id], site_ids, f"pins.sessions[{k}].site_id", "site")
        reason = closed_reason(problem, problem.site(pin.site_id), pin.date)
        if reason:
            raise ProblemError(f"pins.sessions[{k}].date", f"{pin.date.isoformat()} {_CLOSED_WORDS[reason]} of site {pin.site_id!r}")
    for k, pin in enumerate(problem.pins.staff):
        _known([pin.site_id], site_ids, f"pins.staff[{k}].site_id", "site")
        _known([pin.tutor_id], set(tutors), f"pins.staff[{k}].tutor_id", "tutor")
        site = problem.site(pin.site_id)
        reason = closed_reason(problem, site, pin.date)
        if reason:
            raise ProblemError(f"pins.staff[{k}].date", f"{pin.date.isoformat()} {_CLOSED_WORDS[reason]} of site {pin.site_id!r}")
        if not tutor_can_staff(tutors[pin.tutor_id], site, pin.date):
            raise ProblemError(f"pins.staff[{k}].tutor_id", f"tutor {pin.tutor_id!r} cannot reach site {pin.site_id!r} or is not available on {pin.date.isoformat()}")
    pinned: set[str] = set()
    for k, pin in enumerate(problem.pins.child_sites):
        _known([pin.child_id], set(children), f"pins.child_sites[{k}].child_id", "child")
        _known([pin.site_id], site_ids, f"pins.child_sites[{k}].site_id", "site")
        if pin.child_id in pinned:
            raise ProblemError(f"pins.child_sites[{k}].child_id", f"child {pin.child_id!r} is pinned twice")
        pinned.add(pin.child_id)
        if not child_can_attend(children[pin.child_id], problem.site(pin.site_id)):
            raise ProblemError(f"pins.child_sites[{k}].site_id", f"site {pin.site_id!r} is not allowed for child {pin.child_id!r} or opens on none of their weekdays")


def _check_pinned_dates(problem: RoomsProblem) -> None:
    """Pinned session dates (from session and staff pins) fit the site's target and minimum gap."""
    pinned: dict[str, dict] = {}
    for kind, pins in (("sessions", problem.pins.sessions), ("staff", problem.pins.staff)):
        for k, pin in enumerate(pins):
            pinned.setdefault(pin.site_id, {}).setdefault(pin.date, f"pins.{kind}[{k}].date")
    for site_id, dates in pinned.items():
        site = problem.site(site_id)
        if len(dates) > site.target_sessions:
            field = dates[sorted(dates)[site.target_sessions]]
            raise ProblemError(field, f"site {site_id!r} has {len(dates)} pinned dates but a target of {site.target_sessions}")
        days = sorted(dates)
        for a, b in zip(days, days[1:]):
            if (b - a).days < site.min_gap_days:
                raise ProblemError(dates[b], f"{a.isoformat()} and {b.isoformat()} are closer than the minimum gap of {site_id!r}")


def validate_problem(problem: RoomsProblem) -> None:
    """Raise ProblemError naming the field if the problem is inconsistent; return None when it is sound."""
    if problem.period.end < problem.period.start:
        raise ProblemError("period.end", "the end must not be before the start")
    _unique([s.id for s in problem.sites], "sites")
    _unique([t.id for t in problem.tutors], "tutors")
    _unique([c.id for c in problem.children], "children")
    site_ids = {s.id for s in problem.sites}
    _check_sites(problem)
    for i, special in enumerate(problem.special_periods):
        if special.end < special.start:
            raise ProblemError(f"special_periods[{i}].end", "the end must not be before the start")
        _known(special.site_ids, site_ids, f"special_periods[{i}].site_ids", "site")
    _check_people(problem, site_ids)
    _check_pins(problem, site_ids)
    _check_pinned_dates(problem)
