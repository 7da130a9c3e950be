"""Families confirm their dates or ask for a change; coordinators see and handle the messages."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from matching.models import AuditEntry, HouseholdMessage, VisitOccurrence
from matching.services.errors import NotFound
from matching.services.household_replies import (
    MAX_MESSAGE_LENGTH, InvalidMessage, confirm_schedule, mark_handled, request_change, unhandled_messages,
)
from matching.services.household_schedule import household_schedule
from tests.household_factories import make_families

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 3, 0, tzinfo=timezone.utc)


def test_confirming_marks_only_the_households_upcoming_visits(session):
    families = make_families(session)
    assert confirm_schedule(session, families.a, TODAY, NOW) == 2
    assert all(v.confirmed for v in household_schedule(session, families.a, TODAY).visits)
    assert not any(v.confirmed for v in household_schedule(session, families.b, TODAY).visits)
    past = session.scalars(select(VisitOccurrence).where(VisitOccurrence.on_date == date(2026, 11, 17))).one()
    assert past.household_confirmed_at is None
    message = session.scalars(select(HouseholdMessage)).one()
    assert (message.household_id, message.kind, message.body) == (families.a, "confirm", "")


def test_a_change_request_reaches_the_coordinator_and_is_handled(session):
    families = make_families(session)
    message_id = request_change(session, families.b, "  12月3日は都合が悪いです  ", NOW)
    [message] = unhandled_messages(session, families.programme_id)
    assert (message.id, message.household_id, message.kind, message.body) == (
        message_id, families.b, "change_request", "12月3日は都合が悪いです")
    assert message.student_ids == (families.b_child,)
    mark_handled(session, families.programme_id, message_id, user_id=None, now=NOW)
    assert unhandled_messages(session, families.programme_id) == []


def test_the_message_text_is_not_copied_into_the_audit_log(session):
    families = make_families(session)
    request_change(session, families.b, "secret family matter", NOW)
    assert "secret family matter" not in repr([e.detail for e in session.scalars(select(AuditEntry))])


@pytest.mark.parametrize("body, reason", [("", "empty"), ("   \n", "empty"), ("x" * (MAX_MESSAGE_LENGTH + 1), "too_long")])
def test_empty_or_too_long_change_requests_are_refused(session, body, reason):
    families = make_families(session)
    with pytest.raises(InvalidMessage) as refused:
        request_change(session, families.a, body, NOW)
    assert refused.value.reason == reason
    assert session.scalars(select(HouseholdMessage)).all() == []


def test_a_message_of_another_programme_cannot_be_handled(session):
    families = make_families(session)
    message_id = request_change(session, families.a, "please call", NOW)
    with pytest.raises(NotFound):
        mark_handled(session, families.programme_id + 1, message_id, user_id=None, now=NOW)
