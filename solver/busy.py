"""Busy time: a tutor's dated commitment in the other service, and when a new commitment clashes with it.

Both solvers read it the same way: a home visit and a study-room session clash when they overlap, or when
the gap between them is shorter than the travel time between the two places (solver.geo's one formula).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from solver.clock import format_time, parse_time
from solver.errors import ProblemError
from solver.geo import Coordinates, travel_minutes


@dataclass(frozen=True)
class BusyTime:
    """A tutor is somewhere else on this date from start to end (minutes after midnight), at this place."""

    date: date
    start: int
    end: int
    place: Coordinates


def clashes(busy: BusyTime, day: date, start: int, end: int, place: Coordinates) -> bool:
    """Whether a commitment at place on day from start to end leaves too little time around the busy time."""
    if busy.date != day:
        return False
    gap = travel_minutes(busy.place, place)
    return start < busy.end + gap and busy.start < end + gap


def busy_from_json(values, field: str) -> tuple[BusyTime, ...]:
    """Read [{"date": "2027-03-09", "start": "18:00", "end": "20:00", "place": {"lat", "lon"}}, ...]."""
    out = []
    for k, v in enumerate(values or ()):
        try:
            day = date.fromisoformat(v["date"])
        except ValueError:
            raise ProblemError(f"{field}[{k}].date", f"expected a date YYYY-MM-DD, got {v['date']!r}") from None
        start, end = parse_time(v["start"], f"{field}[{k}].start"), parse_time(v["end"], f"{field}[{k}].end")
        if end <= start:
            raise ProblemError(f"{field}[{k}].end", "the end must be after the start")
        out.append(BusyTime(day, start, end, Coordinates(float(v["place"]["lat"]), float(v["place"]["lon"]))))
    return tuple(out)


def busy_to_json(busy: tuple[BusyTime, ...]) -> list[dict]:
    """Write busy times as busy_from_json reads them."""
    return [{"date": b.date.isoformat(), "start": format_time(b.start), "end": format_time(b.end),
             "place": {"lat": b.place.lat, "lon": b.place.lon}} for b in busy]
