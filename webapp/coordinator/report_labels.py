"""The report's column names, table titles and category values in the interface language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from matching.grades import grade_label
from webapp.formatting import LANGUAGE_NAMES, label
from webapp.i18n import current_locale

REPORT_LABELS = {
    "table:sessions": _l("実施回数"), "table:months": _l("月別"), "table:cancellations": _l("中止"),
    "table:served": _l("利用児童"), "table:attendance": _l("出席率"), "table:distribution": _l("出席回数の分布"),
    "table:visits": _l("個別訪問"), "table:hours": _l("講師の活動時間"), "table:waiting": _l("待機児童"),
    "table:progression": _l("中3の進路"),
    "site": _l("会場"), "target": _l("目標"), "planned": _l("計画"), "held": _l("実施"), "cancelled": _l("中止"),
    "unrecorded": _l("未記録"), "held_of_target": _l("目標比"), "held_of_planned": _l("計画比"), "month": _l("月"),
    "session_attendances": _l("学習室の出席(延べ)"), "visits_planned": _l("訪問の計画"),
    "visits_done": _l("訪問の実施"), "date": _l("日付"), "reason": _l("理由"), "breakdown": _l("区分"),
    "value": _l("内訳"), "registered": _l("登録"), "attended": _l("1回以上出席"), "attendances": _l("出席(延べ)"),
    "expected": _l("在籍(延べ)"), "attendance_rate": _l("出席率"), "sessions_attended": _l("出席回数"),
    "children": _l("人数"), "done": _l("実施"), "child_absent": _l("欠席(子ども)"),
    "tutor_absent": _l("欠席(講師)"), "done_of_planned": _l("実施率"), "tutor_kind": _l("講師の種別"),
    "pay": _l("有償・無償"), "tutors": _l("講師数"), "visit_hours": _l("訪問(時間)"),
    "session_hours": _l("学習室(時間)"), "days_waited": _l("待機日数"), "outcome": _l("進路"),
    "total": _l("合計"), "cancelled_in_plan": _l("計画で中止"), "grade": _l("学年"), "service": _l("支援の形"),
    "language": _l("家庭の言語"), "paid": _l("有償"), "volunteer": _l("ボランティア"),
    "progression:public_full_time": _l("高校合格(公立・全日制)"),
    "progression:public_part_time": _l("高校合格(公立・定時制)"),
    "progression:correspondence": _l("高校合格(通信制)"), "progression:private": _l("高校合格(私立)"),
    "progression:technical_college": _l("高専合格"), "progression:other": _l("就職・その他"),
    "progression:undecided": _l("未定"), "progression:unrecorded": _l("未記入"),
}


def report_label(key: str) -> str:
    """A report key in the interface language: a fixed label, or a grade, service, language or tutor kind."""
    if key in REPORT_LABELS:
        return str(REPORT_LABELS[key])
    kind, _, value = key.partition(":")
    if kind == "grade":
        return grade_label(int(value), current_locale())
    if kind == "language":
        return str(LANGUAGE_NAMES.get(value, value))
    if kind in ("service", "kind"):
        return label(value)
    return key
