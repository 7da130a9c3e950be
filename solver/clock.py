"""Weekdays and clock times as the solvers read and write them.

In JSON a weekday is a lowercase English abbreviation ("mon" ... "sun") and a
time is "HH:MM"; in the dataclasses a weekday is 0 (Monday) to 6 (Sunday) and a
time is minutes after midnight.
"""

from __future__ import annotations

from dataclasses import dataclass

from solver.errors import ProblemError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAYS_JA = ("月", "火", "水", "木", "金", "土", "日")


def parse_weekday(value: object, field: str) -> int:
    """Turn "mon".."sun" into 0..6, or raise ProblemError naming the field."""
    if isinstance(value, str) and value.lower() in WEEKDAYS:
        return WEEKDAYS.index(value.lower())
    raise ProblemError(field, f"expected one of {', '.join(WEEKDAYS)}, got {value!r}")


def parse_time(value: object, field: str) -> int:
    """Turn "HH:MM" into minutes after midnight (24:00 allowed), or raise ProblemError."""
    if isinstance(value, str) and len(value) == 5 and value[2] == ":":
        hh, mm = value[:2], value[3:]
        if hh.isdigit() and mm.isdigit():
            minutes = int(hh) * 60 + int(mm)
            if int(mm) < 60 and minutes <= 24 * 60:
                return minutes
    raise ProblemError(field, f"expected a time HH:MM between 00:00 and 24:00, got {value!r}")


def format_time(minutes: int) -> str:
    """Turn minutes after midnight into "HH:MM"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, order=True)
class WeeklyWindow:
    """A recurring weekly interval: weekday 0-6, start and end in minutes after midnight."""

    weekday: int
    start: int
    end: int

    def contains(self, weekday: int, start: int, end: int) -> bool:
        """Whether [start, end) on that weekday lies inside this window."""
        return weekday == self.weekday and self.start <= start and end <= self.end


def parse_window(value: object, field: str) -> WeeklyWindow:
    """Read {"weekday": "tue", "start": "18:00", "end": "20:00"}; the end must follow the start."""
    if not isinstance(value, dict):
        raise ProblemError(field, f"expected an object with weekday, start and end, got {value!r}")
    weekday = parse_weekday(value.get("weekday"), f"{field}.weekday")
    start = parse_time(value.get("start"), f"{field}.start")
    end = parse_time(value.get("end"), f"{field}.end")
    if end <= start:
        raise ProblemError(f"{field}.end", f"the end {format_time(end)} must be after the start {format_time(start)}")
    return WeeklyWindow(weekday, start, end)


def window_to_json(window: WeeklyWindow) -> dict:
    """Write a weekly window as JSON."""
    return {"weekday": WEEKDAYS[window.weekday], "start": format_time(window.start), "end": format_time(window.end)}
