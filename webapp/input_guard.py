"""Refuse requests whose arguments or form fields carry a NUL character.

No text typed by a person contains NUL, and PostgreSQL cannot store or even compare it in a text column
(it raises instead of matching nothing), so such a request is refused with 400 before any view reads it.
"""

from __future__ import annotations

from flask import Flask, abort, request


def _has_nul(values) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in values.items(multi=True))


def refuse_nul() -> None:
    """Abort with 400 when a query argument or form field (name or value) holds a NUL character."""
    if _has_nul(request.args) or (request.method == "POST" and _has_nul(request.form)):
        abort(400)


def init_app(app: Flask) -> None:
    """Check every request before the views (and the limiter's keys) see it."""
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_nul)
