"""Keep secrets and personal data out of the request log.

Link secrets in /h/<token>, /feed/<token> and /account/setup/<token> are masked, and so is every query
argument value except the ones known to carry no personal data (page numbers, row ids, filters): a name
typed into a search box (?q=山田) reaches the log as ?q=[masked]. Unknown arguments are masked by default,
so a new page that takes personal data in its query string is covered without a change here.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

# A secret link's path segment after /h/ or /feed/ (the short-code door /h and /h/mine carry no secret).
SECRET_PATH = re.compile(r"/(h|feed|account/setup)/(?!mine\b)[^/\s?#\"]+")
MASK = r"/\1/[secret]"
# A query string in a request line or URL: from "?" to the next space, quote or fragment.
QUERY = re.compile(r"\?([^\s\"#]*)")
# Arguments that only ever hold page numbers, row ids, codes of filters or the interface language.
SAFE_ARGUMENTS = frozenset({"page", "site", "grade", "subject", "tutor", "status", "month", "user", "action",
                            "entity", "visit", "lang", "kind"})
QUERY_MASK = "[masked]"
LOGGERS = ("werkzeug", "gunicorn.access")


def _mask_query(match: re.Match) -> str:
    pairs = []
    for pair in match.group(1).split("&"):
        name, equals, _value = pair.partition("=")
        if name in SAFE_ARGUMENTS or not pair:
            pairs.append(pair)
        else:
            pairs.append(f"{name}={QUERY_MASK}" if equals else QUERY_MASK)
    return "?" + "&".join(pairs)


def mask_secrets(text: str) -> str:
    """The text with every secret link segment replaced by [secret] and query values that may be personal masked."""
    return QUERY.sub(_mask_query, SECRET_PATH.sub(MASK, text))


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
