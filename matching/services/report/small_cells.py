"""Counts that leave the programme: a cell of 1 or 2 children is shown as "≤2" so no child can be recognised."""

from __future__ import annotations

from typing import Union

SMALL_CELL = "≤2"
SMALLEST_SHOWN = 3


def hide_small(children: int) -> Union[int, str]:
    """The count as it may leave the programme: 0 and 3 or more as they are, 1 and 2 as "≤2"."""
    return SMALL_CELL if 0 < children < SMALLEST_SHOWN else children
