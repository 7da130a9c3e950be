"""Error pages in the user's language instead of stack traces."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from matching.closed_years import YearClosed
from matching.services.errors import InThePast, NoProgramme, NotFound


def _page(code: int, **context):
    return render_template("errors/error.html", code=code, **context), code


def init_app(app: Flask) -> None:
    """Render 400, 403, 404, 405, 413 and CSRF failures as pages; a missing row is a 404, a change to the past
    a 422, a write into a closed year a 409."""
    app.register_error_handler(CSRFError, lambda _e: _page(400))
    app.register_error_handler(NotFound, lambda _e: _page(404))
    app.register_error_handler(InThePast, lambda e: _page(422, past_from=e.today))
    app.register_error_handler(YearClosed, lambda _e: (render_template("errors/year_closed.html"), 409))
    app.register_error_handler(NoProgramme, lambda _e: (render_template("errors/no_programme.html"), 503))
    for code in (400, 403, 404, 405, 413):
        app.register_error_handler(code, lambda e: _page(e.code if isinstance(e, HTTPException) else 500))
