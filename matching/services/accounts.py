"""Accounts: checking a login, loading the signed-in user, ending sessions and changing a password."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Optional

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from matching.models import UserAccount
from matching.passwords import hash_password, verify_password
from matching.services.audit import record
from matching.services.errors import ValidationFailed

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200


@cache
def _unknown_user_hash() -> str:
    # Verifying against a real hash when the login is unknown keeps both failures equally slow,
    # so timing does not tell which logins exist.
    return hash_password("no such user")


def authenticate(session: Session, login: str, password: str, now: datetime) -> Optional[UserAccount]:
    """The active account with this login and password, or None (never says which was wrong)."""
    account = session.scalars(select(UserAccount).where(UserAccount.login == login.strip())).first()
    if account is None or not account.active or not account.password_set:
        verify_password(_unknown_user_hash(), password)
        return None
    if not verify_password(account.password_hash, password):
        return None
    account.last_login_at = now
    session.commit()
    return account


def load_account(session: Session, account_id: int, session_version: int) -> Optional[UserAccount]:
    """The active account with this id whose sessions of this version have not been ended, or None."""
    account = session.get(UserAccount, account_id)
    if account is None or not account.active or account.session_version != session_version:
        return None
    return account


def end_sessions(session: Session, account_id: int) -> None:
    """End every signed-in session of the account at its next request (the caller commits)."""
    # One UPDATE with the increment in SQL, so two at once both count.
    session.execute(update(UserAccount).where(UserAccount.id == account_id)
                    .values(session_version=UserAccount.session_version + 1))


def sign_out_everywhere(session: Session, account_id: int) -> None:
    """Log out: every session of the account ends, including copies of its cookie."""
    end_sessions(session, account_id)
    session.commit()


def password_problem(password: str) -> Optional[str]:
    """The error code for a password that may not be chosen, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password_too_short"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "password_too_long"
    return None


def set_password(session: Session, account: UserAccount, password: str) -> None:
    """Store a new password and end the account's other sessions (the caller commits)."""
    problem = password_problem(password)
    if problem:
        raise ValidationFailed({"new_password": problem})
    account.password_hash = hash_password(password)
    end_sessions(session, account.id)


def change_password(session: Session, account_id: int, current: str, new: str) -> int:
    """Change one's own password after checking the current one; returns the new session version."""
    account = session.get(UserAccount, account_id)
    if account is None or not verify_password(account.password_hash, current):
        raise ValidationFailed({"current_password": "wrong_password"})
    set_password(session, account, new)
    record(session, account_id, "password_changed", "user_account", account_id)
    session.commit()
    session.refresh(account)
    return account.session_version
