"""Substitutes for an absent tutor's study-room session in the published plan.

Candidates come from the rooms plan's own ranking (the solver's checker on the plan without the absent
tutor); only those whose joining adds no rule break are offered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from sqlalchemy.orm import Session

from matching.models import PlanKind, PlanStatus, Session as RoomSession, SessionStaff
from matching.notify.plan_notices import Recipients, queue_notices
from matching.planning.rooms.candidates import Candidate, staff_candidates
from matching.planning.rooms.context import load_context
from matching.services.audit import record
from matching.services.errors import InThePast, InvalidState, NotFound


@dataclass(frozen=True)
class SessionSubstituteChoice:
    """One session needing cover for an absent tutor, with the tutors who could go, best first."""

    session_id: int
    site_name: str
    on_date: date
    start: int
    end: int
    absent_tutor_id: int
    substitutes: list[Candidate]


def _published_session(session: Session, programme_id: int, session_id: int, absent_tutor_id: int) -> RoomSession:
    row = session.get(RoomSession, session_id)
    if row is None or row.plan.programme_id != programme_id:
        raise NotFound(f"session {session_id}")
    if row.plan.kind is not PlanKind.ROOMS or row.plan.status is not PlanStatus.PUBLISHED:
        raise InvalidState(f"session {session_id} is not in the published plan")
    if absent_tutor_id not in {s.tutor_id for s in row.staff}:
        raise NotFound(f"tutor {absent_tutor_id} on session {session_id}")
    return row


def session_substitutes(session: Session, programme_id: int, session_id: int,
                        absent_tutor_id: int, today: date) -> SessionSubstituteChoice:
    """Tutors who could take the absent tutor's place without breaking a rule, best first (none for a past date)."""
    row = _published_session(session, programme_id, session_id, absent_tutor_id)
    if row.on_date < today:
        raise InThePast(today)
    ctx = load_context(session, programme_id, row.plan_id, today)
    without = replace(ctx.rows[session_id], staff=tuple(t for t in ctx.rows[session_id].staff
                                                        if t != str(absent_tutor_id)))
    ctx = replace(ctx, rows={**ctx.rows, session_id: without})
    ranked = staff_candidates(session, ctx, session_id, limit=len(ctx.problem.tutors))
    fitting = [c for c in ranked if not c.violations and c.tutor_id != absent_tutor_id]
    return SessionSubstituteChoice(row.id, row.site.name, row.on_date, row.start_minute, row.end_minute,
                                   absent_tutor_id, fitting)


def assign_session_substitute(session: Session, programme_id: int, session_id: int, absent_tutor_id: int,
                              tutor_id: int, user_id: Optional[int], today: date) -> None:
    """Put the substitute on the session in the absent tutor's place; only an offered tutor is accepted."""
    choice = session_substitutes(session, programme_id, session_id, absent_tutor_id, today)
    if tutor_id not in {c.tutor_id for c in choice.substitutes}:
        raise InvalidState(f"tutor {tutor_id} cannot take session {session_id}")
    row = session.get(RoomSession, session_id)
    staff: SessionStaff = next(s for s in row.staff if s.tutor_id == absent_tutor_id)
    # The stand-in is recorded against the tutor first planned there, so a later version can keep it.
    staff.tutor_id, staff.confirmed_at = tutor_id, None
    staff.substitute_for_id = staff.substitute_for_id or absent_tutor_id
    record(session, user_id, "session_substitute_assigned", "session", session_id, tutor_id=tutor_id,
           absent_tutor_id=absent_tutor_id)
    session.flush()
    queue_notices(session, programme_id, Recipients(frozenset({tutor_id, absent_tutor_id}), frozenset()),
                  "substitute", today)
    session.commit()
