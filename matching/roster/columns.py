"""The sheets of a roster file and their columns: Japanese header, whether required, and an example value.

A workbook holds the sheets 会場, 講師 and 子ども (imported in that order, since tutors and children name
sites); a CSV file holds one of them. The template and the exports are written from these lists.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, the key the row parser reads it by, and an example cell."""

    header: str
    key: str
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class SheetSpec:
    """A kind of roster sheet: its name (the workbook's sheet title) and columns in order."""

    kind: str
    title: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        """The header row."""
        return [column.header for column in self.columns]

    def header_of(self, key: str) -> str:
        """The header of a column by its key."""
        return next(column.header for column in self.columns if column.key == key)


SITES = SheetSpec("sites", "会場", (
    Column("会場ID", "external_id", True, "S01"),
    Column("会場名", "name", True, "みどり区民センター"),
    Column("住所", "address", True, "みどり区中央1-2-3"),
    Column("緯度", "lat", True, "35.7350"),
    Column("経度", "lon", True, "139.6500"),
    Column("定員", "capacity", True, "20"),
    Column("年間目標回数", "target_sessions", False, "80"),
    Column("開催日の間隔(日)", "min_days_between_sessions", False, "1"),
    Column("講師の最少人数", "min_tutors_per_session", False, "2"),
    Column("講師1人あたりの子ども", "children_per_tutor", False, "4"),
    Column("開室時間", "openings", False, "火 18:00-20:00; 土 14:00-16:00"),
    Column("メモ", "notes"),
))

TUTORS = SheetSpec("tutors", "講師", (
    Column("講師ID", "external_id", True, "T001"),
    Column("姓", "family_name", True, "山田"),
    Column("名", "given_name", True, "太郎"),
    Column("せい", "family_name_kana", True, "やまだ"),
    Column("めい", "given_name_kana", True, "たろう"),
    Column("区分", "kind", True, "学生ボランティア"),
    Column("所属", "affiliation", False, "みどり大学"),
    Column("メール", "email", False, "yamada@example.jp"),
    Column("電話", "phone", False, "090-0000-0001"),
    Column("性別", "gender", False, "男"),
    Column("言語", "languages", False, "日本語; 英語"),
    Column("郵便番号", "postal_code", False, "123-4567"),
    Column("住所", "address", False, "みどり区北町4-5-6"),
    Column("緯度", "lat", False, "35.7400"),
    Column("経度", "lon", False, "139.6550"),
    Column("教科と学年", "subjects", True, "数学 中1-中3; 英語 中1-中3"),
    Column("活動できる時間", "availability", False, "火 17:00-21:00; 土 13:00-17:00"),
    Column("活動できない日", "exceptions", False, "2026-08-10~2026-08-16 (帰省)"),
    Column("通える会場", "sites", False, "みどり区民センター"),
    Column("訪問の上限(週)", "max_visits_per_week", False, "2"),
    Column("学習室の上限(月)", "max_sessions_per_month", False, "4"),
    Column("移動時間の上限(分)", "max_travel_minutes", False, "30"),
    Column("誓約書の提出日", "pledge_signed_on", False, "2026-04-01"),
    Column("活動開始日", "active_from", True, "2026-04-01"),
    Column("活動終了日", "active_until", False, ""),
    Column("メモ", "notes"),
))

CHILDREN = SheetSpec("children", "子ども", (
    Column("子どもID", "external_id", True, "C0001"),
    Column("世帯キー", "household_key", True, "H001"),
    Column("姓", "family_name", True, "佐藤"),
    Column("名", "given_name", True, "花子"),
    Column("せい", "family_name_kana", True, "さとう"),
    Column("めい", "given_name_kana", True, "はなこ"),
    Column("学年", "grade", True, "中3"),
    Column("学校", "school", False, "みどり第一中学校"),
    Column("性別", "gender", False, "女"),
    Column("支援形態", "mode", True, "個別訪問"),
    Column("会場", "home_site", False, ""),
    Column("優先度", "priority", False, "1"),
    Column("講師の性別の希望", "required_tutor_gender", False, ""),
    Column("紹介元", "referral_source", True, "ケースワーカー"),
    Column("待機開始日", "waiting_since", False, "2026-04-01"),
    Column("教科", "needs", False, "数学; 英語"),
    Column("都合のよい時間", "availability", False, "火 17:00-21:00; 木 17:00-21:00"),
    Column("対象区分", "eligibility", False, "生活保護"),
    Column("保護者名", "guardian_name", True, "佐藤 由美"),
    Column("保護者ふりがな", "guardian_name_kana", False, "さとう ゆみ"),
    Column("電話", "phone", False, "03-0000-0001"),
    Column("メール", "email", False, ""),
    Column("郵便番号", "postal_code", False, "123-4567"),
    Column("住所", "address", False, "みどり区南町7-8-9"),
    Column("緯度", "lat", False, "35.7360"),
    Column("経度", "lon", False, "139.6510"),
    Column("言語", "language", False, "日本語"),
    Column("連絡方法", "preferred_channel", False, "手紙"),
    Column("連絡先共有の同意日", "consent_share_contact_on", False, "2026-04-01"),
    Column("データ利用の同意日", "consent_data_use_on", False, "2026-04-01"),
))

SHEETS = (SITES, TUTORS, CHILDREN)
SHEET_BY_KIND = {sheet.kind: sheet for sheet in SHEETS}
SHEET_BY_TITLE = {sheet.title: sheet for sheet in SHEETS}
