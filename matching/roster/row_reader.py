"""Reading one row's cells with the cell parsers, collecting a problem per unreadable cell instead of stopping."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from matching.roster.cells import CellError, decimal
from matching.roster.columns import SheetSpec
from matching.roster.problems import Problem

T = TypeVar("T")
KANA = re.compile(r"^[\u3041-\u309F\u30A0-\u30FF\u3000 ]+$")


class RowReader:
    """The cells of one row; every read that fails adds a Problem and returns the fallback."""

    def __init__(self, spec: SheetSpec, number: int, values: dict[str, str], problems: list[Problem]):
        self.spec, self.number, self.values, self.problems = spec, number, values, problems

    def problem(self, key: str, code: str) -> None:
        """Record a problem in this row's column key."""
        self.problems.append(Problem(self.spec.title, self.number, self.spec.header_of(key), code))

    def text(self, key: str, limit: int, required: bool = False) -> str:
        """A text cell of at most limit characters."""
        value = self.values.get(key, "")
        if required and not value:
            self.problem(key, "required")
        elif len(value) > limit:
            self.problem(key, "too_long")
        return value

    def kana(self, key: str, limit: int, required: bool = False) -> str:
        """A reading in hiragana or katakana."""
        value = self.text(key, limit, required)
        if value and not KANA.match(value):
            self.problem(key, "not_kana")
        return value

    def cell(self, key: str, parse: Callable[[str], T], fallback: Any = None, required: bool = False) -> T:
        """A parsed cell; empty gives fallback (a problem when required)."""
        value = self.values.get(key, "")
        if not value:
            if required:
                self.problem(key, "required")
            return fallback
        try:
            return parse(value)
        except CellError as error:
            self.problem(key, error.code)
            return fallback

    def location(self) -> tuple[float | None, float | None]:
        """Latitude and longitude in Japan, both or neither."""
        lat = self.cell("lat", lambda v: decimal(v, 20, 46))
        lon = self.cell("lon", lambda v: decimal(v, 122, 154))
        if (self.values.get("lat", "") == "") != (self.values.get("lon", "") == ""):
            self.problem("lon" if self.values.get("lat") else "lat", "location_pair")
        return lat, lon
