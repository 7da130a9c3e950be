"""A household's secret link and short code: issued once, opened, revoked, expired at the year's end."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from matching.models import AuditEntry, HouseholdToken
from matching.services.errors import NotFound
from matching.services.household_links import (
    LinkExpired, LinkRevoked, LinkUnknown, issue_link, link_status, open_link_id, open_short_code, open_token,
    revoke_link,
)
from tests.household_factories import make_families

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=timezone.utc)


def test_an_issued_link_and_its_short_code_open_the_household(session):
    families = make_families(session)
    issued = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    assert open_token(session, issued.token, NOW).household_id == families.a
    assert open_short_code(session, issued.short_code, NOW).household_id == families.a
    typed = issued.short_code.replace("-", " ").lower()  # read out by phone, typed loosely
    assert open_short_code(session, typed, NOW).household_id == families.a


def test_only_the_hash_of_the_secret_is_stored(session):
    families = make_families(session)
    issued = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    row = session.scalars(select(HouseholdToken)).one()
    assert issued.token not in row.token_hash and len(row.token_hash) == 64


def test_a_new_link_revokes_the_earlier_one(session):
    families = make_families(session)
    first = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    second = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    with pytest.raises(LinkRevoked):
        open_token(session, first.token, NOW)
    with pytest.raises(LinkRevoked):
        open_short_code(session, first.short_code, NOW)
    assert open_token(session, second.token, NOW).household_id == families.a


def test_revoked_links_refuse_and_the_status_says_so(session):
    families = make_families(session)
    issued = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    assert link_status(session, families.a, NOW).active
    revoke_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    assert not link_status(session, families.a, NOW).active
    for opener, secret in ((open_token, issued.token), (open_short_code, issued.short_code)):
        with pytest.raises(LinkRevoked):
            opener(session, secret, NOW)
    with pytest.raises(LinkRevoked):
        open_link_id(session, issued.link_id, NOW)


def test_links_expire_at_the_end_of_the_school_year_in_tokyo(session):
    families = make_families(session)
    issued = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    assert issued.expires_at == datetime(2027, 3, 31, 15, 0, tzinfo=timezone.utc)  # 2027-04-01 00:00 JST
    last_moment = datetime(2027, 3, 31, 14, 59, tzinfo=timezone.utc)
    assert open_token(session, issued.token, last_moment).household_id == families.a
    after = datetime(2027, 3, 31, 15, 0, tzinfo=timezone.utc)
    with pytest.raises(LinkExpired):
        open_token(session, issued.token, after)
    with pytest.raises(LinkExpired):
        open_short_code(session, issued.short_code, after)
    assert not link_status(session, families.a, after).active


def test_unknown_secrets_and_codes_are_refused(session):
    families = make_families(session)
    issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    with pytest.raises(LinkUnknown):
        open_token(session, "not-a-token", NOW)
    with pytest.raises(LinkUnknown):
        open_short_code(session, "3333-3333", NOW)
    with pytest.raises(LinkUnknown):
        open_link_id(session, 999_999, NOW)


def test_a_household_of_another_programme_cannot_be_given_a_link(session):
    families = make_families(session)
    with pytest.raises(NotFound):
        issue_link(session, families.programme_id + 1, families.a, user_id=None, now=NOW)


def test_issue_and_revoke_are_audited_with_ids_only(session):
    families = make_families(session)
    issued = issue_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    revoke_link(session, families.programme_id, families.a, user_id=None, now=NOW)
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.action, e.entity, e.entity_id) for e in entries] == [
        ("household_link_issued", "household", families.a), ("household_link_revoked", "household", families.a)]
    assert issued.token not in repr([e.detail for e in entries])
    assert issued.short_code not in repr([e.detail for e in entries])
