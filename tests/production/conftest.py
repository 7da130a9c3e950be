"""A production stack for the tests of this folder: PostgreSQL with the demo, Redis, two gunicorn servers, SMTP."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import create_postgres_database, drop_postgres_database, missing
from tests.production.stack import BIN, ROOT, Process, start_redis, start_web
from tests.smtp_server import LoopbackSmtp, free_port

TODAY = "2026-11-22"  # a Sunday of the demo's school year: its plans have dates after it
HEARTBEAT_S = "1"  # three missed beats (3 s) and a solve counts as dead: keeps the kill test short


@dataclass
class Stack:
    """The running parts and how to reach them."""

    env: dict[str, str]
    database_url: str
    web_a: str
    web_b: str
    smtp: LoopbackSmtp
    log_dir: Path


def production_env(database_url: str, queue_url: str, smtp_port: int) -> dict[str, str]:
    """The environment every process of the stack gets, as a deployment would set it."""
    return {**os.environ, "DATABASE_URL": database_url, "JOB_QUEUE_URL": queue_url, "SECRET_KEY": "s" * 64,
            "LOG_FORMAT": "json", "SESSION_COOKIE_SECURE": "0", "MATCHING_TODAY": TODAY,
            "SOLVER_TIME_LIMIT_S": "2", "SOLVE_HEARTBEAT_S": HEARTBEAT_S,
            "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port), "WEB_THREADS": "2"}


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    """PostgreSQL with the demo loaded, a Redis server, and two gunicorn servers sharing them (no worker yet)."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        missing("redis-server")
    database_url = create_postgres_database()
    log_dir = tmp_path_factory.mktemp("stack")
    started: list[Process] = []
    smtp = LoopbackSmtp(free_port())
    smtp.start()
    try:
        redis, queue_url = start_redis(log_dir, redis_server)
        started.append(redis)
        env = production_env(database_url, queue_url, smtp.port)
        subprocess.run([str(BIN / "flask"), "--app", "webapp", "init-demo"], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=300)
        web_a, base_a = start_web("web-a", env, log_dir)
        started.append(web_a)
        web_b, base_b = start_web("web-b", env, log_dir)
        started.append(web_b)
        yield Stack(env, database_url, base_a, base_b, smtp, log_dir)
    finally:
        for process in reversed(started):
            process.stop()
        smtp.stop()
        drop_postgres_database(database_url)
