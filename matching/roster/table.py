"""Reading a roster file (.xlsx, or CSV in UTF-8 with or without BOM, or CP932) into rows of text by column key."""

from __future__ import annotations

import csv
import io
from zipfile import BadZipFile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from matching.roster.columns import SHEET_BY_KIND, SHEET_BY_TITLE, SheetSpec
from matching.roster.problems import Problem


class UnreadableFile(ValueError):
    """The upload is neither a workbook nor a CSV file in a known encoding."""


@dataclass
class RawSheet:
    """A sheet's rows (row number as the spreadsheet shows it, cells by column key) and its header problems."""

    spec: SheetSpec
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet(spec: SheetSpec, table: list[list[Any]]) -> RawSheet:
    sheet = RawSheet(spec)
    if not table:
        sheet.problems.append(Problem(spec.title, 1, "", "empty_sheet"))
        return sheet
    headers = [_text(cell).lstrip("\ufeff") for cell in table[0]]
    index = {header: position for position, header in enumerate(headers) if header}
    for column in spec.columns:
        if column.required and column.header not in index:
            sheet.problems.append(Problem(spec.title, 1, column.header, "missing_column"))
    for number, cells in enumerate(table[1:], start=2):
        values = {column.key: _text(cells[index[column.header]]) if index.get(column.header, len(cells)) < len(cells)
                  else "" for column in spec.columns}
        if any(values.values()):
            sheet.rows.append((number, values))
    return sheet


def _decode(content: bytes) -> str:
    # Excel in Japan saves CSV as CP932; "UTF-8 (BOM付き)" and plain UTF-8 are the other two it offers.
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8 or CP932")


def read_roster(filename: str, content: bytes, kind: Optional[str]) -> list[RawSheet]:
    """The sheets of a workbook (by title, in import order) or of one CSV file of the given kind."""
    if filename.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
            raise UnreadableFile("not a workbook") from error
        by_title = {name.strip(): workbook[name] for name in workbook.sheetnames}
        sheets = [_sheet(spec, [list(r) for r in by_title[title].iter_rows(values_only=True)])
                  for title, spec in SHEET_BY_TITLE.items() if title in by_title]
        if not sheets and kind in SHEET_BY_KIND and len(by_title) == 1:
            only = next(iter(by_title.values()))
            sheets = [_sheet(SHEET_BY_KIND[kind], [list(r) for r in only.iter_rows(values_only=True)])]
        workbook.close()
        if not sheets:
            raise UnreadableFile("no sheet named 会場, 講師 or 子ども")
        return sheets
    if kind not in SHEET_BY_KIND:
        raise UnreadableFile("a CSV file needs its kind")
    return [_sheet(SHEET_BY_KIND[kind], list(csv.reader(io.StringIO(_decode(content)))))]
