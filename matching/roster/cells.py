"""Spreadsheet cells to domain values and back, so that an exported sheet imports again unchanged.

A parser raises CellError with a message code; the importer puts the code with the row and the column.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from matching.grades import MAX_GRADE, MIN_GRADE, grade_label
from matching.subjects import SUBJECTS

E = TypeVar("E", bound=Enum)

WEEKDAYS = "月火水木金土日"
_WINDOW = re.compile(r"^([月火水木金土日])\s*(\d{1,2}):(\d{2})\s*[-~〜～]\s*(\d{1,2}):(\d{2})$")
_SUBJECT = re.compile(r"^(\S+?)\s*(?:[:：]?\s*([小中高]\d)\s*[-~〜～]\s*([小中高]\d))?$")
_DATE = r"\d{4}[-/]\d{1,2}[-/]\d{1,2}"
_DAYS = re.compile(rf"^({_DATE})\s*(?:[~〜～]\s*({_DATE}))?\s*(?:[(（](.*)[)）])?$")
LIST_SEPARATOR = re.compile(r"[;；、\n]")
GRADES = {grade_label(grade): grade for grade in range(MIN_GRADE, MAX_GRADE + 1)}
SUBJECT_CODES = {names[0]: code for code, names in SUBJECTS.items()} | {code: code for code in SUBJECTS}
# 算数 is elementary math: the programme teaches it as math (see matching.subjects).
SUBJECT_CODES["算数"] = "math"


class CellError(ValueError):
    """A cell that cannot be read; code names the message shown to the user."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def items(text: str) -> list[str]:
    """The parts of a list cell ("数学; 英語"), blanks dropped."""
    return [part.strip() for part in LIST_SEPARATOR.split(text) if part.strip()]


def whole_number(text: str, low: int, high: int) -> int:
    """A whole number in low..high (full-width digits accepted, as Japanese Excel often holds them)."""
    value = text.strip().translate(_FULL_WIDTH)
    if value.endswith(".0"):  # Excel hands numbers over as floats
        value = value[:-2]
    if not re.fullmatch(r"-?\d+", value):
        raise CellError("not_a_whole_number")
    if not low <= int(value) <= high:
        raise CellError("out_of_range")
    return int(value)


def decimal(text: str, low: float, high: float) -> float:
    """A decimal number in low..high."""
    try:
        value = float(text.strip().translate(_FULL_WIDTH))
    except ValueError as error:
        raise CellError("not_a_number") from error
    if not low <= value <= high:
        raise CellError("out_of_range")
    return value


def day(text: str) -> date:
    """A date written 2026-04-01 or 2026/4/1 (an Excel date cell arrives as ISO text)."""
    value = text.strip().translate(_FULL_WIDTH).split(" ")[0].split("T")[0].replace("/", "-")
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as error:
        raise CellError("not_a_date") from error


def grade(text: str) -> int:
    """A grade written 中3 (or its number 1-12)."""
    value = text.strip().translate(_FULL_WIDTH)
    if value in GRADES:
        return GRADES[value]
    if value.isdigit() and MIN_GRADE <= int(value) <= MAX_GRADE:
        return int(value)
    raise CellError("unknown_grade")


def choice(text: str, words: dict[str, E]) -> E:
    """One of a closed vocabulary, by its Japanese word or its code."""
    value = text.strip()
    for word, member in words.items():
        if value in (word, member.value):
            return member
    raise CellError("not_a_choice")


def windows(text: str) -> tuple[tuple[int, int, int], ...]:
    """Weekly windows written "火 17:00-21:00; 土 14:00-16:00"."""
    out = []
    for part in items(text.translate(_FULL_WIDTH)):
        match = _WINDOW.match(part)
        if not match:
            raise CellError("bad_windows")
        weekday, h1, m1, h2, m2 = match.groups()
        if int(m1) >= 60 or int(m2) >= 60 or int(h1) > 24 or int(h2) > 24:
            raise CellError("bad_windows")
        out.append((WEEKDAYS.index(weekday), int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)))
    return tuple(sorted(out))


def format_windows(rows: list[tuple[int, int, int]]) -> str:
    """Windows back as "火 17:00-21:00; 土 14:00-16:00"."""
    return "; ".join(f"{WEEKDAYS[w]} {s // 60}:{s % 60:02d}-{e // 60}:{e % 60:02d}" for w, s, e in rows)


def subjects(text: str) -> list[str]:
    """Subject codes from "数学; 英語"."""
    codes = []
    for part in items(text):
        if part not in SUBJECT_CODES:
            raise CellError("unknown_subject")
        codes.append(SUBJECT_CODES[part])
    return codes


def subject_ranges(text: str) -> list[tuple[str, int, int]]:
    """(subject, min grade, max grade) from "数学 中1-中3; 英語 小5-中3" (no range: every grade)."""
    out = []
    for part in items(text.translate(_FULL_WIDTH)):
        match = _SUBJECT.match(part)
        low, high = (match.group(2), match.group(3)) if match else (None, None)
        if not match or match.group(1) not in SUBJECT_CODES or any(g and g not in GRADES for g in (low, high)):
            raise CellError("bad_subject_ranges")
        out.append((SUBJECT_CODES[match.group(1)], GRADES[low] if low else MIN_GRADE,
                    GRADES[high] if high else MAX_GRADE))
    return out


def format_subject_ranges(rows: list[tuple[str, int, int]]) -> str:
    """Subject ranges back as "数学 中1-中3"."""
    return "; ".join(f"{SUBJECTS[s][0]} {grade_label(lo)}-{grade_label(hi)}" for s, lo, hi in rows)


def days_off(text: str) -> list[tuple[date, date, str]]:
    """Dates off from "2026-08-10~2026-08-16 (帰省); 2026-09-01"."""
    out = []
    for part in items(text.translate(_FULL_WIDTH)):
        match = _DAYS.match(part)
        if not match:
            raise CellError("bad_days_off")
        first = day(match.group(1))
        last = day(match.group(2)) if match.group(2) else first
        out.append((first, last, (match.group(3) or "").strip()))
    return out


def format_days_off(rows: list[tuple[date, date, str]]) -> str:
    """Dates off back as "2026-08-10~2026-08-16 (帰省)"."""
    parts = []
    for first, last, reason in rows:
        text = first.isoformat() if first == last else f"{first.isoformat()}~{last.isoformat()}"
        parts.append(f"{text} ({reason})" if reason else text)
    return "; ".join(parts)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．：－／", "0123456789.:-/")


def code(text: str, words: dict[str, str]) -> str:
    """A code of a closed list of strings, by its Japanese word or the code itself."""
    value = text.strip()
    if value in words:
        return words[value]
    if value in words.values():
        return value
    raise CellError("not_a_choice")


def codes(text: str, words: dict[str, str]) -> list[str]:
    """Several codes from a list cell ("日本語; 英語")."""
    return [code(part, words) for part in items(text)]
