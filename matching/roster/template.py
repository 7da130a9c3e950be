"""The roster template: a workbook with the 会場, 講師 and 子ども sheets, Japanese headers and an example row."""

from __future__ import annotations

from matching.roster.columns import SHEET_BY_KIND, SHEETS, SheetSpec
from matching.roster.workbook import Table, csv_bytes, xlsx_bytes


def _table(spec: SheetSpec) -> Table:
    return Table(spec.title, spec.headers, [[column.example for column in spec.columns]])


def template_xlsx() -> bytes:
    """The template workbook, one sheet per kind, each with an example row to overwrite."""
    return xlsx_bytes([_table(spec) for spec in SHEETS])


def template_csv(kind: str) -> bytes:
    """The template of one kind as CSV (UTF-8 with BOM)."""
    return csv_bytes(_table(SHEET_BY_KIND[kind]))
