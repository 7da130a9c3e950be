"""Configuration from the environment, with safe defaults for the demo."""

from __future__ import annotations

import os
from pathlib import Path


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def from_environment(instance_path: str) -> dict:
    """The settings read from environment variables; SQLite in the instance folder by default."""
    default_db = "sqlite:///" + str(Path(instance_path) / "matching.sqlite3")
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        # Links given to families and tutors start with this, never with the Host header a request carries.
        "BASE_URL": os.environ.get("BASE_URL", "http://127.0.0.1:5000"),
        # How many reverse proxies stand in front of the site: the client address is read from X-Forwarded-For.
        "PROXY_COUNT": _int("PROXY_COUNT", 0),
        # Where login and short-code attempts are counted: memory:// in one process (the demo), redis://... shared.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Failed tries allowed before the next ones are refused for a while (Flask-Limiter's notation).
        "LOGIN_LIMIT_PER_ACCOUNT": os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "10 per 15 minutes"),
        "LOGIN_LIMIT_PER_ADDRESS": os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "50 per 15 minutes"),
        "FAMILY_CODE_LIMIT_PER_ADDRESS": os.environ.get("FAMILY_CODE_LIMIT_PER_ADDRESS", "10 per 15 minutes"),
        "FAMILY_CODE_LIMIT_PER_CODE": os.environ.get("FAMILY_CODE_LIMIT_PER_CODE", "5 per 15 minutes"),
        # argon2 checks run at once in one process (64 MiB each), and how long a login waits for a slot.
        "PASSWORD_HASH_CONCURRENCY": _int("PASSWORD_HASH_CONCURRENCY", 2),
        "PASSWORD_HASH_WAIT_S": _int("PASSWORD_HASH_WAIT_S", 10),
        # The largest request body accepted (forms are small; there are no uploads): 1 MiB.
        "MAX_CONTENT_LENGTH": _int("MAX_CONTENT_LENGTH", 1024 * 1024),
        "DATABASE_URL": os.environ.get("DATABASE_URL", default_db),
        # Secure cookies by default; the local demo over plain http turns this off.
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "REMEMBER_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # A signed-in session ends this long after sign-in, and a staff session after this many idle minutes.
        "PERMANENT_SESSION_LIFETIME": int(os.environ.get("SESSION_MAX_HOURS", "8")) * 3600,
        "STAFF_IDLE_MINUTES": os.environ.get("STAFF_IDLE_MINUTES", "30"),
        # How long an invitation or password-reset link (or printed code) works, in hours.
        "ACCOUNT_LINK_HOURS": os.environ.get("ACCOUNT_LINK_HOURS", "72"),
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
        # Years after a child's support ended before retention anonymises them and purges old notices.
        "RETENTION_YEARS": os.environ.get("RETENTION_YEARS", "5"),
        # The map on the home forms: a tile server URL template ({z}/{x}/{y}); empty shows only the typed fields.
        "MAP_TILE_URL": os.environ.get("MAP_TILE_URL", ""),
        "MAP_TILE_ATTRIBUTION": os.environ.get("MAP_TILE_ATTRIBUTION", ""),
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
    }


MIN_SECRET_KEY_LENGTH = 32


def check_settings(config: dict) -> None:
    """Refuse to start without a SECRET_KEY, or (outside tests) with one too short to resist guessing."""
    key = config.get("SECRET_KEY")
    if not key:
        raise RuntimeError("SECRET_KEY is not set: export a long random value (the demo script makes one)")
    if len(key) < MIN_SECRET_KEY_LENGTH and not config.get("TESTING"):
        raise RuntimeError(f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters: "
                           "export a long random value, e.g. python -c 'import secrets; print(secrets.token_hex(32))'")
