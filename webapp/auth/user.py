"""The signed-in user as Flask-Login sees it: plain values copied from the account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask_login import UserMixin

from matching.models import Role, UserAccount


@dataclass(frozen=True)
class SignedInUser(UserMixin):
    """Who is signed in: id, login, name, role, for a tutor account its tutor, and the session version."""

    id: int
    login: str
    display_name: str
    role: Role
    tutor_id: Optional[int]
    session_version: int = 0

    @classmethod
    def from_account(cls, account: UserAccount) -> "SignedInUser":
        """Copy what the pages need from an account row."""
        return cls(account.id, account.login, account.display_name, account.role, account.tutor_id,
                   account.session_version)

    def get_id(self) -> str:
        """The id kept in the session: the account and the session version it was signed in at."""
        return f"{self.id}:{self.session_version}"


def parse_session_id(value: str) -> Optional[tuple[int, int]]:
    """The (account id, session version) of a session's user id, or None for anything else."""
    account, _, version = value.partition(":")
    if account.isdigit() and version.isdigit():
        return int(account), int(version)
    return None
