"""Reading request arguments the same way on every page: bounded, ASCII digits only, never an exception."""

from __future__ import annotations

import re

from flask import request

# The largest value an INTEGER column holds on PostgreSQL: a larger id names no row, and must not reach SQL.
MAX_INT = 2**31 - 1
DIGITS = re.compile(r"[0-9]{1,10}")


def parse_int(value: str) -> int | None:
    """A non-negative integer written in ASCII digits that fits an INTEGER column, else None."""
    if not DIGITS.fullmatch(value):
        return None  # also refuses "²" and "١", which str.isdigit accepts and int() may not
    number = int(value)
    return number if number <= MAX_INT else None


def int_arg(name: str) -> int | None:
    """A non-negative integer query argument, or None when absent, not a number or too large."""
    return parse_int(request.args.get(name, ""))


def form_int(name: str) -> int:
    """An integer form field, or -1 (no row, no version) when absent, not a number or too large."""
    number = parse_int(request.form.get(name, ""))
    return -1 if number is None else number
