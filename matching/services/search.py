"""Free-text search over list pages: every word must match one of the searched columns."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.orm import InstrumentedAttribute


def words_match(text: str, columns: list[InstrumentedAttribute]) -> ColumnElement[bool]:
    """A condition true when each whitespace-separated word (full-width spaces too) is in some column."""
    words = text.replace("\u3000", " ").split()
    if not words:
        return true()
    return and_(*(or_(*(column.contains(word, autoescape=True) for column in columns)) for word in words))
