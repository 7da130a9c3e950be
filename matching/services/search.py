"""Free-text search over list pages: every word must match one of the searched columns."""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.orm import InstrumentedAttribute

from matching.kana import fold_kana


def words_match(text: str, name_keys: list[InstrumentedAttribute],
                columns: list[InstrumentedAttribute]) -> ColumnElement[bool]:
    """True when each word (split on any space, full width too) is in a name key (kana folded) or a column.

    A name key holds names folded by fold_kana, so ササキ, ｻｻｷ and ささき find the same child; other
    columns (school, site) are matched as typed, after NFKC so half-width katakana finds full width.
    """
    words = unicodedata.normalize("NFKC", text).split()
    if not words:
        return true()
    return and_(*(
        or_(*(key.contains(fold_kana(word), autoescape=True) for key in name_keys),
            *(column.contains(word, autoescape=True) for column in columns))
        for word in words
    ))
