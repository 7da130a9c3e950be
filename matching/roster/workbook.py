"""Writing tables as an .xlsx workbook (one sheet each) or as CSV (UTF-8 with BOM, which Excel opens as Japanese)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font


@dataclass(frozen=True)
class Table:
    """A titled table: the sheet's title, its header row and its rows."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table, headers in bold and frozen."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.title)
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers, start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, 2 * len(header) + 2)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(table: Table) -> bytes:
    """One table as CSV in UTF-8 with a BOM (Excel then reads the Japanese correctly)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return text.getvalue().encode("utf-8-sig")
