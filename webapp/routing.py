"""URL rules: an <int:...> part beyond what an INTEGER column holds is a 404, not a database overflow."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

from webapp.requests import MAX_INT


class RowIdConverter(IntegerConverter):
    """The int converter bounded to 0..MAX_INT, so /plans/99999999999999999999 matches no rule."""

    def __init__(self, url_map, fixed_digits: int = 0, min: int | None = 0, max: int | None = MAX_INT,
                 signed: bool = False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def init_app(app: Flask) -> None:
    """Replace the int converter before any blueprint adds its rules."""
    app.url_map.converters["int"] = RowIdConverter
