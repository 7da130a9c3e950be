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
        # Outgoing e-mail: an SMTP server when SMTP_HOST is set, else .eml files in instance/mail (the demo).
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": os.environ.get("SMTP_PORT", "25"),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": _flag("SMTP_STARTTLS", False),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "gakushu-shien@example.jp"),
        # How often waiting notices are sent (and failed ones retried), in seconds; 0 turns the loop off.
        "NOTICE_DELIVERY_INTERVAL_S": os.environ.get("NOTICE_DELIVERY_INTERVAL_S", "60"),
        # A reminder the day before each visit; off unless turned on.
        "REMINDERS_ENABLED": _flag("REMINDERS_ENABLED", False),
        # The map on the home forms: a tile server URL template ({z}/{x}/{y}); empty shows only the typed fields.
        "MAP_TILE_URL": os.environ.get("MAP_TILE_URL", ""),
        "MAP_TILE_ATTRIBUTION": os.environ.get("MAP_TILE_ATTRIBUTION", ""),
        # The date the site treats as today; unset means the real date in Asia/Tokyo.
        "TODAY": os.environ.get("MATCHING_TODAY"),
    }
