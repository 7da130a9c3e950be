"""Roster files for tests: a workbook or CSV built from rows keyed by the template's headers."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from matching.roster.columns import CHILDREN, SITES, TUTORS, SheetSpec

SITE = {"会場ID": "S01", "会場名": "みどり区民センター", "住所": "みどり区中央1-2-3", "緯度": "35.735", "経度": "139.65",
        "定員": "20", "開室時間": "火 18:00-20:00; 土 14:00-16:00"}
TUTOR = {"講師ID": "T001", "姓": "山田", "名": "太郎", "せい": "やまだ", "めい": "たろう", "区分": "学生ボランティア",
         "メール": "yamada@example.jp", "緯度": "35.74", "経度": "139.655", "教科と学年": "数学 中1-中3; 英語 中1-中3",
         "活動できる時間": "火 17:00-21:00", "活動できない日": "2026-08-10~2026-08-16 (帰省)",
         "通える会場": "みどり区民センター", "活動開始日": "2026-04-01"}
HOUSEHOLD = {"世帯キー": "H001", "保護者名": "佐藤 由美", "保護者ふりがな": "さとう ゆみ", "電話": "03-0000-0001",
             "郵便番号": "123-4567", "住所": "みどり区南町7-8-9", "緯度": "35.736", "経度": "139.651", "言語": "日本語",
             "連絡方法": "手紙", "連絡先共有の同意日": "2026-04-01", "データ利用の同意日": "2026-04-01"}
ELDER = {**HOUSEHOLD, "子どもID": "C0001", "姓": "佐藤", "名": "花子", "せい": "さとう", "めい": "はなこ", "学年": "中3",
         "支援形態": "個別訪問", "紹介元": "ケースワーカー", "教科": "数学; 英語", "都合のよい時間": "火 17:00-21:00",
         "対象区分": "生活保護", "待機開始日": "2026-04-10"}
YOUNGER = {**ELDER, "子どもID": "C0002", "名": "次郎", "めい": "じろう", "学年": "小5", "教科": "算数",
           "支援形態": "学習室", "会場": "みどり区民センター"}


def _table(spec: SheetSpec, rows: list[dict[str, str]]) -> list[list[str]]:
    return [spec.headers] + [[row.get(header, "") for header in spec.headers] for row in rows]


def workbook(sites=(), tutors=(), children=()) -> bytes:
    """An .xlsx file with the sheets that have rows."""
    book = Workbook()
    book.remove(book.active)
    for spec, rows in ((SITES, sites), (TUTORS, tutors), (CHILDREN, children)):
        if rows:
            sheet = book.create_sheet(spec.title)
            for line in _table(spec, list(rows)):
                sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_file(spec: SheetSpec, rows, encoding: str) -> bytes:
    """A CSV file of one sheet in an encoding ("cp932" as Japanese Excel saves it, or "utf-8-sig")."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(_table(spec, list(rows)))
    return text.getvalue().encode(encoding)
