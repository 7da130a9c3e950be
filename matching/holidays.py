"""Japanese national holidays (国民の祝日), the fixed part of every ward's school calendar."""

from __future__ import annotations

from datetime import date

import jpholiday


def national_holidays(starts_on: date, ends_on: date) -> list[tuple[date, str]]:
    """The national holidays from starts_on to ends_on (inclusive), in date order, with their Japanese names."""
    if ends_on < starts_on:
        return []
    # jpholiday follows the Cabinet Office's list, including 振替休日 and 国民の休日.
    return sorted((day, name) for day, name in jpholiday.between(starts_on, ends_on))
