"""Throttling guesses: failed logins and short codes are counted in a store every server process shares.

Flask-Limiter keeps the counts in RATELIMIT_STORAGE_URI: ``memory://`` (one process, the demo) or
``redis://host:6379`` (production: every process and machine sees the same counts, and they survive a
restart of the site). A limit is checked before the view runs and only failures are counted
(``deduct_when``), so people who type the right password or code are never slowed down.

The client address is the one the reverse proxies saw: with PROXY_COUNT proxies in front, ProxyFix
takes it from X-Forwarded-For (only the entries those proxies added), so one person behind a shared
proxy cannot lock everyone else out.

Each argon2 check takes 64 MiB of memory: at most PASSWORD_HASH_CONCURRENCY run at once in a process
(a semaphore per process); a login that cannot get a slot within PASSWORD_HASH_WAIT_S is told to retry.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from flask import Flask, current_app
from werkzeug.wrappers import Response

from webapp.clock import TOKYO
from webapp.extensions import limiter


def hidden_key(typed: str) -> str:
    """A limit key for a typed login ID or code: its hash, so neither the store nor the limiter's log holds it."""
    return hashlib.sha256(typed.encode()).hexdigest()[:32] if typed else ""  # empty: the limit is skipped


def configured(name: str):
    """A limit read from the app's settings when a request checks it (so tests and operators can change it)."""
    return lambda: current_app.config[name]


# Not failures: a success redirects onward; a refusal (429) or a busy server (503) checked no password or code.
NOT_A_FAILURE = frozenset({302, 429, 503})


def failed(response: Response) -> bool:
    """Whether the response answers a wrong password or code (the only responses the limits count)."""
    return response.status_code not in NOT_A_FAILURE


def retry_after_minutes() -> int:
    """Whole minutes until the limit that refused this request lets the next attempt through (at least 1)."""
    breached = limiter.current_limit
    seconds = breached.reset_at - time.time() if breached is not None else 60
    return max(1, math.ceil(seconds / 60))


def retry_at_text(minutes: int) -> str:
    """The clock time in Tokyo after which to try again, e.g. "18:05"."""
    return datetime.fromtimestamp(time.time() + minutes * 60, TOKYO).strftime("%H:%M")


class TooBusy(RuntimeError):
    """Every password-hashing slot of this process stayed taken for the whole wait."""


@contextmanager
def hashing_slot() -> Iterator[None]:
    """Hold one of the process's password-hashing slots while the block runs; TooBusy when none frees up."""
    slots: threading.BoundedSemaphore = current_app.extensions["password_hash_slots"]
    if not slots.acquire(timeout=float(current_app.config["PASSWORD_HASH_WAIT_S"])):
        raise TooBusy()
    try:
        yield
    finally:
        slots.release()


def init_app(app: Flask) -> None:
    """Bind the limiter (the client address is the real one: webapp.proxy trusts PROXY_COUNT proxies), and make
    the hashing slots."""
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)  # Retry-After on every 429
    limiter.init_app(app)
    app.extensions["password_hash_slots"] = threading.BoundedSemaphore(int(app.config["PASSWORD_HASH_CONCURRENCY"]))
