"""Registering a child with their household and consents, and editing them with optimistic locking."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Optional

from sqlalchemy.orm import Session

from matching.access_policy import Viewer, can_see
from matching.models import (
    Channel, Eligibility, Household, Mode, ReferralSource, Student, StudentAvailability, StudentNeed,
)
from matching.services.audit import record_sensitive_read
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.changes import replace_children, save_edit, save_new, set_fields
from matching.services.intake.need_edits import RemovedNeeds, edit_needs
from matching.services.intake.windows import Window, window_problem
from matching.services.sites import site_belongs
from matching.subjects import SUBJECTS


@dataclass(frozen=True)
class HouseholdInput:
    """The household's guardian, contact, language and consents as typed at intake."""

    guardian_name: str
    guardian_name_kana: str
    phone: str
    email: str
    postal_code: str
    address: str
    lat: Optional[float]  # None: not placed on the map yet
    lon: Optional[float]
    language: str
    preferred_channel: Channel
    consent_share_contact: bool
    consent_share_contact_on: Optional[date]
    consent_data_use: bool
    consent_data_use_on: Optional[date]


@dataclass(frozen=True)
class NeedInput:
    """One subject the child needs help with."""

    subject: str
    level: str = ""
    notes: str = ""
    minutes_per_visit: int = 120
    visits_per_week: int = 1


@dataclass(frozen=True)
class SensitiveInput:
    """The eligibility category and caseworker notes (要配慮: coordinators only)."""

    eligibility: Eligibility
    caseworker_notes: str


@dataclass(frozen=True)
class StudentInput:
    """Everything the intake form says about a child; sensitive is None when the editor may not see it."""

    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    grade: int
    school: str
    gender: Optional[str]
    mode: Mode
    home_site_id: Optional[int]
    priority: int
    required_tutor_gender: Optional[str]
    referral_source: ReferralSource
    waiting_since: Optional[date]
    household: HouseholdInput
    needs: tuple[NeedInput, ...] = ()
    availability: tuple[Window, ...] = ()
    sensitive: Optional[SensitiveInput] = None


@dataclass(frozen=True)
class StudentForEdit:
    """A child's current values for the edit form and the version they were read at."""

    data: StudentInput
    version: int


def check_student(session: Session, programme_id: int, data: StudentInput) -> None:
    """Raise ValidationFailed with a code per field for the rules only the domain can judge."""
    errors: dict[str, str] = {}
    seen: set[str] = set()
    for index, need in enumerate(data.needs):
        if need.subject not in SUBJECTS:
            errors[f"needs-{index}-subject"] = "unknown_subject"
        elif need.subject in seen:
            errors[f"needs-{index}-subject"] = "duplicate_subject"
        seen.add(need.subject)
    if data.home_site_id is not None:
        if not site_belongs(session, programme_id, data.home_site_id):
            errors["home_site_id"] = "unknown_site"
    elif data.mode is Mode.STUDY_ROOM:
        errors["home_site_id"] = "home_site_required"
    problem = window_problem(data.availability)
    if problem:
        errors["availability"] = problem
    household = data.household
    if household.consent_share_contact and household.consent_share_contact_on is None:
        errors["consent_share_contact_on"] = "consent_date_required"
    if household.consent_data_use and household.consent_data_use_on is None:
        errors["consent_data_use_on"] = "consent_date_required"
    if errors:
        raise ValidationFailed(errors)


_NESTED = ("household", "needs", "availability", "sensitive")


def _names(cls: type) -> list[str]:
    return [field.name for field in fields(cls) if field.name not in _NESTED]


def _student_values(data: StudentInput) -> dict:
    values = {name: getattr(data, name) for name in _names(StudentInput)}
    if data.sensitive is not None:
        values.update(eligibility=data.sensitive.eligibility, caseworker_notes=data.sensitive.caseworker_notes)
    return values


def _need_row(need: StudentNeed) -> tuple:
    return (need.subject, need.level, need.notes, need.minutes_per_visit, need.visits_per_week)


def apply_student(session: Session, student: Student, data: StudentInput,
                  removed: Optional[list[RemovedNeeds]] = None) -> list[str]:
    """Copy the input onto the child and their household (needs keep their rows); returns what changed.

    The needs the input no longer holds are appended to removed, when given, for the caller to report."""
    changed = set_fields(student, _student_values(data))
    changed += [f"household.{name}" for name in set_fields(student.household, asdict(data.household))]
    needs_changed, removed_needs = edit_needs(session, student, data.needs)
    changed += needs_changed
    if removed is not None:
        removed.append(removed_needs)
    changed += replace_children(student, "availability",
                                [(w.weekday, w.start_minute, w.end_minute) for w in student.availability],
                                sorted(data.availability),
                                lambda w: StudentAvailability(weekday=w[0], start_minute=w[1], end_minute=w[2]))
    return changed


def create_student(session: Session, programme_id: int, data: StudentInput, user_id: Optional[int],
                   household_id: Optional[int] = None) -> int:
    """Register a child in a new household or beside siblings in household_id; without sensitive input the category is その他."""
    check_student(session, programme_id, data)
    household = Household(programme_id=programme_id) if household_id is None else session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    student = Student(household=household, eligibility=Eligibility.OTHER, caseworker_notes="")
    return save_new(session, student, "student", lambda: apply_student(session, student, data), user_id)


def _student(session: Session, programme_id: int, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None or student.household.programme_id != programme_id:
        raise NotFound(f"student {student_id}")
    return student


def student_for_edit(session: Session, programme_id: int, student_id: int, viewer: Viewer,
                     user_id: Optional[int]) -> StudentForEdit:
    """A child's values for the edit form; sensitive fields only for viewers allowed them, the read logged."""
    student = _student(session, programme_id, student_id)
    household = student.household
    sensitive = None
    if can_see(viewer, "student", "eligibility"):
        sensitive = SensitiveInput(student.eligibility, student.caseworker_notes)
        record_sensitive_read(session, user_id, "student", student.id, ["caseworker_notes", "eligibility"])
    data = StudentInput(
        **{name: getattr(student, name) for name in _names(StudentInput)},
        household=HouseholdInput(**{name: getattr(household, name) for name in _names(HouseholdInput)}),
        needs=tuple(NeedInput(*_need_row(n)) for n in student.needs),
        availability=tuple((w.weekday, w.start_minute, w.end_minute) for w in student.availability),
        sensitive=sensitive,
    )
    return StudentForEdit(data=data, version=student.version_id)


def update_student(session: Session, programme_id: int, student_id: int, data: StudentInput,
                   expected_version: Optional[int], user_id: Optional[int]) -> RemovedNeeds:
    """Save an edit unless someone saved the child since expected_version (StaleEdit); returns the needs it removed."""
    student = _student(session, programme_id, student_id)
    removed: list[RemovedNeeds] = []
    save_edit(session, student, "student", (student.version_id, expected_version),
              lambda: check_student(session, programme_id, data), lambda: apply_student(session, student, data, removed),
              user_id)
    session.expire(student, ["needs"])  # the collection holds current needs: removed rows drop out on reload
    return removed[0] if removed else RemovedNeeds()



def household_input(session: Session, programme_id: int, household_id: int) -> HouseholdInput:
    """A household's current values, to start a sibling's form from."""
    household = session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    return HouseholdInput(**{name: getattr(household, name) for name in _names(HouseholdInput)})
