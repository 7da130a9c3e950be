"""Exporting the published plans: home visits by child and by tutor with their dates, and study-room sessions
with their staff and the children who attend the site. Names follow the access policy; every export is audited."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, can_see
from matching.models import (
    OccurrenceStatus, PlanKind, Session as RoomSession, SessionStaff, Student, StudentSiteAssignment, Tutor, Visit,
    VisitOccurrence,
)
from matching.roster.cells import WEEKDAYS
from matching.roster.workbook import Table
from matching.services.audit import record
from matching.services.published import published_plan_id
from matching.subjects import subject_label
from solver.grades import grade_label

STATUS_WORDS = {OccurrenceStatus.PLANNED: "予定", OccurrenceStatus.CONFIRMED: "確定",
                OccurrenceStatus.CANCELLED: "中止"}
VISIT_HEADERS = ("日付", "曜日", "開始", "終了", "子ども", "学年", "教科", "講師", "代理", "状態")
SESSION_HEADERS = ("日付", "曜日", "開始", "終了", "会場", "講師", "子ども", "状態")


def _hhmm(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


def _name(viewer: Viewer, entity: str, person) -> str:
    if can_see(viewer, entity, "family_name"):
        return person.full_name
    return person.given_name


def _visit_rows(session: Session, plan_id: int, viewer: Viewer) -> list[tuple]:
    occurrences = session.scalars(
        select(VisitOccurrence).join(Visit).where(Visit.plan_id == plan_id)
        .options(selectinload(VisitOccurrence.visit).selectinload(Visit.student),
                 selectinload(VisitOccurrence.visit).selectinload(Visit.tutor))
        .order_by(VisitOccurrence.on_date, VisitOccurrence.start_minute, VisitOccurrence.id)).all()
    substitutes = {t.id: t for t in session.scalars(select(Tutor).where(
        Tutor.id.in_({o.substitute_tutor_id for o in occurrences if o.substitute_tutor_id})))}
    rows = []
    for o in occurrences:
        visit = o.visit
        substitute = substitutes.get(o.substitute_tutor_id)
        rows.append((o.on_date.isoformat(), WEEKDAYS[o.on_date.weekday()], _hhmm(o.start_minute), _hhmm(o.end_minute),
                     _name(viewer, "student", visit.student), grade_label(visit.student.grade),
                     subject_label(visit.subject), _name(viewer, "tutor", visit.tutor),
                     _name(viewer, "tutor", substitute) if substitute else "", STATUS_WORDS[o.status]))
    return rows


def _session_rows(session: Session, plan_id: int, viewer: Viewer) -> list[tuple]:
    sessions = session.scalars(
        select(RoomSession).where(RoomSession.plan_id == plan_id)
        .options(selectinload(RoomSession.site), selectinload(RoomSession.staff).selectinload(SessionStaff.tutor))
        .order_by(RoomSession.on_date, RoomSession.start_minute, RoomSession.site_id)).all()
    children: dict[int, list[str]] = {}
    for assignment, student in session.execute(
            select(StudentSiteAssignment, Student).join(Student, Student.id == StudentSiteAssignment.student_id)
            .where(StudentSiteAssignment.plan_id == plan_id).order_by(Student.family_name_kana, Student.id)):
        children.setdefault(assignment.site_id, []).append(_name(viewer, "student", student))
    return [(s.on_date.isoformat(), WEEKDAYS[s.on_date.weekday()], _hhmm(s.start_minute), _hhmm(s.end_minute),
             s.site.name, "、".join(sorted(_name(viewer, "tutor", staff.tutor) for staff in s.staff)),
             "、".join(children.get(s.site_id, [])), STATUS_WORDS[s.status]) for s in sessions]


def export_plans(session: Session, programme_id: int, viewer: Viewer, user_id: Optional[int]) -> list[Table]:
    """The published plans as three tables: visits by child, visits by tutor, and sessions."""
    visits_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    rooms_id = published_plan_id(session, programme_id, PlanKind.ROOMS)
    visits = _visit_rows(session, visits_id, viewer) if visits_id else []
    sessions = _session_rows(session, rooms_id, viewer) if rooms_id else []
    record(session, user_id, "export", "plans", None, visits_plan=visits_id, rooms_plan=rooms_id,
           visits=len(visits), sessions=len(sessions))
    session.commit()
    by_child = sorted(visits, key=lambda row: (row[4], row[0], row[2]))
    by_tutor = sorted(visits, key=lambda row: (row[7], row[0], row[2]))
    return [Table("訪問(子ども別)", VISIT_HEADERS, by_child), Table("訪問(講師別)", VISIT_HEADERS, by_tutor),
            Table("学習室", SESSION_HEADERS, sessions)]
