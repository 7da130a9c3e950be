"""What the audit log's codes mean, in the administrator's language (the log stores codes, the page shows words)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

ACTIONS = {
    "create": _l("登録"), "update": _l("変更"), "delete": _l("削除"),
    "view_sensitive": _l("要配慮情報の閲覧"), "fill_holidays": _l("祝日の一括登録"),
    "solve_started": _l("計算の開始"), "solve_cancel_requested": _l("計算の中止依頼"), "plan_created": _l("計画案の作成"),
    "proposal_accepted": _l("計画案の採用"), "proposal_discarded": _l("計画案の破棄"), "plan_published": _l("計画の公開"),
    "visit_pinned": _l("訪問の固定"), "visit_unpinned": _l("訪問の固定解除"), "visit_reassigned": _l("訪問の割り当て変更"),
    "visit_cancelled": _l("訪問の中止"), "substitute_assigned": _l("訪問の代理講師の決定"),
    "session_substitute_assigned": _l("学習室の代理講師の決定"), "room_session_moved": _l("学習室の日程変更"),
    "room_session_cancelled": _l("学習室の中止"), "room_staff_added": _l("学習室の講師追加"),
    "room_staff_removed": _l("学習室の講師削除"), "room_pin_set": _l("学習室の固定"), "room_pin_removed": _l("学習室の固定解除"),
    "absence_reported": _l("欠席連絡"), "assignment_confirmed": _l("講師による担当の確認"),
    "feed_issued": _l("カレンダー配信URLの発行"), "feed_revoked": _l("カレンダー配信URLの停止"),
    "household_link_issued": _l("家庭用リンクの発行"), "household_link_revoked": _l("家庭用リンクの停止"),
    "household_confirmed": _l("家庭による日程の確認"), "household_change_requested": _l("家庭からの変更依頼"),
    "household_message_handled": _l("家庭からの連絡の対応済み"), "letter_printed": _l("手紙の印刷"),
    "absence_withdrawn": _l("欠席連絡の取り下げ"), "substitute_busy_elsewhere": _l("代理講師の解除(学習室と重複)"),
    "create_admin": _l("最初の管理者の作成"), "invite": _l("アカウントへの招待"), "reset_link": _l("パスワード再設定リンクの発行"),
    "invitation_used": _l("招待によるパスワード設定"), "reset_used": _l("再設定リンクによるパスワード設定"),
    "password_changed": _l("パスワードの変更"), "activate": _l("アカウントの有効化"), "deactivate": _l("アカウントの停止"),
    "start_school_year": _l("新年度の開始"), "import": _l("名簿の取り込み"), "export": _l("名簿・計画の書き出し"),
    "support_ended": _l("支援の終了"), "support_resumed": _l("支援の再開"), "tutor_left": _l("講師の活動終了"),
    "own_availability_changed": _l("講師による活動時間の変更"), "visit_attendance": _l("訪問の実施記録"),
    "roll_call": _l("学習室の出欠"), "progression": _l("中3の進路"), "report_exported": _l("実績報告の書き出し"),
    "disclosure_export": _l("開示請求のための書き出し"), "retention": _l("保存期間を過ぎた記録の整理"),
    "notice_send_again": _l("お知らせの再送"),
}

ENTITIES = {
    "student": _l("子ども"), "household": _l("世帯"), "tutor": _l("講師"), "site": _l("会場"),
    "calendar_entry": _l("学校暦"), "programme": _l("事業"), "plan": _l("計画"), "solve_job": _l("計算"),
    "session": _l("学習室の回"), "session_staff": _l("学習室の講師"), "room_pin": _l("学習室の固定"),
    "visit_occurrence": _l("訪問日"), "household_message": _l("家庭からの連絡"), "notification": _l("お知らせ"),
    "student_need": _l("訪問ニーズ"), "account": _l("アカウント"), "user_account": _l("アカウント"),
    "plans": _l("公開中の計画"), "roster": _l("名簿"),
}

DETAIL_KEYS = {
    "fields": _l("項目"), "kind": _l("種類"), "site_id": _l("会場"), "plan_id": _l("計画"), "job_id": _l("計算"),
    "status": _l("状態"), "version": _l("版"), "replaced": _l("置き換えた計画案"), "base_plan_id": _l("元の計画"),
    "rule_breaks": _l("確認済みのルール違反"), "breaks": _l("確認済みのルール違反"), "tutor_id": _l("講師"),
    "need_id": _l("訪問ニーズ"), "visit_id": _l("訪問"), "replaced_visit_id": _l("置き換えた訪問"),
    "weekday": _l("曜日"), "start_minute": _l("開始"), "absence_id": _l("欠席連絡"), "starts_on": _l("開始日"),
    "ends_on": _l("終了日"), "added": _l("追加件数"), "occurrences": _l("日数"), "link_id": _l("リンク"),
    "household_id": _l("世帯"), "notices": _l("お知らせ件数"), "changes": _l("変更件数"),
}


def action_label(code: str) -> str:
    """The words for an audit action; an unknown code (from a newer version) is shown in brackets."""
    return str(ACTIONS[code]) if code in ACTIONS else f"［{code}］"


def entity_label(code: str) -> str:
    """The words for what an audit entry is about."""
    return str(ENTITIES[code]) if code in ENTITIES else f"［{code}］"


def detail_items(detail: dict[str, Any]) -> list[tuple[str, str]]:
    """An entry's detail as (label, value) pairs in words: lists joined, missing values as —."""
    items = []
    for key, value in detail.items():
        if isinstance(value, (list, tuple)):
            shown = "、".join(str(v) for v in value) or "—"
        else:
            shown = "—" if value is None else str(value)
        items.append((str(DETAIL_KEYS[key]) if key in DETAIL_KEYS else key, shown))
    return items
