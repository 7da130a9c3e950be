"""Exporting children and tutors in the roster's own columns (so an export imports again), within the access policy.

Every export is audited with the columns it held; an export holding 要配慮 columns is also a sensitive read.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, can_see, is_sensitive
from matching.models import Household, Student, Tutor
from matching.roster import cells
from matching.roster.columns import CHILDREN, TUTORS, SheetSpec
from matching.roster.vocabulary import (
    CHANNELS, ELIGIBILITIES, GENDERS, LANGUAGES, MODES, REFERRALS, TUTOR_KINDS, word,
)
from matching.roster.workbook import Table
from matching.services.audit import record
from matching.subjects import SUBJECTS
from solver.grades import grade_label

# column key -> the policy's (entity, field) that decides who may export it.
_CHILD_FIELDS = {
    "external_id": ("student", "external_id"), "household_key": ("household", "external_key"),
    "home_site": ("student", "home_site"), "needs": ("student", "needs"), "eligibility": ("student", "eligibility"),
    "lat": ("household", "address"), "lon": ("household", "address"),
    "consent_share_contact_on": ("household", "consent_share_contact"),
    "consent_data_use_on": ("household", "consent_data_use"),
}
_HOUSEHOLD_KEYS = {"guardian_name", "guardian_name_kana", "phone", "email", "postal_code", "address", "language",
                   "preferred_channel"}
_TUTOR_FIELDS = {
    "lat": "address", "lon": "address", "exceptions": "availability", "max_visits_per_week": "limits",
    "max_sessions_per_month": "limits", "max_travel_minutes": "limits", "active_from": "active_period",
    "active_until": "active_period",
}


def _child_field(key: str) -> tuple[str, str]:
    if key in _CHILD_FIELDS:
        return _CHILD_FIELDS[key]
    return ("household", key) if key in _HOUSEHOLD_KEYS else ("student", key)


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _child_cells(student: Student) -> dict[str, Any]:
    h = student.household
    return {
        "external_id": student.external_id or "", "household_key": h.external_key or "",
        "family_name": student.family_name, "given_name": student.given_name,
        "family_name_kana": student.family_name_kana, "given_name_kana": student.given_name_kana,
        "grade": grade_label(student.grade), "school": student.school, "gender": word(GENDERS, student.gender),
        "mode": word(MODES, student.mode), "home_site": student.home_site.name if student.home_site else "",
        "priority": student.priority, "required_tutor_gender": word(GENDERS, student.required_tutor_gender),
        "referral_source": word(REFERRALS, student.referral_source), "waiting_since": _iso(student.waiting_since),
        "needs": "; ".join(SUBJECTS[n.subject][0] if n.subject in SUBJECTS else n.subject for n in student.needs),
        "availability": cells.format_windows([(w.weekday, w.start_minute, w.end_minute) for w in student.availability]),
        "eligibility": word(ELIGIBILITIES, student.eligibility),
        "guardian_name": h.guardian_name, "guardian_name_kana": h.guardian_name_kana, "phone": h.phone,
        "email": h.email, "postal_code": h.postal_code, "address": h.address,
        "lat": h.lat if h.lat is not None else "", "lon": h.lon if h.lon is not None else "",
        "language": word(LANGUAGES, h.language), "preferred_channel": word(CHANNELS, h.preferred_channel),
        "consent_share_contact_on": _iso(h.consent_share_contact_on) if h.consent_share_contact else "",
        "consent_data_use_on": _iso(h.consent_data_use_on) if h.consent_data_use else "",
    }


def _tutor_cells(tutor: Tutor) -> dict[str, Any]:
    return {
        "external_id": tutor.external_id or "", "family_name": tutor.family_name, "given_name": tutor.given_name,
        "family_name_kana": tutor.family_name_kana, "given_name_kana": tutor.given_name_kana,
        "kind": word(TUTOR_KINDS, tutor.kind), "affiliation": tutor.affiliation, "email": tutor.email,
        "phone": tutor.phone, "gender": word(GENDERS, tutor.gender),
        "languages": "; ".join(word(LANGUAGES, code) for code in tutor.language_list),
        "postal_code": tutor.postal_code, "address": tutor.address,
        "lat": tutor.lat if tutor.lat is not None else "", "lon": tutor.lon if tutor.lon is not None else "",
        "subjects": cells.format_subject_ranges([(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects]),
        "availability": cells.format_windows([(w.weekday, w.start_minute, w.end_minute) for w in tutor.availability]),
        "exceptions": cells.format_days_off([(e.starts_on, e.ends_on, e.reason) for e in tutor.exceptions]),
        "sites": "; ".join(sorted(ts.site.name for ts in tutor.sites)),
        "max_visits_per_week": tutor.max_visits_per_week, "max_sessions_per_month": tutor.max_sessions_per_month,
        "max_travel_minutes": tutor.max_travel_minutes, "pledge_signed_on": _iso(tutor.pledge_signed_on),
        "active_from": _iso(tutor.active_from), "active_until": _iso(tutor.active_until), "notes": tutor.notes,
    }


def _table(session: Session, spec: SheetSpec, rows: list, to_cells: Callable[[Any], dict[str, Any]],
           field_of: Callable[[str], tuple[str, str]], viewer: Viewer, user_id: Optional[int]) -> Table:
    shown = [c for c in spec.columns if can_see(viewer, *field_of(c.key))]
    sensitive = sorted({field_of(c.key)[1] for c in shown if is_sensitive(*field_of(c.key))})
    record(session, user_id, "export", spec.kind, None, rows=len(rows), columns=[c.key for c in shown],
           sensitive=sensitive)
    session.commit()
    return Table(spec.title, [c.header for c in shown], [[to_cells(row)[c.key] for c in shown] for row in rows])


def export_children(session: Session, programme_id: int, viewer: Viewer, user_id: Optional[int]) -> Table:
    """The programme's supported children with their households, in the import's columns the viewer may see."""
    students = list(session.scalars(
        select(Student).join(Household)
        .where(Household.programme_id == programme_id, Student.active.is_(True))
        .options(selectinload(Student.household), selectinload(Student.needs), selectinload(Student.availability),
                 selectinload(Student.home_site))
        .order_by(Household.id, Student.id)))
    return _table(session, CHILDREN, students, _child_cells, _child_field, viewer, user_id)


def export_tutors(session: Session, programme_id: int, viewer: Viewer, user_id: Optional[int]) -> Table:
    """The programme's tutors in the import's columns the viewer may see."""
    tutors = list(session.scalars(
        select(Tutor).where(Tutor.programme_id == programme_id)
        .options(selectinload(Tutor.subjects), selectinload(Tutor.availability), selectinload(Tutor.exceptions),
                 selectinload(Tutor.sites))
        .order_by(Tutor.family_name_kana, Tutor.given_name_kana, Tutor.id)))
    return _table(session, TUTORS, tutors, _tutor_cells, lambda key: ("tutor", _TUTOR_FIELDS.get(key, key)),
                  viewer, user_id)
