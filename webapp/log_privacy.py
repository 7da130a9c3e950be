"""Keep link secrets out of the logs: request lines for /h/<token>, /feed/<token> and /account/setup/<token>."""

from __future__ import annotations

import logging
import re

from flask import Flask

# A secret link's path segment after /h/ or /feed/ (the short-code door /h and /h/mine carry no secret).
SECRET_PATH = re.compile(r"/(h|feed|account/setup)/(?!mine\b)[^/\s?#\"]+")
MASK = r"/\1/[secret]"
LOGGERS = ("werkzeug", "gunicorn.access")


def mask_secrets(text: str) -> str:
    """The text with every secret link segment replaced by [secret]."""
    return SECRET_PATH.sub(MASK, text)


class MaskSecretPaths(logging.Filter):
    """A logging filter that rewrites a record's message and string arguments to hide link secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; never drop it."""
        if isinstance(record.msg, str):
            record.msg = mask_secrets(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_secrets(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: mask_secrets(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def init_app(app: Flask) -> None:
    """Attach the filter to the request loggers and the app's logger (once per logger)."""
    for logger in [logging.getLogger(name) for name in LOGGERS] + [app.logger]:
        if not any(isinstance(f, MaskSecretPaths) for f in logger.filters):
            logger.addFilter(MaskSecretPaths())
