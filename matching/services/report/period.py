"""Which days a report covers: the whole school year, or one month of it."""

from __future__ import annotations

from datetime import date, timedelta

from matching.models import Programme
from matching.services.errors import ValidationFailed

YEAR = "year"


def report_period(programme: Programme, period: str) -> tuple[date, date]:
    """The first and last day of "year" (the programme's school year) or of a month "YYYY-MM" inside it."""
    if period == YEAR:
        return programme.starts_on, programme.ends_on
    try:
        first = date.fromisoformat(f"{period}-01")
    except ValueError:
        raise ValidationFailed({"period": "unreadable"}) from None
    if not programme.starts_on <= first <= programme.ends_on:
        raise ValidationFailed({"period": "outside_year"})
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month that has a day in first..last."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def report_months(programme: Programme) -> list[str]:
    """Every month of the school year as "YYYY-MM", for the period menu."""
    return [month.strftime("%Y-%m") for month in months_between(programme.starts_on, programme.ends_on)]
