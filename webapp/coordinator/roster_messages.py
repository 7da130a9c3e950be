"""The message for each problem code of a roster import, in the interface language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from webapp.coordinator.forms.intake_form import DOMAIN_MESSAGES, UNKNOWN_PROBLEM

ROSTER_MESSAGES = {
    **DOMAIN_MESSAGES,
    "required": _l("入力してください"),
    "too_long": _l("文字数が多すぎます"),
    "not_kana": _l("ひらがなかカタカナで入力してください"),
    "not_a_whole_number": _l("半角の整数で入力してください"),
    "not_a_number": _l("半角の数値で入力してください"),
    "out_of_range": _l("入力できる範囲を超えています"),
    "not_a_date": _l("日付を正しく入力してください(例: 2026-04-01)"),
    "unknown_grade": _l("学年は小1〜高3の形で入力してください"),
    "not_a_choice": _l("決められた言葉から選んでください(テンプレートの例を参照)"),
    "bad_windows": _l("時間帯は「火 17:00-21:00」の形で、複数は「;」で区切ってください"),
    "bad_subject_ranges": _l("教科と学年は「数学 中1-中3」の形で、複数は「;」で区切ってください"),
    "bad_days_off": _l("日付は「2026-08-10~2026-08-16 (理由)」の形で、複数は「;」で区切ってください"),
    "location_pair": _l("緯度と経度は両方入力するか、両方空欄にしてください"),
    "duplicate_id": _l("同じIDがファイルの中に2回以上あります"),
    "household_mismatch": _l("同じ世帯キーの行で世帯の内容が食い違っています"),
    "missing_column": _l("この列がありません(テンプレートの見出しを使ってください)"),
    "empty_sheet": _l("シートが空です"),
}


def roster_message(code: str) -> str:
    """The message for a problem code."""
    return str(ROSTER_MESSAGES.get(code, UNKNOWN_PROBLEM))
