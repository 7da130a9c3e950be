"""Reading request arguments the same way on every page."""

from __future__ import annotations

from flask import request


def int_arg(name: str) -> int | None:
    """A positive integer query argument, or None when absent or not a number."""
    value = request.args.get(name, "")
    return int(value) if value.isdigit() else None
