"""One-time account links: issue an invitation or reset (a link by e-mail or a printed code) and use it once.

Only the SHA-256 of a secret is stored. A link works once, until it expires; issuing a new one for an account
stops the earlier ones. Using it sets the password and ends the account's other sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from matching.models import AccountToken, UserAccount
from matching.services.accounts import password_problem, set_password
from matching.services.audit import record
from matching.services.errors import ValidationFailed
from matching.tokens import new_short_code, new_token, normalise_short_code, token_hash

INVITATION, RESET = "invitation", "reset"
EMAIL, PRINTED = "email", "printed"
PRINTED_CODE_LENGTH = 16  # 16 characters from 25: about 74 bits, enough for a code typed from paper


class AccountLinkRefused(LookupError):
    """A link or code that does not (or no longer) let anyone set a password."""


@dataclass(frozen=True)
class IssuedAccountLink:
    """A new link as its issuer sees it once: the secret (link token or printed code) and its expiry."""

    account_id: int
    purpose: str
    delivery: str
    secret: str
    expires_at: datetime


@dataclass(frozen=True)
class OpenedAccountLink:
    """A link that is still good: whose account it sets the password of."""

    token_id: int
    account_id: int
    login: str
    display_name: str
    purpose: str


def _utc(moment: datetime) -> datetime:
    # SQLite hands timezone-aware columns back naive, in UTC as they were stored.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _stored_hash(delivery: str, secret: str) -> str:
    return token_hash(normalise_short_code(secret) if delivery == PRINTED else secret)


def revoke_account_links(session: Session, account_id: int, now: datetime) -> None:
    """Stop every open invitation or reset link of the account (the caller commits)."""
    session.execute(update(AccountToken)
                    .where(AccountToken.account_id == account_id, AccountToken.used_at.is_(None),
                           AccountToken.revoked_at.is_(None))
                    .values(revoked_at=now))


def issue_account_link(session: Session, account: UserAccount, purpose: str, delivery: str,
                       issued_by: Optional[int], now: datetime, valid_for: timedelta) -> IssuedAccountLink:
    """A new one-time link or printed code for the account; earlier open ones stop working (the caller commits)."""
    revoke_account_links(session, account.id, now)
    secret = new_token() if delivery == EMAIL else new_short_code(PRINTED_CODE_LENGTH)
    session.add(AccountToken(account_id=account.id, purpose=purpose, delivery=delivery,
                             token_hash=_stored_hash(delivery, secret), created_at=now, created_by_id=issued_by,
                             expires_at=now + valid_for))
    return IssuedAccountLink(account.id, purpose, delivery, secret, now + valid_for)


def open_account_link(session: Session, delivery: str, secret: str, now: datetime) -> OpenedAccountLink:
    """The account a link or printed code sets the password of, or AccountLinkRefused."""
    row = session.scalars(select(AccountToken)
                          .where(AccountToken.token_hash == _stored_hash(delivery, secret),
                                 AccountToken.delivery == delivery)).first()
    if row is None or row.used_at is not None or row.revoked_at is not None or _utc(row.expires_at) <= now:
        raise AccountLinkRefused()
    account = session.get(UserAccount, row.account_id)
    if account is None or not account.active:
        raise AccountLinkRefused()
    return OpenedAccountLink(row.id, account.id, account.login, account.display_name, row.purpose)


def use_account_link(session: Session, delivery: str, secret: str, password: str, now: datetime) -> int:
    """Set the password with a link or code, which then stops working; returns the account id."""
    problem = password_problem(password)
    if problem:
        raise ValidationFailed({"new_password": problem})
    opened = open_account_link(session, delivery, secret, now)
    # Claim the link in one UPDATE: of two submissions at once, only one finds it unused.
    claimed = session.execute(update(AccountToken)
                              .where(AccountToken.id == opened.token_id, AccountToken.used_at.is_(None),
                                     AccountToken.revoked_at.is_(None))
                              .values(used_at=now)).rowcount
    if claimed != 1:
        session.rollback()
        raise AccountLinkRefused()
    set_password(session, session.get(UserAccount, opened.account_id), password)
    record(session, opened.account_id, f"{opened.purpose}_used", "user_account", opened.account_id)
    session.commit()
    return opened.account_id
