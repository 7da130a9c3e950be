"""Configuration from the environment, with safe defaults for the demo."""

from __future__ import annotations

import os
from pathlib import Path


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def from_environment(instance_path: str) -> dict:
    """The settings read from environment variables; SQLite in the instance folder by default."""
    default_db = "sqlite:///" + str(Path(instance_path) / "matching.sqlite3")
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "DATABASE_URL": os.environ.get("DATABASE_URL", default_db),
        # Secure cookies by default; the local demo over plain http turns this off.
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "REMEMBER_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": 8 * 3600,
        "BABEL_DEFAULT_LOCALE": "ja",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Tokyo",
        # How long one solve from the site may run, in seconds.
        "SOLVER_TIME_LIMIT_S": os.environ.get("SOLVER_TIME_LIMIT_S", "10"),
        # The date the site treats as today; unset means the real date in Asia/Tokyo.
        "TODAY": os.environ.get("MATCHING_TODAY"),
    }
