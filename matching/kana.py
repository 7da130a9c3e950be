"""One spelling for searching Japanese names: full width, hiragana, lower case.

Offices write フリガナ in katakana, families and schools in hiragana, and old systems in half-width
katakana (ｻｻｷ); a search must find 佐々木 (ささき) whichever the coordinator types.
"""

from __future__ import annotations

import unicodedata

_KATAKANA_FIRST, _KATAKANA_LAST = 0x30A1, 0x30F6  # ァ … ヶ: each has a hiragana 0x60 below it
_TO_HIRAGANA = {code: code - 0x60 for code in range(_KATAKANA_FIRST, _KATAKANA_LAST + 1)}


def fold_kana(text: str) -> str:
    """The search spelling of a text: NFKC (half-width kana to full width), katakana to hiragana, lower case."""
    return unicodedata.normalize("NFKC", text).translate(_TO_HIRAGANA).casefold()
