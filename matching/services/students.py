"""Reading children for the coordinator's list and detail pages, shaped by the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, is_sensitive, redact
from matching.models import Household, Mode, Site, Student
from matching.services.audit import record_sensitive_read
from matching.services.errors import NotFound
from matching.services.pagination import Page, paginate
from matching.services.search import words_match


@dataclass(frozen=True)
class StudentRow:
    """One line of the children list."""

    id: int
    full_name: str
    full_name_kana: str
    grade: int
    school: str
    mode: Mode
    site_name: str
    subjects: tuple[str, ...]
    language: str


def list_students(session: Session, programme_id: int, text: str = "", page: int = 1,
                  site_id: Optional[int] = None, grade: Optional[int] = None) -> Page[StudentRow]:
    """Active children of a programme, searched by name, furigana, school or site, in furigana order."""
    query = (
        select(Student)
        .join(Household)
        .outerjoin(Site, Student.home_site_id == Site.id)
        .where(Household.programme_id == programme_id, Student.active.is_(True))
        .where(words_match(text, [Student.name_key], [Student.school, Site.name]))
        .options(selectinload(Student.needs), selectinload(Student.household), selectinload(Student.home_site))
        .order_by(Student.family_name_kana, Student.given_name_kana, Student.id)
    )
    if site_id is not None:
        query = query.where(Student.home_site_id == site_id)
    if grade is not None:
        query = query.where(Student.grade == grade)
    result = paginate(session, query, page)
    rows = [
        StudentRow(
            id=s.id, full_name=s.full_name, full_name_kana=s.full_name_kana, grade=s.grade, school=s.school,
            mode=s.mode, site_name=s.home_site.name if s.home_site else "",
            subjects=tuple(need.subject for need in s.needs), language=s.household.language,
        )
        for s in result.items
    ]
    return Page(items=rows, number=result.number, size=result.size, total=result.total)


def _student_record(student: Student) -> dict[str, Any]:
    return {
        "id": student.id,
        "family_name": student.family_name,
        "given_name": student.given_name,
        "family_name_kana": student.family_name_kana,
        "given_name_kana": student.given_name_kana,
        "grade": student.grade,
        "school": student.school,
        "gender": student.gender,
        "mode": student.mode,
        "home_site": student.home_site.name if student.home_site else "",
        "needs": [
            {"subject": n.subject, "level": n.level, "notes": n.notes,
             "minutes_per_visit": n.minutes_per_visit, "visits_per_week": n.visits_per_week}
            for n in student.needs
        ],
        "availability": [(w.weekday, w.start_minute, w.end_minute) for w in student.availability],
        "priority": student.priority,
        "required_tutor_gender": student.required_tutor_gender,
        "referral_source": student.referral_source,
        "waiting_since": student.waiting_since,
        "eligibility": student.eligibility,
        "caseworker_notes": student.caseworker_notes,
    }


def _household_record(household: Household) -> dict[str, Any]:
    return {
        "guardian_name": household.guardian_name,
        "guardian_name_kana": household.guardian_name_kana,
        "phone": household.phone,
        "email": household.email,
        "postal_code": household.postal_code,
        "address": household.address,
        "language": household.language,
        "preferred_channel": household.preferred_channel,
        "consent_share_contact": (household.consent_share_contact, household.consent_share_contact_on),
        "consent_data_use": (household.consent_data_use, household.consent_data_use_on),
    }


def student_detail(session: Session, programme_id: int, student_id: int, viewer: Viewer,
                   user_id: Optional[int]) -> dict[str, Any]:
    """One child and their household as the viewer may see them; sensitive fields shown are logged."""
    student = session.get(Student, student_id)
    if student is None or student.household.programme_id != programme_id:
        raise NotFound(f"student {student_id}")
    shown = redact(viewer, "student", _student_record(student))
    sensitive = [field for field in shown if is_sensitive("student", field)]
    if sensitive:
        record_sensitive_read(session, user_id, "student", student.id, sensitive)
    return {"student": shown, "household": redact(viewer, "household", _household_record(student.household)),
            "household_id": student.household_id, "located": student.household.located}
