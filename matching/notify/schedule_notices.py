"""The words of a notice: a household's upcoming dates in its languages, a tutor's in Japanese (plain text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from matching.grades import grade_label
from matching.notify.family_language import format_date, format_times, plain, plain_subject
from matching.services.household_letters import household_letter
from matching.services.tutor_schedule import tutor_schedule
from matching.subjects import subject_label

# A notice lists the next few dates; the page, the letter and the calendar feed have them all.
DATES_SHOWN = 8


@dataclass(frozen=True)
class NoticeText:
    """The subject and plain-text body of one notice."""

    subject: str
    body: str


def _office_lines(language: str, office) -> list[str]:
    """Whom the family reaches and how, as the letter prints it: 事務局, phone with hours, e-mail."""
    if not (office.name or office.phone):
        return []
    lines = [f"{plain(language, 'office_heading')}: {office.name}"]
    if office.phone:
        lines.append(f"TEL {office.phone}" + (f" ({office.hours})" if office.hours else ""))
    if office.email:
        lines.append(office.email)
    return lines


def household_notice(session: Session, programme_id: int, household_id: int, today: date) -> NoticeText:
    """A household's next dates and tutors, in its language and then Japanese."""
    letter = household_letter(session, programme_id, household_id, today)
    schedule = letter.schedule
    parts = []
    for language in letter.languages:
        lines = [plain(language, "letter_title"), "", plain(language, "greeting", guardian=schedule.guardian_name),
                 plain(language, "intro"), ""]
        for visit in schedule.visits[:DATES_SHOWN]:
            status = f" ({plain(language, 'cancelled')})" if visit.cancelled else ""
            lines.append(f"- {format_date(language, visit.on_date)} {format_times(visit.start, visit.end)} "
                         f"{visit.child_given_name} {plain_subject(language, visit.subject)} "
                         f"/ {plain(language, 'tutor')}: {visit.tutor_given_name}{status}")
        for room in schedule.sessions[:DATES_SHOWN]:
            lines.append(f"- {format_date(language, room.on_date)} {format_times(room.start, room.end)} "
                         f"{plain(language, 'rooms')}: {room.site_name}")
        if not schedule.visits and not schedule.sessions:
            lines.append(plain(language, "no_dates"))
        lines += ["", plain(language, "letter_contact"), *_office_lines(language, schedule.office)]
        parts.append("\n".join(lines))
    subject = " / ".join(plain(language, "notice_subject") for language in letter.languages)
    return NoticeText(subject=subject, body="\n\n----\n\n".join(parts) + "\n")


def tutor_notice(session: Session, programme_id: int, tutor_id: int, today: date) -> NoticeText:
    """A tutor's next visits and sessions, in Japanese (the tutors' language on the site)."""
    items = tutor_schedule(session, programme_id, tutor_id, today)
    lines = ["学習支援の予定が変わりました。これからの予定は次のとおりです。", ""]
    for item in items[:DATES_SHOWN]:
        when = f"{item.on_date.month}月{item.on_date.day}日 {format_times(item.start, item.end)}"
        if item.kind == "visit":
            what = f"個別訪問 {item.child_given_name}さん({grade_label(item.child_grade)}) {subject_label(item.subject)}"
        else:
            what = f"学習室 {item.site_name}"
        lines.append(f"- {when} {what}{'(中止)' if item.cancelled else ''}")
    if not items:
        lines.append("公開されている予定はありません。")
    lines += ["", "新しい担当はサイトの「予定」で確認してください。都合が悪い日は「欠席の連絡」から連絡してください。"]
    return NoticeText(subject="【学習支援】予定の変更のお知らせ", body="\n".join(lines) + "\n")
