"""Fixtures for web tests of the families' side: households A, B, C of the test world's programme, with links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from matching.db import make_engine, make_session_factory
from matching.models import HouseholdToken, Programme
from matching.services.household_links import issue_link
from tests.household_factories import Families, make_families

ISSUED = datetime(2026, 11, 20, 0, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Linked:
    """The households and the secrets of their live links."""

    families: Families
    a_token: str
    a_code: str
    b_token: str
    b_code: str
    expired_token: str  # household C's link, expired
    revoked_token: str  # an earlier link of household A


@pytest.fixture
def linked(database_url, world) -> Linked:
    """Households A (Vietnamese), B (English), C with published dates; A and B hold live links."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        families = make_families(session, session.get(Programme, world.programme_id))
        revoked = issue_link(session, families.programme_id, families.a, None, ISSUED)
        a = issue_link(session, families.programme_id, families.a, None, ISSUED)
        b = issue_link(session, families.programme_id, families.b, None, ISSUED)
        c = issue_link(session, families.programme_id, families.c, None, ISSUED)
        session.get(HouseholdToken, c.link_id).expires_at = datetime(2026, 4, 1, tzinfo=timezone.utc)
        session.commit()
    engine.dispose()
    return Linked(families, a.token, a.short_code, b.token, b.short_code, c.token, revoked.token)
