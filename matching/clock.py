"""Today as the domain sees it, for work that runs outside a request (background solves)."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")


def today() -> date:
    """The date in Asia/Tokyo, or MATCHING_TODAY (YYYY-MM-DD) when set for demos and tests."""
    fixed = os.environ.get("MATCHING_TODAY")
    return date.fromisoformat(fixed) if fixed else datetime.now(TOKYO).date()
