"""Today and now as the site sees them: Asia/Tokyo, or a fixed date for demos and tests."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from flask import Flask, current_app

TOKYO = ZoneInfo("Asia/Tokyo")


def today_in(app: Flask) -> date:
    """The app's date: its fixed TODAY (YYYY-MM-DD) for demos and tests, else the current date in Tokyo."""
    fixed = app.config.get("TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return datetime.now(TOKYO).date()


def today() -> date:
    """The current request's date (see today_in)."""
    return today_in(current_app)


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def current_instant() -> datetime:
    """Now, or noon in Tokyo of the fixed TODAY when the app has one, so links expire consistently in demos and tests."""
    fixed = current_app.config.get("TODAY")
    if fixed:
        return datetime.combine(date.fromisoformat(fixed), time(12), TOKYO).astimezone(timezone.utc)
    return now()
