"""Reminders the day before each home visit, to its tutor and its household, each sent once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.grades import grade_label
from matching.models import Notification, OccurrenceStatus, PlanKind, Tutor, Visit, VisitOccurrence
from matching.notify.family_language import format_date, format_times, letter_languages, plain, plain_subject
from matching.notify.outbox import enqueue
from matching.notify.plan_notices import household_channel, tutor_channel
from matching.services.published import published_plan_id
from matching.subjects import subject_label


def _already(session: Session, key: str) -> bool:
    return session.scalar(select(Notification.id).where(Notification.dedupe_key == key)) is not None


def queue_reminders(session: Session, programme_id: int, day: date) -> int:
    """Queue a reminder for every planned visit on the day (run the day before); returns how many were added."""
    plan_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    if plan_id is None:
        return 0
    occurrences = session.scalars(
        select(VisitOccurrence).join(Visit).where(Visit.plan_id == plan_id, VisitOccurrence.on_date == day,
                                                  VisitOccurrence.status != OccurrenceStatus.CANCELLED)
        .order_by(VisitOccurrence.id)
    ).all()
    added = 0
    for occurrence in occurrences:
        visit, child = occurrence.visit, occurrence.visit.student
        tutor = session.get(Tutor, occurrence.substitute_tutor_id or visit.tutor_id)
        times = format_times(occurrence.start_minute, occurrence.end_minute)
        key = f"reminder:{occurrence.id}:tutor:{tutor.id}"
        if not _already(session, key):
            channel, address = tutor_channel(tutor)
            body = (f"明日 {day.month}月{day.day}日 {times} は個別訪問です: {child.given_name}さん"
                    f"({grade_label(child.grade)}) {subject_label(visit.subject)}\n")
            enqueue(session, kind="reminder", channel=channel, address=address, subject="【学習支援】明日の訪問",
                    body=body, tutor_id=tutor.id, dedupe_key=key)
            added += 1
        key = f"reminder:{occurrence.id}:household"
        if not _already(session, key):
            household = child.household
            languages = letter_languages(household.language)

            def body(lang: str) -> str:
                return plain(lang, "reminder_body", date=format_date(lang, day), time=times, tutor=tutor.given_name,
                             child=child.given_name, subject=plain_subject(lang, visit.subject))

            channel, address = household_channel(household)
            enqueue(session, kind="reminder", channel=channel, address=address,
                    subject=" / ".join(plain(lang, "reminder_subject") for lang in languages),
                    body="\n\n".join(body(lang) for lang in languages) + "\n",
                    language=household.language, household_id=household.id, dedupe_key=key)
            added += 1
    session.commit()
    return added
