"""What a new home-visit version keeps of the published one: for every weekly visit it leaves as it was, the
tutor's confirmation; for every dated visit it leaves (same child, subject, tutor, date and time), the status,
the substitute, the cancellation, the family's confirmation and the calendar id."""

from __future__ import annotations

from datetime import date
from typing import Optional

from matching.models import Plan, Visit, VisitOccurrence


def _weekly(v: Visit) -> tuple:
    return v.student_id, v.subject, v.tutor_id, v.weekday, v.start_minute, v.end_minute


def _dated(v: Visit, o: VisitOccurrence) -> tuple:
    return v.student_id, v.subject, v.tutor_id, o.on_date, o.start_minute, o.end_minute


def keep_arrangements(plan: Plan, previous: Optional[Plan], today: date) -> int:
    """Hand on the previous plan's arrangements to the plan's unchanged visits and dates from today on;
    returns how many dated visits kept theirs."""
    if previous is None:
        return 0
    weekly = {_weekly(v): v for v in previous.visits}
    dated = {_dated(v, o): o for v in previous.visits for o in v.occurrences if o.on_date >= today}
    kept = 0
    for visit in plan.visits:
        same = weekly.get(_weekly(visit))
        if same is not None:
            visit.confirmed_at = same.confirmed_at
        for occurrence in visit.occurrences:
            old = dated.get(_dated(visit, occurrence))
            if old is None:
                continue
            occurrence.status, occurrence.substitute_tutor_id = old.status, old.substitute_tutor_id
            occurrence.household_confirmed_at, occurrence.calendar_uid = old.household_confirmed_at, old.calendar_uid
            kept += 1
    return kept
