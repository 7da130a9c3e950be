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
        # The date the site treats as today; unset means the real date in Asia/Tokyo.
        "TODAY": os.environ.get("MATCHING_TODAY"),
        # Production: a Redis URL for the job queue (solves and mail run in `flask worker` processes).
        # Unset: the embedded default, jobs on threads of the web process.
        "JOB_QUEUE_URL": os.environ.get("JOB_QUEUE_URL", ""),
        # How often a running solve proves it is alive; after three missed beats its job is failed.
        "SOLVE_HEARTBEAT_S": os.environ.get("SOLVE_HEARTBEAT_S", "10"),
        # The address space one solve may use in a worker, in MiB (0: no limit).
        "SOLVER_MEMORY_LIMIT_MB": os.environ.get("SOLVER_MEMORY_LIMIT_MB", "3072"),
        # When the scheduler queues tomorrow's reminders (cron, UTC): 00:00 UTC is 09:00 in Tokyo.
        "REMINDERS_CRON": os.environ.get("REMINDERS_CRON", "0 0 * * *"),
        # Logs: "json" lines on standard output (production) or plain text (the demo).
        "LOG_FORMAT": os.environ.get("LOG_FORMAT", "text"),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        # How many reverse proxies stand in front of the site (their X-Forwarded-* headers are trusted).
        "PROXY_COUNT": os.environ.get("PROXY_COUNT", "0"),
    }
