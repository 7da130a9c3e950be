"""One session of a rooms plan for its edit page, and the plan's children with their sites."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Plan, RoomPinKind, Student
from matching.planning.rooms.calendar import SessionView, session_views
from matching.planning.rooms.candidates import Candidate, staff_candidates
from matching.planning.rooms.context import load_context, tutor_names
from matching.planning.rooms.messages import violation_namer
from matching.planning.rooms.problem import db_id, sid
from matching.services.errors import NotFound
from solver.rooms.check import Violation


@dataclass(frozen=True)
class ExpectedChild:
    """A child expected at a session: placed at its site and able to come on its weekday."""

    student_id: int
    name: str
    grade: int


@dataclass(frozen=True)
class SessionDetail:
    """One session with its plan, the children expected, the tutors who could be added, and the pins on it."""

    plan: Plan
    session: SessionView
    site_name: str
    candidates: tuple[Candidate, ...]
    violations: tuple[Violation, ...]
    history: bool  # dated before today: kept as published, never changed
    first_day: date
    children: tuple[ExpectedChild, ...] = ()


def _expected_children(session: Session, ctx, site_id: str, weekday: int) -> tuple[ExpectedChild, ...]:
    """The plan's children placed at the site who can come on the weekday, in furigana order."""
    ids = [db_id(c.id) for c in ctx.problem.children if ctx.sites_of.get(c.id) == site_id and weekday in c.weekdays]
    if not ids:
        return ()
    students = session.scalars(select(Student).where(Student.id.in_(ids))
                               .order_by(Student.family_name_kana, Student.given_name_kana, Student.id))
    return tuple(ExpectedChild(s.id, s.full_name, s.grade) for s in students)


def session_detail(session: Session, programme_id: int, plan_id: int, session_id: int, today: date) -> SessionDetail:
    """A session of a rooms plan for its edit page, with ranked staff candidates (NotFound if absent);
    a session before today is history: no candidates, and the page offers no edits."""
    ctx = load_context(session, programme_id, plan_id, today)
    if session_id not in ctx.rows:
        raise NotFound(f"session {session_id} of plan {plan_id}")
    names = tutor_names(session, ctx.rows[session_id].staff)
    view = next(v for v in session_views(ctx, names) if v.id == session_id)
    tag = f"{ctx.rows[session_id].site_id} {view.date.isoformat()}"
    named = violation_namer(session, ctx)
    history = ctx.is_history(session_id)
    candidates = () if history else tuple(replace(c, violations=tuple(map(named, c.violations)))
                                          for c in staff_candidates(session, ctx, session_id))
    return SessionDetail(ctx.plan, view, ctx.problem.site(sid(view.site_id)).name, candidates,
                         tuple(named(v) for v in ctx.violations() if v.message_en.startswith(tag)), history,
                         ctx.first_day, _expected_children(session, ctx, ctx.rows[session_id].site_id, view.date.weekday()))


@dataclass(frozen=True)
class ChildSiteView:
    """A study-room child's site in the plan and whether it is pinned."""

    student_id: int
    name: str
    grade: int
    site_id: Optional[int]
    pinned: bool


def children_sites(session: Session, programme_id: int, plan_id: int,
                   today: date) -> tuple[Plan, list[ChildSiteView], list]:
    """The plan, its study-room children with their sites and pins, and the sites to choose from."""
    ctx = load_context(session, programme_id, plan_id, today)
    pinned = {p.student_id for p in ctx.pins if p.kind is RoomPinKind.CHILD_SITE}
    students = {s.id: s for s in session.scalars(
        select(Student).where(Student.id.in_([db_id(c.id) for c in ctx.problem.children])))}
    views = [ChildSiteView(db_id(c.id), students[db_id(c.id)].full_name, students[db_id(c.id)].grade,
                           db_id(ctx.sites_of[c.id]) if c.id in ctx.sites_of else None, db_id(c.id) in pinned)
             for c in ctx.problem.children]
    return ctx.plan, views, [(db_id(s.id), s.name) for s in ctx.problem.sites]
