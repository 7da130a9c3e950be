"""Adjusting a draft rooms plan: move or cancel a session, change its staff, pin and unpin.

Every edit is judged by the solver's own checker on the modified plan before it is saved: rule breaks
it would add are returned, and saved only when the coordinator confirms. Each edit checks the plan's
lock version (a second coordinator's stale save is refused), bumps it and is audited (ids only).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Optional

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matching.models import (
    PlanStatus, RoomPin, RoomPinKind, Session as RoomSession, SessionStaff, StudentSiteAssignment,
)
from matching.planning.lifecycle import check_version, touch
from matching.planning.rooms_context import PlanContext, load_context, tutor_names
from matching.planning.rooms_messages import violation_namer
from matching.planning.rooms_problem import db_id, sid
from matching.planning.rooms_solution import SessionRow
from matching.services.audit import record
from matching.services.errors import InvalidState, NotFound, StaleEdit
from solver.errors import ProblemError
from solver.rooms import problem as rp
from solver.rooms.calendar import window_on
from solver.rooms.check import Violation
from solver.rooms.validate import validate_problem

Rows = dict[int, SessionRow]


@dataclass(frozen=True)
class EditResult:
    """Whether the edit was saved, and the rule breaks it adds (saved anyway only when confirmed)."""

    saved: bool
    violations: tuple[Violation, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A tutor who could be added to a session, with the rule breaks that would cause (best first)."""

    tutor_id: int
    name: str
    violations: tuple[Violation, ...]
    preferred: bool
    load: int


def editable_context(session: Session, programme_id: int, plan_id: int, expected_lock_version: int) -> PlanContext:
    """The draft plan to edit, refusing other statuses (InvalidState) and stale views (StaleEdit)."""
    ctx = load_context(session, programme_id, plan_id)
    if ctx.plan.status is not PlanStatus.DRAFT:
        raise InvalidState(f"plan {plan_id} is {ctx.plan.status.value}, not a draft")
    check_version(ctx.plan, expected_lock_version)
    return ctx


def _row(ctx: PlanContext, session_id: int) -> RoomSession:
    row = next((s for s in ctx.plan.sessions if s.id == session_id), None)
    if row is None:
        raise NotFound(f"session {session_id} of plan {ctx.plan.id}")
    return row


def added_violations(ctx: PlanContext, rows: Rows, sites_of: Optional[dict[str, str]] = None,
                     before_rows: Optional[Rows] = None) -> tuple[Violation, ...]:
    """The checker's rule breaks in the modified rows that the unmodified ones (default: the plan) do not have."""
    before = {(v.code, v.message_en) for v in ctx.violations(before_rows)}
    return tuple(v for v in ctx.violations(rows, sites_of) if (v.code, v.message_en) not in before)


def _save(session: Session, ctx: PlanContext, new: tuple[Violation, ...], confirm: bool, apply: Callable[[], None],
          user_id: Optional[int], action: str, entity: str, entity_id: int, **detail) -> EditResult:
    if new and not confirm:
        return EditResult(False, tuple(map(violation_namer(session, ctx), new)))
    apply()
    touch(ctx.plan)
    record(session, user_id, action, entity, entity_id, plan_id=ctx.plan.id,
           rule_breaks=[v.code for v in new], **detail)
    try:
        session.commit()
    except StaleDataError as err:  # another save committed between our version check and this one
        session.rollback()
        raise StaleEdit(f"plan {ctx.plan.id} changed while saving") from err
    return EditResult(True, new)


def _pins_of(ctx: PlanContext, row: RoomSession) -> list[RoomPin]:
    return [p for p in ctx.pins if p.kind in (RoomPinKind.SESSION, RoomPinKind.STAFF)
            and p.site_id == row.site_id and p.on_date == row.on_date]


