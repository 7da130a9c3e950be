"""Adjusting a draft rooms plan: move or cancel a session, change its staff.

Every edit is judged by the solver's own checker on the modified plan before it is saved: rule breaks
it would add are returned, and saved only when the coordinator confirms. Each edit checks the plan's
lock version (a second coordinator's stale save is refused), bumps it and is audited (ids only).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Optional

from sqlalchemy.orm import Session

from matching.models import PlanStatus, RoomPin, RoomPinKind, Session as RoomSession, SessionStaff
from matching.planning.lifecycle import check_version, touch
from matching.planning.rooms.context import PlanContext, load_context
from matching.planning.rooms.messages import violation_namer
from matching.planning.rooms.problem import sid
from matching.planning.rooms.solution import SessionRow
from matching.services.audit import record
from matching.services.errors import InThePast, InvalidState, NotFound
from matching.services.intake.changes import commit_edit
from solver.rooms.calendar import window_on
from solver.rooms.check import Violation

Rows = dict[int, SessionRow]


@dataclass(frozen=True)
class EditResult:
    """Whether the edit was saved, and the rule breaks it adds (saved anyway only when confirmed)."""

    saved: bool
    violations: tuple[Violation, ...] = ()


def editable_context(session: Session, programme_id: int, plan_id: int, expected_lock_version: int,
                     today: date) -> PlanContext:
    """The draft plan to edit, refusing other statuses (InvalidState) and stale views (StaleEdit)."""
    ctx = load_context(session, programme_id, plan_id, today)
    if ctx.plan.status is not PlanStatus.DRAFT:
        raise InvalidState(f"plan {plan_id} is {ctx.plan.status.value}, not a draft")
    check_version(ctx.plan, expected_lock_version)
    return ctx


def session_row(ctx: PlanContext, session_id: int) -> RoomSession:
    """The plan's session to change; NotFound, or InThePast for a session before the first changeable day."""
    row = next((s for s in ctx.plan.sessions if s.id == session_id), None)
    if row is None:
        raise NotFound(f"session {session_id} of plan {ctx.plan.id}")
    if ctx.is_history(session_id):
        raise InThePast(ctx.first_day)
    return row


def added_violations(ctx: PlanContext, rows: Rows, sites_of: Optional[dict[str, str]] = None,
                     before_rows: Optional[Rows] = None) -> tuple[Violation, ...]:
    """The checker's rule breaks in the modified rows that the unmodified ones (default: the plan) do not have."""
    before = {(v.code, v.message_en) for v in ctx.violations(before_rows)}
    return tuple(v for v in ctx.violations(rows, sites_of) if (v.code, v.message_en) not in before)


def save_edit(session: Session, ctx: PlanContext, new: tuple[Violation, ...], confirm: bool, apply: Callable[[], None],
          user_id: Optional[int], action: str, entity: str, entity_id: int, **detail) -> EditResult:
    if new and not confirm:
        return EditResult(False, tuple(map(violation_namer(session, ctx), new)))
    apply()
    if new and entity == "session":
        _remember_decision(ctx, entity_id, new)
    touch(ctx.plan)
    record(session, user_id, action, entity, entity_id, plan_id=ctx.plan.id,
           rule_breaks=[v.code for v in new], **detail)
    commit_edit(session)  # a save racing ours past the version check becomes StaleEdit
    return EditResult(True, new)


def _remember_decision(ctx: PlanContext, session_id: int, breaks: tuple[Violation, ...]) -> None:
    """Keep on the session the rules the coordinator confirmed breaking, so a re-solve's diff can name them."""
    row = next((s for s in ctx.plan.sessions if s.id == session_id), None)
    if row is not None:  # a cancelled session is gone with its decision
        row.override_codes = sorted({*row.override_codes, *(v.code for v in breaks)})


def pins_of(ctx: PlanContext, row: RoomSession) -> list[RoomPin]:
    return [p for p in ctx.pins if p.kind in (RoomPinKind.SESSION, RoomPinKind.STAFF)
            and p.site_id == row.site_id and p.on_date == row.on_date]


def move_session(session: Session, programme_id: int, plan_id: int, session_id: int, new_date: date,
                 expected_lock_version: int, user_id: Optional[int], confirm: bool = False, *,
                 today: date) -> EditResult:
    """Move a session to another date at the site's hours for that weekday; its pins move with it.

    A date before today is refused (InThePast), whatever the coordinator confirms.
    """
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version, today)
    row = session_row(ctx, session_id)
    if new_date < ctx.first_day:
        raise InThePast(ctx.first_day)
    window = window_on(ctx.problem.site(sid(row.site_id)), new_date)
    start, end = (window.start, window.end) if window else (row.start_minute, row.end_minute)
    rows = {**ctx.rows, session_id: replace(ctx.rows[session_id], date=new_date, start=start, end=end)}

    def apply():
        for pin in pins_of(ctx, row):
            pin.on_date = new_date
        row.on_date, row.start_minute, row.end_minute = new_date, start, end

    return save_edit(session, ctx, added_violations(ctx, rows), confirm, apply, user_id, "room_session_moved",
                 "session", session_id, fields=["on_date", "start_minute", "end_minute"])


def cancel_session(session: Session, programme_id: int, plan_id: int, session_id: int, expected_lock_version: int,
                   user_id: Optional[int], confirm: bool = False, *, today: date) -> EditResult:
    """Remove a session from the draft (its pins go with it)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version, today)
    row = session_row(ctx, session_id)
    rows = {k: v for k, v in ctx.rows.items() if k != session_id}

    def apply():
        for pin in pins_of(ctx, row):
            session.delete(pin)
        ctx.plan.sessions.remove(row)

    return save_edit(session, ctx, added_violations(ctx, rows), confirm, apply, user_id, "room_session_cancelled",
                 "session", session_id, site_id=row.site_id)


def change_staff(session: Session, programme_id: int, plan_id: int, session_id: int, tutor_id: int, add: bool,
                 expected_lock_version: int, user_id: Optional[int], confirm: bool = False, *,
                 today: date) -> EditResult:
    """Add a tutor to a session or remove one (removing also drops the tutor's pin there)."""
    ctx = editable_context(session, programme_id, plan_id, expected_lock_version, today)
    row = session_row(ctx, session_id)
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
        for pin in pins_of(ctx, row):
            if pin.kind is RoomPinKind.STAFF and pin.tutor_id == tutor_id:
                session.delete(pin)

    return save_edit(session, ctx, added_violations(ctx, rows), confirm, apply, user_id,
                 "room_staff_added" if add else "room_staff_removed", "session", session_id, tutor_id=tutor_id)
