"""Free-text search over list pages: every word must match one of the searched columns."""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.orm import InstrumentedAttribute

from matching.kana import fold_kana

# A name search needs a few words; a longer text would build a query too deep for the database to parse.
MAX_SEARCH_CHARACTERS = 100
MAX_SEARCH_WORDS = 10


def search_words(text: str) -> list[str]:
    """The words that count: split on any space (NFKC makes full-width ones plain), the first 10 of 100 characters."""
    return unicodedata.normalize("NFKC", text[:MAX_SEARCH_CHARACTERS]).split()[:MAX_SEARCH_WORDS]


def words_match(text: str, name_keys: list[InstrumentedAttribute],
                columns: list[InstrumentedAttribute]) -> ColumnElement[bool]:
    """True when each search word is in a name key (kana folded) or a column.

    A name key holds names folded by fold_kana, so ササキ, ｻｻｷ and ささき find the same child; other
    columns (school, site) are matched as typed, after NFKC so half-width katakana finds full width.
    """
    words = search_words(text)
    if not words:
        return true()
    return and_(*(
        or_(*(key.contains(fold_kana(word), autoescape=True) for key in name_keys),
            *(column.contains(word, autoescape=True) for column in columns))
        for word in words
    ))
