"""Retention: what the rules allow us to keep.

Children whose support ended more than a configured number of years ago (5 by default) are anonymised:
names, school, notes, eligibility and availability go, while grade, service, site and attendance stay so
that past reports still add up. A household whose children are all anonymised loses its contact details,
links and messages. Outbox notices and family messages older than the same period lose their bodies or are
deleted. Only counts are logged and audited.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from matching.models import (
    Eligibility, Household, HouseholdMessage, HouseholdToken, Notification, NotificationStatus, Student,
    StudentAvailability,
)
from matching.services.audit import record

DEFAULT_YEARS = 5
ANONYMOUS = "匿名"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionCounts:
    """What a retention run anonymised, purged or deleted (counts only: nothing here identifies anyone)."""

    cutoff: str
    children_anonymised: int
    households_anonymised: int
    availability_deleted: int
    household_links_deleted: int
    family_messages_deleted: int
    notices_purged: int
    dry_run: bool


def retention_cutoff(today: date, years: int) -> date:
    """The same day years ago (28 February for a 29 February): support that ended before it is past keeping."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _anonymise_child(child: Student, today: date) -> int:
    child.family_name, child.given_name = ANONYMOUS, str(child.id)
    child.family_name_kana = child.given_name_kana = ""
    child.school, child.gender, child.required_tutor_gender = "", None, None
    child.caseworker_notes, child.eligibility, child.waiting_since = "", Eligibility.OTHER, None
    child.active, child.anonymised_on = False, today
    for need in child.needs:
        need.level, need.notes = "", ""
    removed = len(child.availability)
    child.availability = []
    return removed


def _anonymise_household(household: Household) -> None:
    household.guardian_name, household.guardian_name_kana = ANONYMOUS, ""
    household.phone = household.email = household.postal_code = household.address = ""
    household.lat = household.lon = 0.0
    household.consent_share_contact = household.consent_data_use = False


def apply_retention(session: Session, today: date, years: int = DEFAULT_YEARS, dry_run: bool = True,
                    user_id: int | None = None) -> RetentionCounts:
    """Anonymise and purge everything past the period; with dry_run, count it and change nothing."""
    cutoff = retention_cutoff(today, years)
    cutoff_instant = datetime.combine(cutoff, time(0), timezone.utc)
    children = session.scalars(
        select(Student).where(Student.support_ended_on < cutoff, Student.anonymised_on.is_(None))
        .options(selectinload(Student.needs), selectinload(Student.availability)).order_by(Student.id)).all()
    availability = sum(_anonymise_child(child, today) for child in children)
    session.flush()
    households = session.scalars(
        select(Household).where(Household.id.in_({c.household_id for c in children}))
        .options(selectinload(Household.students))).all()
    gone = [h for h in households if all(s.anonymised_on is not None for s in h.students)]
    for household in gone:
        _anonymise_household(household)
    gone_ids = [h.id for h in gone]
    links = session.execute(delete(HouseholdToken).where(HouseholdToken.household_id.in_(gone_ids))).rowcount
    messages = session.execute(delete(HouseholdMessage).where(
        HouseholdMessage.household_id.in_(gone_ids) | (HouseholdMessage.created_at < cutoff_instant))).rowcount
    notices = session.execute(
        update(Notification).where(Notification.created_at < cutoff_instant, Notification.body != "",
                                   Notification.status.in_([NotificationStatus.SENT, NotificationStatus.PRINTED]))
        .values(body="", subject="", address="")).rowcount
    counts = RetentionCounts(cutoff.isoformat(), len(children), len(gone), availability, links, messages, notices,
                             dry_run)
    if dry_run:
        session.rollback()
    else:
        record(session, user_id, "retention", "programme", None, **asdict(counts))
        session.commit()
    log.info("retention %s", asdict(counts))
    return counts
