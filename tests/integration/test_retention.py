"""Retention anonymises children past the period and purges old notices and messages; a dry run changes nothing."""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from matching.models import AuditEntry, Channel, HouseholdMessage, Notification, NotificationStatus, Student
from matching.services.disclosure import child_disclosure
from matching.services.retention import apply_retention, retention_cutoff
from tests.factories import make_household, make_programme, make_student

TODAY = date(2032, 4, 1)
OLD = datetime(2026, 6, 1, tzinfo=timezone.utc)
RECENT = datetime(2031, 6, 1, tzinfo=timezone.utc)


@pytest.fixture
def rows(session):
    """A child whose support ended six years ago, a sibling still supported, one ended four years ago; notices."""
    programme = make_programme(session)
    old_family, other_family = make_household(session, programme), make_household(session, programme)
    gone = make_student(session, old_family, support_ended_on=date(2026, 3, 31), family_name="古川")
    sibling = make_student(session, old_family)
    recent = make_student(session, other_family, support_ended_on=date(2028, 3, 31))
    lone = make_student(session, make_household(session, programme), support_ended_on=date(2025, 3, 31))
    session.add_all([
        Notification(kind="plan_change", channel=Channel.EMAIL, subject="訪問日", body="古川さんの訪問日は…",
                     status=NotificationStatus.SENT, created_at=OLD, household_id=old_family.id),
        Notification(kind="plan_change", channel=Channel.EMAIL, subject="訪問日", body="新しい予定",
                     status=NotificationStatus.SENT, created_at=RECENT),
        HouseholdMessage(household_id=other_family.id, kind="change_request", body="火曜は無理です", created_at=OLD),
        HouseholdMessage(household_id=other_family.id, kind="confirm", body="", created_at=RECENT),
    ])
    session.commit()
    return {"gone": gone.id, "sibling": sibling.id, "recent": recent.id, "lone": lone.id,
            "lone_household": lone.household_id}


def test_cutoff_is_the_same_day_years_before():
    assert retention_cutoff(TODAY, 5) == date(2027, 4, 1)
    assert retention_cutoff(date(2028, 2, 29), 5) == date(2023, 2, 28)


def test_dry_run_counts_and_changes_nothing(session, rows):
    counts = apply_retention(session, TODAY, 5, dry_run=True)
    assert (counts.children_anonymised, counts.households_anonymised) == (2, 1)
    assert (counts.notices_purged, counts.family_messages_deleted) == (1, 1)
    session.expire_all()
    assert session.get(Student, rows["gone"]).family_name == "古川"
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "retention")) is None


def test_apply_anonymises_past_children_keeps_the_rest_and_logs_counts_only(session, rows, caplog):
    with caplog.at_level(logging.INFO, logger="matching.services.retention"):
        counts = apply_retention(session, TODAY, 5, dry_run=False)
    session.expire_all()
    gone, sibling, recent = (session.get(Student, rows[k]) for k in ("gone", "sibling", "recent"))
    assert gone.family_name == "匿名" and gone.caseworker_notes == "" and gone.anonymised_on == TODAY
    assert gone.availability == [] and gone.grade == 9  # the grade stays for past reports' counts
    assert sibling.family_name == "試験" and recent.family_name == "試験"
    # A household is emptied only when none of its children is still kept.
    assert gone.household.phone != "" and session.get(Student, rows["lone"]).household.phone == ""
    bodies = session.scalars(select(Notification.body).order_by(Notification.id)).all()
    assert bodies == ["", "新しい予定"]
    assert session.scalars(select(HouseholdMessage.body)).all() == [""]
    assert "古川" not in caplog.text and "children_anonymised" in caplog.text
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "retention"))
    assert entry.detail["children_anonymised"] == counts.children_anonymised == 2
    assert apply_retention(session, TODAY, 5, dry_run=False).children_anonymised == 0


def test_disclosure_export_holds_the_childs_data_and_is_audited(session, rows):
    export = child_disclosure(session, session.get(Student, rows["gone"]).household.programme_id, rows["gone"], None)
    assert export["child"]["family_name"] == "古川" and export["child"]["eligibility"] == "welfare"
    assert [n["body"] for n in export["notices_to_household"]] == ["古川さんの訪問日は…"]
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "disclosure_export"))
    assert entry.entity_id == rows["gone"] and "古川" not in str(entry.detail)