def move_session(session: Session, programme_id: int, plan_id: int, session_id: int, new_date: date,
                 expected_lock_version: int, user_id: Optional[int], confirm: bool = False) -> EditResult:
    """Move a session to another date at the site's hours for that weekday; its pins move with it."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version)
    row = _row(ctx, session_id)
    window = window_on(ctx.problem.site(sid(row.site_id)), new_date)
    start, end = (window.start, window.end) if window else (row.start_minute, row.end_minute)
    rows = {**ctx.rows, session_id: replace(ctx.rows[session_id], date=new_date, start=start, end=end)}

    def apply():
        for pin in _pins_of(ctx, row):
            pin.on_date = new_date
        row.on_date, row.start_minute, row.end_minute = new_date, start, end

    return _save(session, ctx, added_violations(ctx, rows), confirm, apply, user_id, "room_session_moved",
                 "session", session_id, fields=["on_date", "start_minute", "end_minute"])


def cancel_session(session: Session, programme_id: int, plan_id: int, session_id: int, expected_lock_version: int,
                   user_id: Optional[int], confirm: bool = False) -> EditResult:
    """Remove a session from the draft (its pins go with it)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version)
    row = _row(ctx, session_id)
    rows = {k: v for k, v in ctx.rows.items() if k != session_id}

    def apply():
        for pin in _pins_of(ctx, row):
            session.delete(pin)
        ctx.plan.sessions.remove(row)

    return _save(session, ctx, added_violations(ctx, rows), confirm, apply, user_id, "room_session_cancelled",
                 "session", session_id, site_id=row.site_id)


def change_staff(session: Session, programme_id: int, plan_id: int, session_id: int, tutor_id: int, add: bool,
                 expected_lock_version: int, user_id: Optional[int], confirm: bool = False) -> EditResult:
    """Add a tutor to a session or remove one (removing also drops the tutor's pin there)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version)
    row = _row(ctx, session_id)
    staff = set(ctx.rows[session_id].staff)
    if add == (sid(tutor_id) in staff):
        raise InvalidState(f"tutor {tutor_id} is {'already' if add else 'not'} on session {session_id}")
    staff = staff | {sid(tutor_id)} if add else staff - {sid(tutor_id)}
    rows = {**ctx.rows, session_id: replace(ctx.rows[session_id], staff=tuple(sorted(staff, key=int)))}

    def apply():
        if add:
            row.staff.append(SessionStaff(tutor_id=tutor_id))
            return
        row.staff[:] = [st for st in row.staff if st.tutor_id != tutor_id]
        for pin in _pins_of(ctx, row):
            if pin.kind is RoomPinKind.STAFF and pin.tutor_id == tutor_id:
                session.delete(pin)

    return _save(session, ctx, added_violations(ctx, rows), confirm, apply, user_id,
                 "room_staff_added" if add else "room_staff_removed", "session", session_id, tutor_id=tutor_id)


def staff_candidates(session: Session, ctx: PlanContext, session_id: int, limit: int = 15) -> list[Candidate]:
    """Tutors not on the session, ranked by the rule breaks adding them would cause, then preference and load."""
    current = ctx.rows.get(session_id)
    if current is None:
        raise NotFound(f"session {session_id}")
    load = {}
    for r in ctx.rows.values():
        for t in r.staff:
            load[t] = load.get(t, 0) + 1
    ranked = []
    for tutor in ctx.problem.tutors:
        if tutor.id in current.staff:
            continue
        # Only the session and the tutor's other sessions can gain a break: check just those, before and after.
        nearby = {k: r for k, r in ctx.rows.items() if k == session_id or tutor.id in r.staff}
        rows = {**nearby, session_id: replace(current, staff=tuple(sorted((*current.staff, tutor.id), key=int)))}
        new = added_violations(ctx, rows, before_rows=nearby)
        ranked.append((len(new), current.site_id not in tutor.preferred_site_ids, load.get(tutor.id, 0),
                       db_id(tutor.id), new))
    ranked.sort(key=lambda item: item[:4])
    names = tutor_names(session, [item[3] for item in ranked[:limit]])
    return [Candidate(t, names.get(t, str(t)), new, not not_preferred, n)
            for _count, not_preferred, n, t, new in ranked[:limit]]


def _pin_refused(ctx: PlanContext, pins: rp.Pins) -> Optional[Violation]:
    """The solver's own validation of the pins: a pin it could never keep is refused."""
    try:
        validate_problem(replace(ctx.problem, pins=pins))
    except ProblemError as err:
        return Violation("pin_invalid", f"この固定は守れないため保存できません({err})", f"This pin can never be kept ({err})")
    return None


