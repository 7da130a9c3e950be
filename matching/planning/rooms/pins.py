"""Pinning in a draft rooms plan: a session's date, a tutor on a session, a child's site; re-solves keep them.

A pin the solver could never keep is refused by the solver's own problem validation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Optional

from sqlalchemy.orm import Session

from matching.models import RoomPin, RoomPinKind, StudentSiteAssignment
from matching.planning.rooms.adjust import EditResult, added_violations, editable_context, pins_of, save_edit, session_row
from matching.planning.rooms.context import PlanContext
from matching.planning.rooms.problem import sid
from matching.services.errors import InvalidState, NotFound
from solver.errors import ProblemError
from solver.rooms import problem as rp
from solver.rooms.check import Violation
from solver.rooms.validate import validate_problem


def _pin_refused(ctx: PlanContext, pins: rp.Pins) -> Optional[Violation]:
    """The solver's own validation of the pins: a pin it could never keep is refused."""
    try:
        validate_problem(replace(ctx.problem, pins=pins))
    except ProblemError as err:
        return Violation("pin_invalid", f"この固定は守れないため保存できません({err})", f"This pin can never be kept ({err})")
    return None


def set_session_pin(session: Session, programme_id: int, plan_id: int, session_id: int, tutor_id: Optional[int],
                    pinned: bool, expected_lock_version: int, user_id: Optional[int], *, today: date) -> EditResult:
    """Pin or unpin a session's date (tutor_id None) or one of its tutors, so re-solves keep it."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version, today)
    row = session_row(ctx, session_id)
    kind = RoomPinKind.STAFF if tutor_id else RoomPinKind.SESSION
    if tutor_id and tutor_id not in {st.tutor_id for st in row.staff}:
        raise InvalidState(f"tutor {tutor_id} is not on session {session_id}")
    existing = [p for p in pins_of(ctx, row) if p.kind is kind and p.tutor_id == tutor_id]
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
    return save_edit(session, ctx, (), True, lambda: None, user_id, "room_pin_set" if pinned else "room_pin_removed",
                 "session", session_id, kind=kind.value, tutor_id=tutor_id)


def set_child_site(session: Session, programme_id: int, plan_id: int, student_id: int, site_id: Optional[int],
                   expected_lock_version: int, user_id: Optional[int], confirm: bool = False, *,
                   today: date) -> EditResult:
    """Pin a child to a site (moving them there if needed), or unpin them (site_id None)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version, today)
    if not any(c.id == sid(student_id) for c in ctx.problem.children):
        raise NotFound(f"study-room child {student_id}")
    existing = [p for p in ctx.pins if p.kind is RoomPinKind.CHILD_SITE and p.student_id == student_id]
    if site_id is None:
        return save_edit(session, ctx, (), True, lambda: [session.delete(p) for p in existing], user_id,
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

    return save_edit(session, ctx, added_violations(ctx, dict(ctx.rows), sites_of), confirm, apply, user_id,
                 "room_pin_set", "student", student_id, kind=RoomPinKind.CHILD_SITE.value, site_id=site_id)
