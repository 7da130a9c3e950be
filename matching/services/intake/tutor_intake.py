"""Registering and editing a tutor: subjects by grade, weekly availability, dates off, limits, pledge, period."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Tutor, TutorAvailability, TutorException, TutorKind, TutorSite, TutorSubject
from matching.services.errors import NotFound, ValidationFailed
from matching.services.intake.changes import replace_children, save_edit, save_new, set_fields
from matching.services.intake.windows import Window, window_problem
from matching.services.sites import site_belongs
from matching.subjects import SUBJECTS


@dataclass(frozen=True)
class SubjectInput:
    """A subject the tutor teaches, for grades min_grade..max_grade."""

    subject: str
    min_grade: int
    max_grade: int


@dataclass(frozen=True)
class ExceptionInput:
    """Dates (inclusive) the tutor cannot come."""

    starts_on: date
    ends_on: date
    reason: str = ""


@dataclass(frozen=True)
class TutorInput:
    """Everything the intake form says about a tutor."""

    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    kind: TutorKind
    affiliation: str
    email: str
    phone: str
    gender: Optional[str]
    languages: str  # comma-separated codes
    address: str
    postal_code: str
    lat: Optional[float]  # None: not placed on the map yet (rooms only)
    lon: Optional[float]
    max_visits_per_week: int
    max_sessions_per_month: int
    max_travel_minutes: int
    pledge_signed_on: Optional[date]
    active_from: date
    active_until: Optional[date]
    notes: str
    subjects: tuple[SubjectInput, ...] = ()
    availability: tuple[Window, ...] = ()
    exceptions: tuple[ExceptionInput, ...] = ()
    sites: tuple[int, ...] = ()  # the study-room sites the tutor can reach (通える会場)


@dataclass(frozen=True)
class TutorForEdit:
    """A tutor's current values for the edit form and the version they were read at."""

    data: TutorInput
    version: int


_NESTED = ("subjects", "availability", "exceptions", "sites")
_SCALARS = [field.name for field in fields(TutorInput) if field.name not in _NESTED]


def _check_subjects(subjects: tuple[SubjectInput, ...], errors: dict[str, str]) -> None:
    taught: dict[str, list[tuple[int, int]]] = {}
    for index, item in enumerate(subjects):
        if item.subject not in SUBJECTS:
            errors[f"subjects-{index}-subject"] = "unknown_subject"
        elif item.min_grade > item.max_grade:
            errors[f"subjects-{index}-max_grade"] = "grade_range"
        elif any(lo <= item.max_grade and item.min_grade <= hi for lo, hi in taught.get(item.subject, [])):
            errors[f"subjects-{index}-subject"] = "duplicate_subject"
        taught.setdefault(item.subject, []).append((item.min_grade, item.max_grade))


def check_tutor(session: Session, programme_id: int, data: TutorInput, tutor_id: Optional[int]) -> None:
    """Raise ValidationFailed with a code per field for the rules only the domain can judge."""
    errors: dict[str, str] = {}
    _check_subjects(data.subjects, errors)
    if data.active_until is not None and data.active_until < data.active_from:
        errors["active_until"] = "period_end_before_start"
    for index, item in enumerate(data.exceptions):
        if item.ends_on < item.starts_on:
            errors[f"exceptions-{index}-ends_on"] = "period_end_before_start"
    problem = window_problem(data.availability)
    if problem:
        errors["availability"] = problem
    if not all(site_belongs(session, programme_id, site_id) for site_id in data.sites):
        errors["sites"] = "unknown_site"
    if data.email:
        same = select(Tutor.id).where(Tutor.programme_id == programme_id, Tutor.email == data.email)
        if tutor_id is not None:
            same = same.where(Tutor.id != tutor_id)
        if session.scalars(same).first() is not None:
            errors["email"] = "duplicate_email"
    if errors:
        raise ValidationFailed(errors)


def apply_tutor(tutor: Tutor, data: TutorInput) -> list[str]:
    """Copy the input onto the tutor; returns the names of what changed."""
    changed = set_fields(tutor, {name: getattr(data, name) for name in _SCALARS})
    changed += replace_children(tutor, "subjects", [(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects],
                                [(s.subject, s.min_grade, s.max_grade) for s in data.subjects],
                                lambda row: TutorSubject(subject=row[0], min_grade=row[1], max_grade=row[2]))
    changed += replace_children(tutor, "availability",
                                [(w.weekday, w.start_minute, w.end_minute) for w in tutor.availability],
                                sorted(data.availability),
                                lambda w: TutorAvailability(weekday=w[0], start_minute=w[1], end_minute=w[2]))
    # Absences the tutor reported themselves are not on the intake form and stay as they are.
    reported = [e for e in tutor.exceptions if e.reported_by_tutor]
    entered = [(e.starts_on, e.ends_on, e.reason) for e in tutor.exceptions if not e.reported_by_tutor]
    wanted = sorted((e.starts_on, e.ends_on, e.reason) for e in data.exceptions)
    if sorted(entered) != wanted:
        tutor.exceptions = reported + [TutorException(starts_on=s, ends_on=e, reason=r) for s, e, r in wanted]
        changed.append("exceptions")
    # Whether a reachable site is preferred is set by the coordinator elsewhere: kept for sites still reachable.
    preferred = {ts.site_id for ts in tutor.sites if ts.preferred}
    changed += replace_children(tutor, "sites", sorted(ts.site_id for ts in tutor.sites), sorted(set(data.sites)),
                                lambda site_id: TutorSite(site_id=site_id, preferred=site_id in preferred))
    return changed


def create_tutor(session: Session, programme_id: int, data: TutorInput, user_id: Optional[int]) -> int:
    """Register a tutor and return their id."""
    check_tutor(session, programme_id, data, None)
    tutor = Tutor(programme_id=programme_id)
    return save_new(session, tutor, "tutor", lambda: apply_tutor(tutor, data), user_id)


def _tutor(session: Session, programme_id: int, tutor_id: int) -> Tutor:
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    return tutor


def tutor_for_edit(session: Session, programme_id: int, tutor_id: int) -> TutorForEdit:
    """A tutor's values for the edit form (absences the tutor reported are not among them)."""
    tutor = _tutor(session, programme_id, tutor_id)
    data = TutorInput(
        **{name: getattr(tutor, name) for name in _SCALARS},
        subjects=tuple(SubjectInput(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects),
        availability=tuple((w.weekday, w.start_minute, w.end_minute) for w in tutor.availability),
        exceptions=tuple(ExceptionInput(e.starts_on, e.ends_on, e.reason)
                         for e in tutor.exceptions if not e.reported_by_tutor),
        sites=tuple(sorted(ts.site_id for ts in tutor.sites)),
    )
    return TutorForEdit(data=data, version=tutor.version_id)


def update_tutor(session: Session, programme_id: int, tutor_id: int, data: TutorInput,
                 expected_version: Optional[int], user_id: Optional[int]) -> None:
    """Save an edit unless someone saved the tutor since expected_version (StaleEdit)."""
    tutor = _tutor(session, programme_id, tutor_id)
    save_edit(session, tutor, "tutor", (tutor.version_id, expected_version),
              lambda: check_tutor(session, programme_id, data, tutor.id), lambda: apply_tutor(tutor, data), user_id)
