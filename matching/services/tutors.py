"""Reading tutors for the coordinator's list and detail pages, shaped by the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from matching.access_policy import Viewer, redact
from matching.models import Tutor, TutorKind, TutorSite, UserAccount
from matching.services.errors import NotFound
from matching.services.pagination import Page, paginate
from matching.services.search import words_match


@dataclass(frozen=True)
class TutorRow:
    """One line of the tutors list."""

    id: int
    full_name: str
    full_name_kana: str
    kind: TutorKind
    affiliation: str
    subjects: tuple[tuple[str, int, int], ...]  # (subject, min grade, max grade)
    max_visits_per_week: int
    active: bool


def tutor_active_on(day: date) -> ColumnElement[bool]:
    """A condition true for tutors whose active period contains day."""
    return and_(Tutor.active_from <= day, or_(Tutor.active_until.is_(None), Tutor.active_until >= day))


def list_tutors(session: Session, programme_id: int, today: date, text: str = "", page: int = 1) -> Page[TutorRow]:
    """A programme's tutors, searched by name, furigana or affiliation, in furigana order."""
    query = (
        select(Tutor)
        .where(Tutor.programme_id == programme_id)
        .where(words_match(text, [Tutor.name_key], [Tutor.affiliation]))
        .options(selectinload(Tutor.subjects))
        .order_by(Tutor.family_name_kana, Tutor.given_name_kana, Tutor.id)
    )
    result = paginate(session, query, page)
    rows = [
        TutorRow(
            id=t.id, full_name=t.full_name, full_name_kana=t.full_name_kana, kind=t.kind, affiliation=t.affiliation,
            subjects=tuple((s.subject, s.min_grade, s.max_grade) for s in t.subjects),
            max_visits_per_week=t.max_visits_per_week,
            active=t.active_from <= today and (t.active_until is None or t.active_until >= today),
        )
        for t in result.items
    ]
    return Page(items=rows, number=result.number, size=result.size, total=result.total)


def tutor_detail(session: Session, programme_id: int, tutor_id: int, viewer: Viewer) -> dict[str, Any]:
    """One tutor as the viewer may see them, with subjects, availability, exceptions and sites."""
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.programme_id != programme_id:
        raise NotFound(f"tutor {tutor_id}")
    sites = session.scalars(
        select(TutorSite).where(TutorSite.tutor_id == tutor.id).options(selectinload(TutorSite.site))
    ).all()
    record = {
        "id": tutor.id,
        "family_name": tutor.family_name,
        "given_name": tutor.given_name,
        "family_name_kana": tutor.family_name_kana,
        "given_name_kana": tutor.given_name_kana,
        "kind": tutor.kind,
        "affiliation": tutor.affiliation,
        "email": tutor.email,
        "phone": tutor.phone,
        "gender": tutor.gender,
        "languages": tutor.language_list,
        "address": tutor.address,
        "subjects": [(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects],
        "availability": [(w.weekday, w.start_minute, w.end_minute) for w in tutor.availability],
        "exceptions": [(e.starts_on, e.ends_on, e.reason) for e in tutor.exceptions],
        "sites": [(ts.site.name, ts.preferred) for ts in sites],
        "limits": {"visits_per_week": tutor.max_visits_per_week, "sessions_per_month": tutor.max_sessions_per_month,
                   "travel_minutes": tutor.max_travel_minutes},
        "pledge_signed_on": tutor.pledge_signed_on,
        "active_period": (tutor.active_from, tutor.active_until),
        "notes": tutor.notes,
    }
    shown = redact(viewer, "tutor", record)
    if "availability" in shown:  # exceptions and sites go with availability
        shown["exceptions"], shown["sites"] = record["exceptions"], record["sites"]
    return shown


@dataclass(frozen=True)
class TutorAccount:
    """The login linked to a tutor: whether it works and when it was last used."""

    login: str
    active: bool
    last_login_at: Optional[datetime]


def tutor_account(session: Session, tutor_id: int) -> Optional[TutorAccount]:
    """The tutor's account, or None when the tutor has no login yet."""
    account = session.scalars(select(UserAccount).where(UserAccount.tutor_id == tutor_id)).first()
    if account is None:
        return None
    return TutorAccount(account.login, account.active, account.last_login_at)
