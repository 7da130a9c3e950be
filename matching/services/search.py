"""Free-text search over list pages: every word must match one of the searched columns."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.orm import InstrumentedAttribute

# A name search needs a few words; a longer text would build a query too deep for the database to parse.
MAX_SEARCH_CHARACTERS = 100
MAX_SEARCH_WORDS = 10


def search_words(text: str) -> list[str]:
    """The words that count: whitespace-separated (full-width spaces too), at most the first 10 of 100 characters."""
    return text[:MAX_SEARCH_CHARACTERS].replace("\u3000", " ").split()[:MAX_SEARCH_WORDS]


def words_match(text: str, columns: list[InstrumentedAttribute]) -> ColumnElement[bool]:
    """A condition true when each search word is in some column."""
    words = search_words(text)
    if not words:
        return true()
    return and_(*(or_(*(column.contains(word, autoescape=True) for column in columns)) for word in words))
