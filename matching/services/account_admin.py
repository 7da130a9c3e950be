"""Managing accounts: administrators create staff, coordinators invite tutors; reset, deactivate, list.

Nobody chooses a password for someone else: a new account gets a one-time invitation (a link by e-mail or
a printed code) with which its owner sets their own. An administrator manages every account; a coordinator
manages tutors' accounts only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Role, Tutor, UserAccount
from matching.notify.account_mail import AccountMail, send_account_mail
from matching.notify.outbox import Sender
from matching.services.account_links import (
    EMAIL, INVITATION, RESET, IssuedAccountLink, issue_account_link, revoke_account_links,
)
from matching.services.accounts import end_sessions
from matching.services.audit import record
from matching.services.errors import NotFound, ValidationFailed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountInput:
    """What the invitation form says; tutor_id links a tutor's account to their tutor record."""

    login: str
    display_name: str
    role: Role
    email: str
    delivery: str  # email / printed
    tutor_id: Optional[int] = None


@dataclass(frozen=True)
class Delivery:
    """How to deliver a link: the sender, how to build the link's URL, how to print its expiry, how long it works."""

    sender: Sender
    link_for: Callable[[str], str]
    expiry_text: Callable[[datetime], str]
    valid_for: timedelta


@dataclass(frozen=True)
class LinkOutcome:
    """What the issuer is told once: the printed code (for paper) or whether the e-mail went out."""

    account_id: int
    login: str
    display_name: str
    delivery: str
    printed_code: Optional[str]
    mailed: bool
    expires_at: datetime


def may_manage(actor_role: Role, target_role: Role) -> bool:
    """Whether someone of actor_role may invite, reset or deactivate an account of target_role."""
    return actor_role is Role.ADMIN or (actor_role is Role.COORDINATOR and target_role is Role.TUTOR)


def roles_to_invite(actor_role: Role) -> list[Role]:
    """The roles of the accounts actor_role may create."""
    return [role for role in (Role.COORDINATOR, Role.ADMIN, Role.TUTOR) if may_manage(actor_role, role)]


def _check(session: Session, programme_id: Optional[int], actor_role: Role, data: AccountInput) -> None:
    errors: dict[str, str] = {}
    if not may_manage(actor_role, data.role):
        errors["role"] = "role_not_allowed"
    if session.scalar(select(UserAccount.id).where(UserAccount.login == data.login)) is not None:
        errors["login"] = "duplicate_login"
    if data.delivery == EMAIL and not data.email:
        errors["email"] = "email_required"
    if data.role is Role.TUTOR:
        tutor = session.get(Tutor, data.tutor_id) if data.tutor_id else None
        if tutor is None or tutor.programme_id != programme_id:
            errors["tutor_id"] = "tutor_required"
        elif session.scalar(select(UserAccount.id).where(UserAccount.tutor_id == tutor.id)) is not None:
            errors["tutor_id"] = "tutor_has_account"
    if errors:
        raise ValidationFailed(errors)


def _deliver(session: Session, account: UserAccount, link: IssuedAccountLink, how: Delivery,
             now: datetime) -> LinkOutcome:
    told = LinkOutcome(account.id, account.login, account.display_name, link.delivery, None, False, link.expires_at)
    if link.delivery != EMAIL:
        return replace(told, printed_code=link.secret)
    mail = AccountMail(link.purpose, account.email, account.display_name, account.login,
                       how.link_for(link.secret), how.expiry_text(link.expires_at))
    try:
        send_account_mail(session, how.sender, mail, now)
    except Exception as exc:  # any transport failure: the issuer is told and can print a code instead
        session.rollback()
        log.warning("account mail for account %s not sent: %s", account.id, type(exc).__name__)
        return told
    return replace(told, mailed=True)


def invite_account(session: Session, programme_id: Optional[int], actor_id: Optional[int], actor_role: Role,
                   data: AccountInput, how: Delivery, now: datetime) -> LinkOutcome:
    """Create an account without a password and deliver its one-time invitation."""
    _check(session, programme_id, actor_role, data)
    account = UserAccount(login=data.login, display_name=data.display_name, role=data.role, email=data.email,
                          password_hash="", active=True,
                          tutor_id=data.tutor_id if data.role is Role.TUTOR else None)
    session.add(account)
    session.flush()
    link = issue_account_link(session, account, INVITATION, data.delivery, actor_id, now, how.valid_for)
    record(session, actor_id, "invite", "user_account", account.id, role=data.role.value, delivery=data.delivery)
    session.commit()
    return _deliver(session, account, link, how, now)


def _managed(session: Session, actor_id: int, actor_role: Role, account_id: int) -> UserAccount:
    account = session.get(UserAccount, account_id)
    if account is None or account.id == actor_id or not may_manage(actor_role, account.role):
        raise NotFound(f"account {account_id}")
    return account


def reset_account(session: Session, actor_id: int, actor_role: Role, account_id: int, delivery: str,
                  how: Delivery, now: datetime) -> LinkOutcome:
    """Issue a new one-time link with which the owner sets a new password (earlier links stop working)."""
    account = _managed(session, actor_id, actor_role, account_id)
    if delivery == EMAIL and not account.email:
        raise ValidationFailed({"email": "email_required"})
    purpose = RESET if account.password_set else INVITATION
    link = issue_account_link(session, account, purpose, delivery, actor_id, now, how.valid_for)
    record(session, actor_id, "reset_link", "user_account", account.id, delivery=delivery)
    session.commit()
    return _deliver(session, account, link, how, now)


def set_account_active(session: Session, actor_id: int, actor_role: Role, account_id: int, active: bool,
                       now: datetime) -> None:
    """Deactivate an account (its sessions and open links end at once) or make it active again."""
    account = _managed(session, actor_id, actor_role, account_id)
    account.active = active
    if not active:
        end_sessions(session, account.id)
        revoke_account_links(session, account.id, now)
    record(session, actor_id, "activate" if active else "deactivate", "user_account", account.id)
    session.commit()

