"""The list of accounts staff see: role, linked tutor, last login and status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.models import Role, Tutor, UserAccount
from matching.services.account_admin import may_manage


@dataclass(frozen=True)
class AccountRow:
    """One account as the list shows it; status is active, invited (no password yet) or inactive."""

    id: int
    login: str
    display_name: str
    role: Role
    tutor_id: Optional[int]
    tutor_name: str
    last_login_at: Optional[datetime]
    status: str
    has_email: bool
    manageable: bool


def _status(account: UserAccount) -> str:
    if not account.active:
        return "inactive"
    return "active" if account.password_set else "invited"


def list_accounts(session: Session, actor_id: int, actor_role: Role) -> list[AccountRow]:
    """Every account by role then login, each marked with whether the viewer may reset or deactivate it."""
    accounts = session.scalars(select(UserAccount).options(selectinload(UserAccount.tutor))
                               .order_by(UserAccount.role, UserAccount.login))
    return [AccountRow(a.id, a.login, a.display_name, a.role, a.tutor_id, a.tutor.full_name if a.tutor else "",
                       a.last_login_at, _status(a), bool(a.email),
                       a.id != actor_id and may_manage(actor_role, a.role))
            for a in accounts]


def tutors_without_account(session: Session, programme_id: Optional[int]) -> list[tuple[int, str]]:
    """The programme's tutors who have no account yet, in furigana order, for the invitation form."""
    if programme_id is None:
        return []
    linked = select(UserAccount.tutor_id).where(UserAccount.tutor_id.is_not(None))
    tutors = session.scalars(select(Tutor).where(Tutor.programme_id == programme_id, Tutor.id.not_in(linked))
                             .order_by(Tutor.family_name_kana, Tutor.given_name_kana, Tutor.id))
    return [(tutor.id, tutor.full_name) for tutor in tutors]
