"""The demo programme's school year and calendar: holidays, closures, school holidays, exams, exam run-up."""

from __future__ import annotations

import random
from datetime import date, timedelta

from matching.holidays import national_holidays
from matching.models import CalendarEntry, CalendarKind, Programme, Site

SCHOOL_YEAR = 2026
STARTS_ON = date(2026, 4, 1)
ENDS_ON = date(2027, 3, 31)

CLOSURES = (("年末年始", date(2026, 12, 29), date(2027, 1, 3)),)

# みどり区's own school holidays: each ward sets them, so they are data.
SCHOOL_HOLIDAYS = (
    ("春休み", date(2026, 4, 1), date(2026, 4, 5)),
    ("夏休み", date(2026, 7, 21), date(2026, 8, 31)),
    ("冬休み", date(2026, 12, 26), date(2027, 1, 7)),
    ("春休み", date(2027, 3, 26), date(2027, 3, 31)),
)

# 定期テスト shared by the ward's junior high schools.
WARD_EXAMS = (
    ("1学期中間テスト", date(2026, 5, 19), date(2026, 5, 22)),
    ("1学期期末テスト", date(2026, 6, 29), date(2026, 7, 3)),
    ("2学期期末テスト", date(2026, 11, 24), date(2026, 11, 27)),
)

# Mondays from which the October and February tests may start; each site follows its nearby school.
SITE_EXAM_WEEKS = (
    ("2学期中間テスト", (date(2026, 10, 5), date(2026, 10, 13), date(2026, 10, 19))),
    ("学年末テスト", (date(2027, 2, 1), date(2027, 2, 8), date(2027, 2, 15))),
)

# Before the 都立 推薦 (late January) and general (about 21 February) exams, 中3 sessions intensify.
INTENSIVE = (("都立入試直前対策", date(2027, 1, 10), date(2027, 2, 20)),)


def build_calendar(rng: random.Random, programme: Programme, sites: list[Site]) -> list[CalendarEntry]:
    """Every calendar entry of the demo year, programme-wide first, then per site."""
    entries = [
        CalendarEntry(programme=programme, kind=CalendarKind.HOLIDAY, name=name, starts_on=day, ends_on=day)
        for day, name in national_holidays(STARTS_ON, ENDS_ON)
    ]
    for kind, periods in (
        (CalendarKind.CLOSURE, CLOSURES),
        (CalendarKind.SCHOOL_HOLIDAY, SCHOOL_HOLIDAYS),
        (CalendarKind.EXAM, WARD_EXAMS),
        (CalendarKind.INTENSIVE, INTENSIVE),
    ):
        entries.extend(
            CalendarEntry(programme=programme, kind=kind, name=name, starts_on=first, ends_on=last)
            for name, first, last in periods
        )
    for site in sites:
        for name, mondays in SITE_EXAM_WEEKS:
            first = rng.choice(mondays)
            # Tests run three or four school days from that Monday (or Tuesday after a holiday).
            entries.append(
                CalendarEntry(
                    programme=programme,
                    site=site,
                    kind=CalendarKind.EXAM,
                    name=name,
                    starts_on=first,
                    ends_on=first + timedelta(days=rng.choice((2, 3))),
                )
            )
    return entries
