"""Weekly availability windows: checking them and turning 30-minute grid cells into windows and back."""

from __future__ import annotations

from collections.abc import Iterable

Window = tuple[int, int, int]  # (weekday 0 Monday..6 Sunday, start minute, end minute)

STEP = 30
EARLIEST = 6 * 60
LATEST = 23 * 60


def cells_to_windows(cells: Iterable[tuple[int, int]]) -> list[Window]:
    """Merge (weekday, start minute) cells of STEP minutes into windows, adjacent cells joined, in order."""
    windows: list[Window] = []
    for weekday, start in sorted(set(cells)):
        if windows and windows[-1][0] == weekday and windows[-1][2] == start:
            windows[-1] = (weekday, windows[-1][1], start + STEP)
        else:
            windows.append((weekday, start, start + STEP))
    return windows


def windows_to_cells(windows: Iterable[Window]) -> set[tuple[int, int]]:
    """The (weekday, start minute) grid cells a window touches (a partial cell counts as taken)."""
    cells = set()
    for weekday, start, end in windows:
        minute = start - start % STEP
        while minute < end:
            cells.add((weekday, minute))
            minute += STEP
    return cells


def window_problem(windows: Iterable[Window]) -> str | None:
    """A message code for the first broken rule (weekday, end after start, 06:00-23:00, no overlaps), or None."""
    ordered = sorted(windows)
    for weekday, start, end in ordered:
        if not 0 <= weekday <= 6:
            return "bad_weekday"
        if end <= start:
            return "window_end_before_start"
        if start < EARLIEST or end > LATEST:
            return "window_out_of_hours"
    for previous, current in zip(ordered, ordered[1:]):
        if previous[0] == current[0] and current[1] < previous[2]:
            return "window_overlap"
    return None
