"""iCalendar (RFC 5545) for a tutor's schedule, in Asia/Tokyo, built with the icalendar library."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from matching.grades import grade_label
from matching.services.tutor_schedule import ScheduleItem
from matching.subjects import subject_label

TOKYO = ZoneInfo("Asia/Tokyo")
PRODID = "-//gakushu-matching//tutor schedule//JA"


def _local(day, minutes: int) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=TOKYO) + timedelta(minutes=minutes)


def _summary(item: ScheduleItem) -> str:
    if item.kind == "visit":
        grade = grade_label(item.child_grade) if item.child_grade else ""
        return f"個別訪問 {item.child_given_name}さん({grade}) {subject_label(item.subject)}"
    return f"学習室 {item.site_name}"


def schedule_ics(items: Iterable[ScheduleItem], calendar_name: str, stamp: datetime) -> bytes:
    """The items as one VCALENDAR; each event's UID lasts across plan versions while its date is unchanged,
    cancelled ones carry STATUS:CANCELLED."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", "Asia/Tokyo")
    for item in items:
        event = Event()
        event.add("uid", f"{item.kind}-{item.calendar_uid}@gakushu-matching")
        event.add("dtstamp", stamp)
        event.add("dtstart", _local(item.on_date, item.start))
        event.add("dtend", _local(item.on_date, item.end))
        event.add("summary", _summary(item))
        location = item.address if item.kind == "visit" else item.site_name
        if location:
            event.add("location", location)
        if item.guardian_phone:
            event.add("description", f"保護者の電話: {item.guardian_phone}")
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
