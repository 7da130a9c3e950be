"""Applying an edit to a row: which fields changed, the version check, and a commit that detects lost updates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Optional

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matching.models.base import utcnow
from matching.services.audit import record
from matching.services.errors import StaleEdit


def set_fields(row: Any, values: dict[str, Any]) -> list[str]:
    """Set the attributes whose value differs and return their names (for the audit log, never the values)."""
    changed = []
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    return changed


def replace_children(row: Any, name: str, current: Sequence[tuple], wanted: Sequence[tuple],
                     build: Callable[[tuple], Any]) -> list[str]:
    """Replace a child collection when its rows (as tuples) differ; returns [name] if it changed, else []."""
    if list(current) == list(wanted):
        return []
    setattr(row, name, [build(item) for item in wanted])
    return [name]


def save_new(session: Session, row: Any, entity: str, apply: Callable[[], list[str]], user_id: Optional[int],
             **detail: Any) -> int:
    """Fill a new row, add it, record its creation (detail: ids only) and commit; returns its id."""
    apply()
    session.add(row)
    session.flush()
    record(session, user_id, "create", entity, row.id, **detail)
    session.commit()
    return row.id


def save_edit(session: Session, row: Any, entity: str, versions: tuple[Any, Any], check: Callable[[], None],
              apply: Callable[[], list[str]], user_id: Optional[int]) -> None:
    """Check the version (current, expected) and the rules, apply the edit, record the changed field names, commit."""
    check_version(*versions)
    check()
    with session.no_autoflush:  # one UPDATE, so the version moves on by one
        changed = apply()
    if changed:
        touch(row)
        record(session, user_id, "update", entity, row.id, fields=sorted(changed))
    commit_edit(session)


def check_version(current: Any, expected: Any) -> None:
    """Refuse the edit when the row moved on since the editor loaded it."""
    if expected is None or current != expected:
        raise StaleEdit("the row was changed by someone else")


def touch(row: Any) -> None:
    """Mark a versioned row as updated so its version moves on even when only child rows changed."""
    row.updated_at = utcnow()


def commit_edit(session: Session) -> None:
    """Commit; a concurrent save caught by the version column becomes StaleEdit and nothing is kept."""
    try:
        session.commit()
    except StaleDataError as error:
        session.rollback()
        raise StaleEdit("the row was changed by someone else") from error
