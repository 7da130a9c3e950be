"""Reading the audit log for administrators: filter by user, action and entity, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import AuditEntry, UserAccount
from matching.services.pagination import Page, paginate


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the log page shows it."""

    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: Optional[int]
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditChoices:
    """What the filters offer: the accounts, actions and entities found in the log."""

    users: list[tuple[int, str]]
    actions: list[str]
    entities: list[str]


def list_audit(session: Session, page: int = 1, user_id: Optional[int] = None, action: str = "",
               entity: str = "") -> Page[AuditRow]:
    """Audit entries, newest first, filtered by user, action and entity."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    result = paginate(session, query, page)
    logins = dict(session.execute(select(UserAccount.id, UserAccount.login)).all())
    rows = [AuditRow(e.id, e.at, logins.get(e.user_id, "—") if e.user_id else "—", e.action, e.entity, e.entity_id,
                     dict(e.detail or {})) for e in result.items]
    return Page(items=rows, number=result.number, size=result.size, total=result.total)


def audit_choices(session: Session) -> AuditChoices:
    """The accounts, actions and entities to filter by."""
    return AuditChoices(
        users=[tuple(r) for r in session.execute(select(UserAccount.id, UserAccount.login).order_by(UserAccount.login))],
        actions=list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))),
        entities=list(session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))),
    )
