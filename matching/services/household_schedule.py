"""A household's upcoming published visits and study-room sessions, as a family may see them.

Only the household's own children appear, by given name (and grade); tutors by given name only,
the access policy's Viewer.FAMILY. A visit shows the substitute's name on a date that has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, redact
from matching.models import (
    Household, OccurrenceStatus, PlanKind, Programme, Session as RoomSession, StudentSiteAssignment, Tutor, Visit,
    VisitOccurrence,
)
from matching.services.errors import NotFound
from matching.services.programme_setup import OfficeContact, office_contact
from matching.services.published import published_plan_id


@dataclass(frozen=True)
class FamilyChild:
    """A child of the household as the family sees it."""

    student_id: int
    given_name: str
    given_name_kana: str
    grade: int


@dataclass(frozen=True)
class FamilyVisit:
    """One dated home visit to a child of the household."""

    occurrence_id: int
    on_date: date
    start: int
    end: int
    student_id: int
    child_given_name: str
    child_given_name_kana: str
    subject: str
    tutor_given_name: str
    tutor_given_name_kana: str
    substitute: bool
    cancelled: bool
    confirmed: bool  # by the family


@dataclass(frozen=True)
class FamilySession:
    """One study-room session at the site a child of the household attends."""

    session_id: int
    on_date: date
    start: int
    end: int
    site_name: str
    children: tuple[str, ...]  # given names of the household's children assigned to the site
    cancelled: bool


@dataclass(frozen=True)
class HouseholdSchedule:
    """What a household's page and letter show."""

    household_id: int
    language: str
    guardian_name: str
    guardian_name_kana: str
    postal_code: str
    address: str
    children: tuple[FamilyChild, ...]
    visits: tuple[FamilyVisit, ...]
    sessions: tuple[FamilySession, ...]
    office: OfficeContact = OfficeContact("", "", "", "")  # whom the family contacts (事務局)


def _family_view(entity: str, row: Any) -> dict[str, Any]:
    fields = ("given_name", "given_name_kana", "grade")
    return redact(Viewer.FAMILY, entity, {field: getattr(row, field) for field in fields if hasattr(row, field)})


def _visits(session: Session, programme_id: int, student_ids: list[int], since: date) -> list[FamilyVisit]:
    plan_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    if plan_id is None or not student_ids:
        return []
    occurrences = session.scalars(
        select(VisitOccurrence).join(Visit)
        .where(Visit.plan_id == plan_id, Visit.student_id.in_(student_ids), VisitOccurrence.on_date >= since)
        .options(selectinload(VisitOccurrence.visit).selectinload(Visit.student),
                 selectinload(VisitOccurrence.visit).selectinload(Visit.tutor))
        .order_by(VisitOccurrence.on_date, VisitOccurrence.start_minute, VisitOccurrence.id)
    ).all()
    substitutes = {t.id: t for t in session.scalars(select(Tutor).where(
        Tutor.id.in_({o.substitute_tutor_id for o in occurrences if o.substitute_tutor_id})))}
    items = []
    for occurrence in occurrences:
        child = _family_view("student", occurrence.visit.student)
        tutor_row = substitutes.get(occurrence.substitute_tutor_id, occurrence.visit.tutor)
        tutor = _family_view("tutor", tutor_row)
        items.append(FamilyVisit(
            occurrence_id=occurrence.id, on_date=occurrence.on_date, start=occurrence.start_minute,
            end=occurrence.end_minute, student_id=occurrence.visit.student_id, child_given_name=child["given_name"],
            child_given_name_kana=child["given_name_kana"], subject=occurrence.visit.subject,
            tutor_given_name=tutor["given_name"], tutor_given_name_kana=tutor["given_name_kana"],
            substitute=occurrence.substitute_tutor_id is not None,
            cancelled=occurrence.status is OccurrenceStatus.CANCELLED,
            confirmed=occurrence.household_confirmed_at is not None,
        ))
    return items


def _sessions(session: Session, programme_id: int, children: dict[int, str], since: date) -> list[FamilySession]:
    plan_id = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if plan_id is None or not children:
        return []
    assignments = session.scalars(select(StudentSiteAssignment).where(
        StudentSiteAssignment.plan_id == plan_id, StudentSiteAssignment.student_id.in_(children))).all()
    by_site: dict[int, list[str]] = {}
    for assignment in sorted(assignments, key=lambda a: a.student_id):
        by_site.setdefault(assignment.site_id, []).append(children[assignment.student_id])
    if not by_site:
        return []
    rows = session.scalars(
        select(RoomSession).where(RoomSession.plan_id == plan_id, RoomSession.site_id.in_(by_site),
                                  RoomSession.on_date >= since)
        .options(selectinload(RoomSession.site))
        .order_by(RoomSession.on_date, RoomSession.start_minute, RoomSession.id)
    ).all()
    return [FamilySession(session_id=row.id, on_date=row.on_date, start=row.start_minute, end=row.end_minute,
                          site_name=row.site.name, children=tuple(by_site[row.site_id]),
                          cancelled=row.status is OccurrenceStatus.CANCELLED) for row in rows]


def household_schedule(session: Session, household_id: int, since: date) -> HouseholdSchedule:
    """The household's published visits and sessions from a date on, in date order, for the family."""
    household = session.scalars(select(Household).where(Household.id == household_id)
                                .options(selectinload(Household.students))).first()
    if household is None:
        raise NotFound(f"household {household_id}")
    own = [s for s in household.students if s.active]
    children = tuple(FamilyChild(student_id=s.id, **_family_view("student", s)) for s in own)
    contact = redact(Viewer.FAMILY, "household", {
        "guardian_name": household.guardian_name, "guardian_name_kana": household.guardian_name_kana,
        "postal_code": household.postal_code, "address": household.address, "language": household.language})
    return HouseholdSchedule(
        household_id=household.id, children=children,
        visits=tuple(_visits(session, household.programme_id, [s.id for s in own], since)),
        sessions=tuple(_sessions(session, household.programme_id, {s.id: s.given_name for s in own}, since)),
        office=office_contact(session.get(Programme, household.programme_id)),
        **contact,
    )

