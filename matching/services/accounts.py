"""Accounts: checking a login and loading the signed-in user."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import UserAccount
from matching.passwords import hash_password, verify_password


@cache
def _unknown_user_hash() -> str:
    # Verifying against a real hash when the login is unknown keeps both failures equally slow,
    # so timing does not tell which logins exist.
    return hash_password("no such user")


def authenticate(session: Session, login: str, password: str, now: datetime) -> Optional[UserAccount]:
    """The active account with this login and password, or None (never says which was wrong)."""
    account = session.scalars(select(UserAccount).where(UserAccount.login == login.strip())).first()
    if account is None or not account.active:
        verify_password(_unknown_user_hash(), password)
        return None
    if not verify_password(account.password_hash, password):
        return None
    account.last_login_at = now
    session.commit()
    return account


def load_account(session: Session, account_id: int) -> Optional[UserAccount]:
    """The active account with this id, or None."""
    account = session.get(UserAccount, account_id)
    return account if account is not None and account.active else None
