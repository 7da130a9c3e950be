"""A problem found in a roster file: where (sheet, row, column header) and what (a message code)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One cell (or header) that stops the import; code names the message the page shows."""

    sheet: str
    row: int
    column: str
    code: str


class ImportRejected(ValueError):
    """The file has problems: nothing was written; every problem is listed."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = list(problems)
