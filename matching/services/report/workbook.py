"""The report as an .xlsx workbook (openpyxl): a sheet per table, a bold header row, set to print on A4."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from matching.services.report.tables import Table

MAX_SHEET_TITLE = 31  # Excel's limit
FORBIDDEN_IN_TITLE = str.maketrans({c: " " for c in ':\\/?*[]'})


def sheet_title(text: str) -> str:
    """A sheet title Excel accepts: none of : \\ / ? * [ ], at most 31 characters."""
    return text.translate(FORBIDDEN_IN_TITLE)[:MAX_SHEET_TITLE]


def report_workbook(tables: list[Table], label: Callable[[str], str], heading: str) -> bytes:
    """The workbook's bytes: each table on its own sheet titled by label(key), the heading above its header."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(label(f"table:{table.key}")))
        sheet.append([heading])
        sheet.append([label(column.key) for column in table.columns])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        for column in table.columns:
            if column.percent:
                index = table.columns.index(column) + 1
                for (cell,) in sheet.iter_rows(min_row=3, min_col=index, max_col=index):
                    cell.number_format = "0.0%"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.print_title_rows = "2:2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
