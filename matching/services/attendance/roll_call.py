"""The roll call of a study-room session: which children came, which tutors worked, the actual times, a note."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    RollCall, RollCallChild, RollCallTutor, Session as RoomSession, SessionStaff, Site, Student,
    StudentSiteAssignment, Tutor,
)
from matching.services.attendance.marker import Marker, require_own, require_started
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed

NOTE_LENGTH = 200


@dataclass(frozen=True)
class RollEntry:
    """A child or tutor on the roll: who, and whether they are marked present."""

    id: int
    name: str
    present: bool


@dataclass(frozen=True)
class RollCallSheet:
    """Everything the roll-call page shows for one session."""

    session_id: int
    site_name: str
    on_date: date
    start: int
    end: int
    recorded: bool
    held: bool
    cancel_reason: str
    actual_start: Optional[int]
    actual_end: Optional[int]
    note: str
    children: list[RollEntry]
    tutors: list[RollEntry]


@dataclass(frozen=True)
class RollCallInput:
    """What the roll-call form sends: held or not and why, who came, who worked, actual times, a note."""

    held: bool
    child_ids: set[int] = field(default_factory=set)
    tutor_ids: set[int] = field(default_factory=set)
    cancel_reason: str = ""
    actual_start: Optional[int] = None
    actual_end: Optional[int] = None
    note: str = ""


def _room_session(session: Session, programme_id: int, session_id: int) -> RoomSession:
    room_session = session.scalar(
        select(RoomSession).join(Site).where(RoomSession.id == session_id, Site.programme_id == programme_id)
        .options(selectinload(RoomSession.staff), selectinload(RoomSession.site))
    )
    if room_session is None:
        raise NotFound(f"session {session_id}")
    return room_session


def _roll(session: Session, session_id: int) -> Optional[RollCall]:
    return session.scalar(select(RollCall).where(RollCall.session_id == session_id)
                          .options(selectinload(RollCall.children), selectinload(RollCall.tutors)))


def _expected_children(session: Session, room_session: RoomSession, roll: Optional[RollCall]) -> list[Student]:
    """The children whose home site this is in the session's plan, plus any already marked (they may have moved)."""
    assigned = select(StudentSiteAssignment.student_id).where(
        StudentSiteAssignment.plan_id == room_session.plan_id, StudentSiteAssignment.site_id == room_session.site_id)
    marked = {c.student_id for c in roll.children} if roll else set()
    return list(session.scalars(select(Student).where(Student.id.in_(assigned) | Student.id.in_(marked))
                                .order_by(Student.family_name_kana, Student.given_name_kana, Student.id)))


def _possible_tutors(session: Session, room_session: RoomSession, roll: Optional[RollCall]) -> list[Tutor]:
    """The planned staff, plus anyone already marked as having worked (a stand-in)."""
    ids = {s.tutor_id for s in room_session.staff} | ({t.tutor_id for t in roll.tutors} if roll else set())
    return list(session.scalars(select(Tutor).where(Tutor.id.in_(ids))
                                .order_by(Tutor.family_name_kana, Tutor.given_name_kana, Tutor.id)))


def roll_call_sheet(session: Session, programme_id: int, session_id: int, marker: Marker) -> RollCallSheet:
    """The session's roll as recorded so far (or everyone planned, not yet marked), for its staff or a coordinator."""
    room_session = _room_session(session, programme_id, session_id)
    require_own(marker, {s.tutor_id for s in room_session.staff})
    roll = _roll(session, session_id)
    came = {c.student_id for c in roll.children} if roll else set()
    worked = {t.tutor_id for t in roll.tutors} if roll else {s.tutor_id for s in room_session.staff}
    return RollCallSheet(
        session_id=room_session.id, site_name=room_session.site.name, on_date=room_session.on_date,
        start=room_session.start_minute, end=room_session.end_minute, recorded=roll is not None,
        held=roll.held if roll else True, cancel_reason=roll.cancel_reason if roll else "",
        actual_start=roll.actual_start_minute if roll else None, actual_end=roll.actual_end_minute if roll else None,
        note=roll.note if roll else "",
        children=[RollEntry(s.id, s.full_name, s.id in came) for s in _expected_children(session, room_session, roll)],
        tutors=[RollEntry(t.id, t.full_name, t.id in worked) for t in _possible_tutors(session, room_session, roll)],
    )


def _validate(entry: RollCallInput, allowed_children: set[int], allowed_tutors: set[int]) -> None:
    errors = {}
    if not entry.held and not entry.cancel_reason.strip():
        errors["cancel_reason"] = "required"
    if (entry.actual_start is None) != (entry.actual_end is None) or (
            entry.actual_start is not None and entry.actual_start >= entry.actual_end):
        errors["actual_end"] = "order"
    if len(entry.note) > NOTE_LENGTH or len(entry.cancel_reason) > NOTE_LENGTH:
        errors["note"] = "too_long"
    if not entry.child_ids <= allowed_children or not entry.tutor_ids <= allowed_tutors:
        errors["children"] = "unknown"
    if errors:
        raise ValidationFailed(errors)


def take_roll_call(session: Session, programme_id: int, session_id: int, entry: RollCallInput, marker: Marker,
                   today: date, at: datetime) -> RollCall:
    """Record (or correct) a session's roll call, audited with counts only, and commit."""
    room_session = _room_session(session, programme_id, session_id)
    require_own(marker, {s.tutor_id for s in room_session.staff})
    require_started(room_session.on_date, today)
    roll = _roll(session, session_id)
    _validate(entry, {s.id for s in _expected_children(session, room_session, roll)},
              {t.id for t in _possible_tutors(session, room_session, roll)})
    previous = None if roll is None else {"held": roll.held, "children": len(roll.children),
                                          "tutors": len(roll.tutors)}
    if roll is None:
        roll = RollCall(session_id=session_id)
        session.add(roll)
    children, tutors = (entry.child_ids, entry.tutor_ids) if entry.held else (set(), set())
    roll.held, roll.cancel_reason = entry.held, "" if entry.held else entry.cancel_reason.strip()
    roll.actual_start_minute, roll.actual_end_minute = entry.actual_start, entry.actual_end
    roll.note, roll.recorded_by_id, roll.recorded_at = entry.note.strip(), marker.user_id, at
    # Kept rows stay, so the unique (roll call, person) pairs never meet their own replacement in one flush.
    roll.children = [c for c in roll.children if c.student_id in children] + [
        RollCallChild(student_id=i) for i in sorted(children - {c.student_id for c in roll.children})]
    roll.tutors = [t for t in roll.tutors if t.tutor_id in tutors] + [
        RollCallTutor(tutor_id=i) for i in sorted(tutors - {t.tutor_id for t in roll.tutors})]
    record(session, marker.user_id, "roll_call", "session", session_id, held=entry.held, children=len(children),
           tutors=len(tutors), previous=previous, by_tutor=marker.is_tutor)
    session.commit()
    return roll
