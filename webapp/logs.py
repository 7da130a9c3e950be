"""Logs: JSON lines on standard output in production, and one line per request with its id, never its data.

A request line holds the request id (the proxy's X-Request-ID when it sends a sane one), the account id
(never a name), the route's pattern (``/coordinator/students/<int:student_id>``, so neither link secrets
nor search words reach the log), the method, the status and the duration.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request
from flask_login import current_user
from pythonjsonlogger.json import JsonFormatter

from webapp.log_privacy import MaskSecretPaths

log = logging.getLogger("webapp.requests")
REQUEST_ID_HEADER = "X-Request-ID"
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
FIELDS = ["asctime", "levelname", "name", "message"]


class _JsonToStdout(logging.StreamHandler):
    """The production handler (a class of its own so the setup can tell it is already there)."""


def log_json_to_stdout(level: str) -> None:
    """Send every log record of this process to standard output as one JSON object per line, secrets masked."""
    root = logging.getLogger()
    if not any(isinstance(handler, _JsonToStdout) for handler in root.handlers):
        handler = _JsonToStdout(sys.stdout)
        handler.setFormatter(JsonFormatter(FIELDS, json_ensure_ascii=False))
        handler.addFilter(MaskSecretPaths())
        root.addHandler(handler)
    root.setLevel(level)


def _start() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if SANE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _account_id() -> int | None:
    try:
        return current_user.id if current_user.is_authenticated else None
    except Exception:  # no login manager on this request (an error before it ran): log without an account
        return None


def _finish(response: Response) -> Response:
    request_id = g.get("request_id")
    if request_id is None:
        return response
    response.headers[REQUEST_ID_HEADER] = request_id
    log.info("request", extra={
        "request_id": request_id,
        "account_id": _account_id(),
        "route": request.url_rule.rule if request.url_rule is not None else None,
        "method": request.method,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1),
    })
    return response


def init_app(app: Flask) -> None:
    """Set up JSON logging when LOG_FORMAT is json, and the request line with its id for every request."""
    if app.config.get("LOG_FORMAT") == "json":
        log_json_to_stdout(app.config.get("LOG_LEVEL", "INFO"))
    app.before_request(_start)
    app.after_request(_finish)
