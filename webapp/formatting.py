"""Jinja filters that write grades, subjects, weekdays, times and codes for people."""

from __future__ import annotations

from datetime import date, datetime, timezone

from flask import Flask, request, url_for
from flask_babel import lazy_gettext as _l

from matching.grades import grade_label
from matching.subjects import subject_label
from solver.clock import format_time
from webapp.clock import TOKYO
from webapp.i18n import current_locale

WEEKDAY_NAMES = (_l("月"), _l("火"), _l("水"), _l("木"), _l("金"), _l("土"), _l("日"))

LABELS = {
    "home_visit": _l("個別訪問"),
    "study_room": _l("学習室"),
    "email": _l("メール"),
    "letter": _l("郵送"),
    "phone": _l("電話"),
    "student_volunteer": _l("大学生ボランティア"),
    "retired_teacher": _l("退職教員"),
    "paid_staff": _l("学習支援員"),
    "other": _l("その他"),
    "caseworker": _l("ケースワーカー"),
    "school": _l("学校"),
    "guardian": _l("保護者からの申込"),
    "welfare": _l("生活保護"),
    "low_income": _l("生活困窮・就学援助"),
    "single_parent": _l("ひとり親"),
    "holiday": _l("祝日"),
    "closure": _l("休館"),
    "school_holiday": _l("学校休業"),
    "exam": _l("定期テスト"),
    "intensive": _l("強化期間"),
    "female": _l("女性"),
    "male": _l("男性"),
    # accounts
    "admin": _l("管理者"),
    "coordinator": _l("コーディネーター"),
    "tutor": _l("講師"),
    "active": _l("有効"),
    "invited": _l("招待中"),
    "inactive": _l("無効"),
    # notices
    "pending": _l("送信待ち"),
    "sent": _l("送信済み"),
    "sending": _l("送信中"),
    "attention": _l("要対応"),
    "filed": _l("ファイル保存(未送信)"),
    "printed": _l("郵送済み"),
    # plans
    "proposed": _l("採用待ち"),
    "draft": _l("作成中"),
    "published": _l("公開中"),
    "archived": _l("過去の版"),
    # solve jobs
    "queued": _l("待機中"),
    "running": _l("計算中"),
    "succeeded": _l("完了"),
    "failed": _l("失敗"),
    "cancelled": _l("中止"),
    # changes between plans
    "kept": _l("継続"),
    "moved": _l("変更あり"),
    "new": _l("新規"),
    "dropped": _l("終了"),
    # solver status
    "optimal": _l("最適"),
    "feasible": _l("実行可能"),
    "infeasible": _l("実行不可能"),
    "unknown": _l("不明"),
}

# The checkers' rule codes (solver.visits.check, solver.rooms.check), as a coordinator names the rule.
RULE_NAMES = {
    "child_availability": _l("子どもの空き時間"),
    "tutor_availability": _l("講師の空き時間"),
    "forbidden_pair": _l("組み合わせない講師"),
    "gender": _l("講師の性別の希望"),
    "grid": _l("開始時刻の刻み"),
    "length": _l("訪問の長さ"),
    "subject_grade": _l("教えられる教科・学年"),
    "travel_limit": _l("移動時間の上限"),
    "tutor_travel": _l("訪問の間の移動時間"),
    "child_overlap": _l("子どもの予定の重なり"),
    "tutor_overlap": _l("講師の予定の重なり"),
    "one_tutor": _l("教科ごとに講師は1人"),
    "same_day": _l("同じ日に2回の訪問"),
    "too_many_visits": _l("週の訪問回数"),
    "tutor_cap": _l("講師の週の上限"),
    "pin": _l("固定"),
    "unknown": _l("登録のない子ども・講師・教科"),
    "outside_period": _l("期間内の日付"),
    "wrong_weekday": _l("会場の開室曜日"),
    "wrong_time": _l("会場の時間"),
    "closed_date": _l("休館日"),
    "blackout": _l("休止期間"),
    "over_target": _l("会場の目標回数"),
    "min_gap": _l("回と回の間隔"),
    "duplicate_session": _l("1日1回"),
    "child_not_allowed": _l("子どもが通える会場"),
    "over_capacity": _l("会場の定員"),
    "understaffed": _l("必要な講師の人数"),
    "duplicate_staff": _l("講師の重複"),
    "tutor_unreachable": _l("講師が行ける会場"),
    "tutor_unavailable": _l("講師の空き時間"),
    "tutor_away": _l("講師の不在日"),
    "double_booked": _l("講師の予定の重なり"),
    "monthly_cap": _l("講師の月の上限"),
    "pin_session": _l("固定"),
    "pin_staff": _l("固定"),
    "pin_child": _l("固定"),
}
# Why a child's support ended (SupportEndReason); apart from LABELS, whose "moved" is a plan change.
END_REASON_LABELS = {"graduated": _l("卒業"), "moved": _l("転居"), "declined": _l("辞退"), "other": _l("その他")}

LANGUAGE_NAMES = {
    "ja": _l("日本語"), "en": _l("英語"), "zh-Hans": _l("中国語"), "vi": _l("ベトナム語"), "ne": _l("ネパール語"),
    "tl": _l("タガログ語"), "ko": _l("韓国語"), "pt": _l("ポルトガル語"),
}


def label(value: object) -> str:
    """A code from the domain (an enum or its value) in the interface language."""
    code = getattr(value, "value", value)
    return str(LABELS.get(code, code))


def page_url(endpoint: str, number: int) -> str:
    """The URL of another page of the current list, keeping its search and filters."""
    return url_for(endpoint, **{**request.args.to_dict(), "page": number})


def date_ja(day: date) -> str:
    """A date with its weekday, e.g. 2026年12月1日(火) in Japanese or Tue 2026-12-01 in English."""
    weekday = str(WEEKDAY_NAMES[day.weekday()])
    if current_locale() == "en":
        return f"{weekday} {day.isoformat()}"
    return f"{day.year}年{day.month}月{day.day}日({weekday})"


def local_datetime(moment: datetime) -> str:
    """An instant as Tokyo wall-clock time, e.g. 2026-11-22 18:05 (naive values are UTC, as SQLite returns them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")


def init_app(app: Flask) -> None:
    """Register the filters on the app's Jinja environment."""
    app.add_template_filter(lambda g: grade_label(g, current_locale()), "grade")
    app.add_template_filter(lambda s: subject_label(s, current_locale()), "subject")
    app.add_template_filter(lambda d: str(WEEKDAY_NAMES[d]), "weekday")
    app.add_template_filter(format_time, "hhmm")
    app.add_template_filter(label, "label")
    app.add_template_filter(lambda code: str(RULE_NAMES.get(code, code)), "rule_name")
    app.add_template_filter(lambda reason: str(END_REASON_LABELS[getattr(reason, "value", reason)]), "end_reason")
    app.add_template_filter(local_datetime, "datetime")
    app.add_template_filter(date_ja, "date_ja")
    app.add_template_filter(lambda code: str(LANGUAGE_NAMES.get(code, code)), "language")
    app.add_template_global(page_url)
    app.add_template_global(current_locale, "locale")
