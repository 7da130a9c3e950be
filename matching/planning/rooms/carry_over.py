"""What a new study-room version keeps of the published one: history as published, and for every session it
leaves at the same site, date and time, the status, the calendar id, the substitutes and the confirmations."""

from __future__ import annotations

from datetime import date
from typing import Optional

from matching.models import Plan, Session as RoomSession
from matching.planning.rooms.history import copy_sessions


def _key(s: RoomSession) -> tuple:
    return s.site_id, s.on_date, s.start_minute, s.end_minute


def _keep_staff(old: RoomSession, new: RoomSession) -> None:
    """Confirmations of tutors on both; a substitute stays in place of the tutor the new version plans there."""
    staff = {st.tutor_id: st for st in new.staff}
    for before in old.staff:
        mine = staff.get(before.tutor_id)
        if mine is None and before.substitute_for_id in staff and before.tutor_id not in staff:
            mine = staff.pop(before.substitute_for_id)
            mine.tutor_id = before.tutor_id
        if mine is not None:
            mine.confirmed_at = before.confirmed_at
            mine.substitute_for_id = before.substitute_for_id


def keep_arrangements(plan: Plan, previous: Optional[Plan], today: date) -> int:
    """Make the plan's past the published one's and hand on what was arranged for unchanged sessions;
    returns how many sessions from today on kept their arrangements."""
    for row in [s for s in plan.sessions if s.on_date < today]:
        plan.sessions.remove(row)  # never published, so never held; the published past replaces them
    if previous is None:
        return 0
    copy_sessions(plan, [s for s in previous.sessions if s.on_date < today])
    before = {_key(s): s for s in previous.sessions if s.on_date >= today}
    kept = 0
    for row in plan.sessions:
        old = before.get(_key(row)) if row.on_date >= today else None
        if old is None:
            continue
        row.status, row.calendar_uid = old.status, old.calendar_uid
        _keep_staff(old, row)
        kept += 1
    return kept
