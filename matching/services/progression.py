"""The 中3 year-end 進路 the coordinator records per child (high school passed and its kind, or other)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Household, Progression, Programme, Student, StudentProgression
from matching.services.audit import record
from matching.services.errors import NotFound

NINTH_GRADE = 9


@dataclass(frozen=True)
class ProgressionRow:
    """A 中3 child on the register and the 進路 recorded for the programme's year, if any."""

    student_id: int
    name: str
    outcome: Optional[Progression]


def ninth_graders(session: Session, programme_id: int) -> list[ProgressionRow]:
    """Every 中3 child of the programme still on the register, in furigana order, with their recorded 進路."""
    programme = session.get(Programme, programme_id)
    recorded = dict(session.execute(select(StudentProgression.student_id, StudentProgression.outcome)
                                    .where(StudentProgression.school_year == programme.school_year)).all())
    children = session.scalars(
        select(Student).join(Household).where(Household.programme_id == programme_id, Student.grade == NINTH_GRADE,
                                              Student.anonymised_on.is_(None))
        .order_by(Student.family_name_kana, Student.given_name_kana, Student.id))
    return [ProgressionRow(c.id, c.full_name, recorded.get(c.id)) for c in children]


def record_progression(session: Session, programme_id: int, student_id: int, outcome: Progression,
                       user_id: Optional[int], at: datetime) -> None:
    """Record (or change) one 中3 child's 進路 for the programme's school year, audited, and commit."""
    programme = session.get(Programme, programme_id)
    student = session.scalar(select(Student).join(Household).where(
        Student.id == student_id, Household.programme_id == programme_id, Student.grade == NINTH_GRADE))
    if student is None:
        raise NotFound(f"中3 student {student_id}")
    row = session.scalar(select(StudentProgression).where(StudentProgression.student_id == student_id,
                                                          StudentProgression.school_year == programme.school_year))
    previous = row.outcome.value if row else None
    if row is None:
        row = StudentProgression(student_id=student_id, school_year=programme.school_year)
        session.add(row)
    row.outcome, row.recorded_by_id, row.recorded_at = outcome, user_id, at
    record(session, user_id, "progression", "student", student_id, outcome=outcome.value, previous=previous)
    session.commit()
