"""Health checks for a load balancer: alive (the process answers) and ready (database, schema, queue)."""

from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from matching.db import MIGRATIONS

bp = Blueprint("health", __name__, url_prefix="/health")


@bp.route("/live")
def live():
    """The process is up and serving requests."""
    return jsonify(status="ok")


def _database_checks() -> dict[str, str]:
    engine = current_app.extensions["engine"]
    heads = set(ScriptDirectory(str(MIGRATIONS)).get_heads())
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        current = set(MigrationContext.configure(connection).get_current_heads())
    return {"database": "ok", "migrations": "ok" if current == heads else "behind"}


def _queue_check() -> str:
    connection = current_app.extensions.get("job_queue")
    if connection is None:
        return "in-process"
    connection.ping()
    return "ok"


@bp.route("/ready")
def ready():
    """200 when the database answers, its schema is the newest and the queue answers; else 503 with what failed."""
    checks: dict[str, str] = {}
    for name, check in (("database", _database_checks), ("queue", _queue_check)):
        try:
            result = check()
        except Exception as exc:  # a check that cannot run is a failed check; its kind is enough to act on
            current_app.logger.warning("readiness check %s failed: %s", name, type(exc).__name__)
            checks[name] = f"unreachable ({type(exc).__name__})"
        else:
            checks.update(result if isinstance(result, dict) else {name: result})
    ok = all(value in ("ok", "in-process") for value in checks.values())
    return jsonify(status="ok" if ok else "unavailable", checks=checks), 200 if ok else 503
