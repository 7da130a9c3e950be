"""The signed-in user as Flask-Login sees it: plain values copied from the account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask_login import UserMixin

from matching.models import Role, UserAccount


@dataclass(frozen=True)
class SignedInUser(UserMixin):
    """Who is signed in: id, login, name, role and, for a tutor account, its tutor."""

    id: int
    login: str
    display_name: str
    role: Role
    tutor_id: Optional[int]

    @classmethod
    def from_account(cls, account: UserAccount) -> "SignedInUser":
        """Copy what the pages need from an account row."""
        return cls(account.id, account.login, account.display_name, account.role, account.tutor_id)
