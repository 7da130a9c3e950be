"""Writing the audit log: changes by whom, and every read of sensitive fields by staff."""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy.orm import Session

from matching.models import AuditEntry


def record(session: Session, user_id: Optional[int], action: str, entity: str, entity_id: Optional[int],
           **detail: Any) -> AuditEntry:
    """Add an audit entry to the session (the caller's transaction commits it); detail holds no personal data."""
    entry = AuditEntry(user_id=user_id, action=action, entity=entity, entity_id=entity_id, detail=detail)
    session.add(entry)
    return entry


def record_sensitive_read(session: Session, user_id: Optional[int], entity: str, entity_id: int,
                          fields: list[str]) -> None:
    """Log that a staff member was shown sensitive fields (names only) of one row, and commit."""
    record(session, user_id, "view_sensitive", entity, entity_id, fields=sorted(fields))
    session.commit()