def set_session_pin(session: Session, programme_id: int, plan_id: int, session_id: int, tutor_id: Optional[int],
                    pinned: bool, expected_lock_version: int, user_id: Optional[int]) -> EditResult:
    """Pin or unpin a session's date (tutor_id None) or one of its tutors, so re-solves keep it."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version)
    row = _row(ctx, session_id)
    kind = RoomPinKind.STAFF if tutor_id else RoomPinKind.SESSION
    if tutor_id and tutor_id not in {st.tutor_id for st in row.staff}:
        raise InvalidState(f"tutor {tutor_id} is not on session {session_id}")
    existing = [p for p in _pins_of(ctx, row) if p.kind is kind and p.tutor_id == tutor_id]
    if pinned and not existing:
        pins = ctx.problem.pins
        pins = replace(pins, staff=(*pins.staff, rp.StaffPin(sid(row.site_id), row.on_date, sid(tutor_id)))) if tutor_id \
            else replace(pins, sessions=(*pins.sessions, rp.SessionPin(sid(row.site_id), row.on_date)))
        refused = _pin_refused(ctx, pins)
        if refused:
            return EditResult(False, (refused,))
        session.add(RoomPin(plan_id=plan_id, kind=kind, site_id=row.site_id, on_date=row.on_date, tutor_id=tutor_id,
                            created_by_id=user_id))
    elif not pinned:
        for pin in existing:
            session.delete(pin)
    return _save(session, ctx, (), True, lambda: None, user_id, "room_pin_set" if pinned else "room_pin_removed",
                 "session", session_id, kind=kind.value, tutor_id=tutor_id)


def set_child_site(session: Session, programme_id: int, plan_id: int, student_id: int, site_id: Optional[int],
                   expected_lock_version: int, user_id: Optional[int], confirm: bool = False) -> EditResult:
    """Pin a child to a site (moving them there if needed), or unpin them (site_id None)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version)
    if not any(c.id == sid(student_id) for c in ctx.problem.children):
        raise NotFound(f"study-room child {student_id}")
    existing = [p for p in ctx.pins if p.kind is RoomPinKind.CHILD_SITE and p.student_id == student_id]
    if site_id is None:
        return _save(session, ctx, (), True, lambda: [session.delete(p) for p in existing], user_id,
                     "room_pin_removed", "student", student_id, kind=RoomPinKind.CHILD_SITE.value)
    pins = ctx.problem.pins
    pins = replace(pins, child_sites=tuple(p for p in pins.child_sites if p.child_id != sid(student_id))
                   + (rp.ChildSitePin(sid(student_id), sid(site_id)),))
    refused = _pin_refused(ctx, pins)
    if refused:
        return EditResult(False, (refused,))
    sites_of = {**ctx.sites_of, sid(student_id): sid(site_id)}

    def apply():
        for pin in existing:
            session.delete(pin)
        session.add(RoomPin(plan_id=plan_id, kind=RoomPinKind.CHILD_SITE, site_id=site_id, student_id=student_id,
                            created_by_id=user_id))
        assignment = next((a for a in ctx.plan.assignments if a.student_id == student_id), None)
        if assignment is None:
            ctx.plan.assignments.append(StudentSiteAssignment(student_id=student_id, site_id=site_id))
        else:
            assignment.site_id = site_id

    return _save(session, ctx, added_violations(ctx, dict(ctx.rows), sites_of), confirm, apply, user_id,
                 "room_pin_set", "student", student_id, kind=RoomPinKind.CHILD_SITE.value, site_id=site_id)
