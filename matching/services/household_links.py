"""A household's secret link and phone short code: issue, revoke, and open them.

Only the SHA-256 of a link's secret is stored; the secret is returned once, at issue. A household has
at most one live link: issuing a new one revokes the earlier ones. Links expire at the end of the
programme's school year (midnight after its last day, in the programme's time zone).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Optional
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Household, HouseholdToken, Programme
from matching.services.audit import record
from matching.services.errors import NotFound
from matching.tokens import new_short_code, new_token, normalise_short_code, token_hash


class LinkRefused(LookupError):
    """A family link or code that does not open a household page."""


class LinkUnknown(LinkRefused):
    """No link was ever issued with this secret or code."""


class LinkExpired(LinkRefused):
    """The link was issued but its school year is over."""


class LinkRevoked(LinkRefused):
    """A coordinator revoked the link (or issued a newer one)."""


@dataclass(frozen=True)
class IssuedLink:
    """A new link as the coordinator sees it once: the secret, the phone code and the expiry."""

    link_id: int
    token: str
    short_code: str
    expires_at: datetime


@dataclass(frozen=True)
class LinkStatus:
    """Whether a household has a live link, and until when (the secret itself is never shown again)."""

    active: bool
    created_at: Optional[datetime] = None
    expires_at: Optional[datetime] = None


@dataclass(frozen=True)
class OpenedLink:
    """A link that opened: which row and which household."""

    link_id: int
    household_id: int


def _utc(moment: Optional[datetime]) -> Optional[datetime]:
    # SQLite hands timezone-aware columns back naive, in UTC as they were stored.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def link_expiry(programme: Programme) -> datetime:
    """The end of the programme's school year: midnight after its last day, in UTC."""
    local = datetime.combine(programme.ends_on + timedelta(days=1), time(0), ZoneInfo(programme.timezone))
    return local.astimezone(timezone.utc)


def _live(session: Session, household_id: int) -> list[HouseholdToken]:
    return list(session.scalars(select(HouseholdToken).where(HouseholdToken.household_id == household_id,
                                                             HouseholdToken.revoked_at.is_(None))))


def _unused_short_code(session: Session) -> str:
    # Codes are short, so make sure no live link already has the one drawn.
    while True:
        code = new_short_code()
        taken = session.scalar(select(HouseholdToken.id).where(HouseholdToken.short_code == code,
                                                               HouseholdToken.revoked_at.is_(None)))
        if taken is None:
            return code


def issue_link(session: Session, programme_id: int, household_id: int, user_id: Optional[int],
               now: datetime) -> IssuedLink:
    """A new link and short code for the household; earlier ones stop working. The secret is returned once."""
    household = session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    for old in _live(session, household_id):
        old.revoked_at = now
    token, code = new_token(), _unused_short_code(session)
    expires_at = link_expiry(session.get(Programme, programme_id))
    row = HouseholdToken(household_id=household_id, token_hash=token_hash(token), short_code=code,
                         created_at=now, expires_at=expires_at)
    session.add(row)
    session.flush()
    record(session, user_id, "household_link_issued", "household", household_id, link_id=row.id)
    session.commit()
    return IssuedLink(link_id=row.id, token=token, short_code=code, expires_at=expires_at)


def revoke_link(session: Session, programme_id: int, household_id: int, user_id: Optional[int],
                now: datetime) -> None:
    """Stop the household's link and short code from working."""
    household = session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    for old in _live(session, household_id):
        old.revoked_at = now
    record(session, user_id, "household_link_revoked", "household", household_id)
    session.commit()


def link_status(session: Session, household_id: int, now: datetime) -> LinkStatus:
    """Whether the household has a link that works now."""
    for row in _live(session, household_id):
        if row.expires_at is None or _utc(row.expires_at) > now:
            return LinkStatus(active=True, created_at=_utc(row.created_at), expires_at=_utc(row.expires_at))
    return LinkStatus(active=False)


def _check(row: Optional[HouseholdToken], now: datetime) -> OpenedLink:
    if row is None:
        raise LinkUnknown()
    if row.revoked_at is not None:
        raise LinkRevoked()
    if row.expires_at is not None and _utc(row.expires_at) <= now:
        raise LinkExpired()
    return OpenedLink(link_id=row.id, household_id=row.household_id)


def open_token(session: Session, token: str, now: datetime) -> OpenedLink:
    """The household a link's secret opens, or LinkUnknown / LinkExpired / LinkRevoked."""
    return _check(session.scalars(select(HouseholdToken).where(HouseholdToken.token_hash == token_hash(token))).first(),
                  now)


def open_short_code(session: Session, code: str, now: datetime) -> OpenedLink:
    """The household a typed short code opens (its live link first), or the same errors as open_token."""
    typed = normalise_short_code(code)
    rows = session.scalars(select(HouseholdToken).where(HouseholdToken.short_code == typed)
                           .order_by(HouseholdToken.revoked_at.is_not(None), HouseholdToken.id.desc())).all()
    # Compare in constant time as well, so a near miss takes as long as a far one.
    row = next((r for r in rows if hmac.compare_digest(r.short_code.encode(), typed.encode())), None)
    return _check(row, now)


def open_link_id(session: Session, link_id: int, now: datetime) -> OpenedLink:
    """Re-check a link opened earlier in this browser (by its short code): still live and unexpired."""
    return _check(session.get(HouseholdToken, link_id), now)
