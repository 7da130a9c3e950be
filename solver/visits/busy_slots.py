"""The weekly rule against dated busy time: a weekly slot is refused when it clashes on too many dates.

Home visits are weekly and a tutor's study-room sessions are dated. A weekly start clashes on a date when a
busy time that date overlaps the visit or leaves less than the travel between the site and the child's home
(solver.busy.clashes). The slot is refused when it clashes on more than the problem's max_clash_dates
dates; otherwise it is allowed, and the site marks those few dates as needing a substitute.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np

from solver.busy import BusyTime, clashes
from solver.geo import Coordinates, travel_minutes

MINUTES_PER_DAY = 24 * 60


def clash_dates(busy: tuple[BusyTime, ...], weekday: int, start: int, end: int, place: Coordinates) -> set[date]:
    """The dates on that weekday on which a visit at place from start to end clashes with the busy time."""
    return {b.date for b in busy if b.date.weekday() == weekday and clashes(b, b.date, start, end, place)}


def allowed_starts(busy: tuple[BusyTime, ...], place: Coordinates, minutes: int, grid: int, words: int,
                   max_clash_dates: int) -> np.ndarray:
    """(7, words) bit mask: bit k of a weekday is set when a visit starting at k * grid passes the weekly rule."""
    slots = -(-MINUTES_PER_DAY // grid)
    if len({b.date for b in busy}) <= max_clash_dates:
        return np.full((7, words), np.uint64(0xFFFFFFFFFFFFFFFF))  # too few dates to refuse any slot
    gaps: dict[Coordinates, int] = {}
    per_date: dict[date, set[int]] = defaultdict(set)
    for b in busy:
        if b.place not in gaps:
            gaps[b.place] = travel_minutes(b.place, place)
        gap = gaps[b.place]
        # solver.busy.clashes, solved for the start: b.start - gap - minutes < s < b.end + gap.
        low, high = b.start - gap - minutes, b.end + gap
        per_date[b.date].update(k for k in range(max(0, low // grid), min(slots, -(-high // grid)))
                                if low < k * grid < high)
    count = np.zeros((7, words * 64), dtype=np.int64)
    for day, ks in per_date.items():
        count[day.weekday(), sorted(ks)] += 1
    count[:, slots:] = max_clash_dates + 1  # no start beyond the day
    bits = np.packbits(count <= max_clash_dates, axis=1, bitorder="little")
    return bits.view("<u8").astype(np.uint64)
