"""The waitlist: children still waiting for a home visit or a study-room place, in the order places go to them.

A child waits for a home visit while a need has fewer weekly visits in the plan than wanted, and for a room
place while the plan gives them no site. The plan read is the published one (else the draft). The order is
the one the solvers favour when places are short: 中3 first, then the coordinator's priority, then the longest
wait. The reason is the solver's, or why the child was not in the solve at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import Household, Mode, Plan, PlanKind, PlanStatus, Student, StudentSiteAssignment, Visit
from matching.services.locations import NO_LOCATION
from matching.services.support_end import supported_on

EXAM_GRADE = 9  # 中3: entrance exams this year, so first in line
NOT_SOLVED = ("まだマッチングしていません(登録が計画の作成より後)", "Not in a solve yet (registered after the plan was made)")
NO_PLAN = ("計画がまだありません", "No plan yet")


@dataclass(frozen=True)
class WaitingChild:
    """A child on the waitlist with what they wait for, for how long, and why."""

    student_id: int
    full_name: str
    full_name_kana: str
    grade: int
    mode: Mode
    priority: int
    days_waiting: int
    subjects: tuple[str, ...]  # needs without their visits (home visits), empty for rooms
    reason_ja: str
    reason_en: str


def _plan(session: Session, programme_id: int, kind: PlanKind) -> Optional[Plan]:
    for status in (PlanStatus.PUBLISHED, PlanStatus.DRAFT):
        plan = session.scalars(select(Plan).where(Plan.programme_id == programme_id, Plan.kind == kind,
                                                  Plan.status == status).order_by(Plan.id.desc())).first()
        if plan is not None:
            return plan
    return None


def _reason(plan: Optional[Plan], student: Student, solver_reason: Optional[tuple[str, str]]) -> tuple[str, str]:
    if plan is None:
        return NO_PLAN
    if solver_reason and solver_reason[0]:
        return solver_reason
    if student.mode is Mode.HOME_VISIT and not student.household.located:
        return NO_LOCATION[1:]
    return NOT_SOLVED


def _entry(student: Student, today: date, subjects: tuple[str, ...], reason: tuple[str, str]) -> WaitingChild:
    waiting = max(0, (today - student.waiting_since).days) if student.waiting_since else 0
    return WaitingChild(student.id, student.full_name, student.full_name_kana, student.grade, student.mode,
                        student.priority, waiting, subjects, *reason)


def _visit_waiters(session: Session, programme_id: int, students: list[Student], today: date) -> list[WaitingChild]:
    plan = _plan(session, programme_id, PlanKind.VISITS)
    planned = Counter(session.scalars(select(Visit.need_id).where(Visit.plan_id == plan.id))) if plan else Counter()
    reasons = {u.get("need_id"): (u.get("reason_ja", ""), u.get("reason_en", ""))
               for u in ((plan.report or {}).get("unmet", []) if plan else [])}
    out = []
    for student in students:
        short = [n for n in student.needs if planned[n.id] < n.visits_per_week]
        if short:
            solver_reason = next((reasons[n.id] for n in short if n.id in reasons), None)
            out.append(_entry(student, today, tuple(n.subject for n in short), _reason(plan, student, solver_reason)))
    return out


def _room_waiters(session: Session, programme_id: int, students: list[Student], today: date) -> list[WaitingChild]:
    plan = _plan(session, programme_id, PlanKind.ROOMS)
    placed = set(session.scalars(select(StudentSiteAssignment.student_id)
                                 .where(StudentSiteAssignment.plan_id == plan.id))) if plan else set()
    reasons = {s.get("child_id"): (s.get("reason_ja", ""), s.get("reason_en", ""))
               for s in ((plan.report or {}).get("shortfalls", []) if plan else []) if s.get("kind") == "child"}
    return [_entry(s, today, (), _reason(plan, s, reasons.get(s.id))) for s in students if s.id not in placed]


def waitlist(session: Session, programme_id: int, today: date) -> list[WaitingChild]:
    """Every supported child waiting for a visit or a room place, 中3 first, then priority, then longest wait."""
    students = list(session.scalars(
        select(Student).join(Household).where(Household.programme_id == programme_id, supported_on(today))
        .options(selectinload(Student.needs), selectinload(Student.household)).order_by(Student.id)))
    waiting = (_visit_waiters(session, programme_id, [s for s in students if s.mode is Mode.HOME_VISIT], today)
               + _room_waiters(session, programme_id, [s for s in students if s.mode is Mode.STUDY_ROOM], today))
    return sorted(waiting, key=lambda w: (w.grade != EXAM_GRADE, -w.priority, -w.days_waiting, w.student_id))
