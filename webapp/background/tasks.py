"""The jobs queue workers run (`flask worker`), each inside the worker's app context, in a process of its own.

RQ forks a work horse per job, so a solve's memory limit binds that job only and a job that overruns
its timeout is killed without taking the worker with it.
"""

from __future__ import annotations

import logging
import os
import resource
from datetime import timedelta

from flask import current_app

from matching.notify.outbox import deliver_due, hand_abandoned_to_a_person
from matching.notify.reminders import queue_reminders as queue_day_reminders
from matching.planning.heartbeat import fail_dead_jobs
from matching.planning.jobs import run_solve
from matching.services.programme import current_programme
from webapp.clock import now, today_in

log = logging.getLogger(__name__)


def _fresh_connections() -> None:
    # A forked horse must not reuse the worker's pooled connections (SQLAlchemy's advice for fork).
    current_app.extensions["engine"].dispose(close=False)


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so a runaway solve fails with MemoryError instead of starving the machine."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def solve(job_id: int) -> str:
    """Run one queued solve job within the configured time and memory limits; returns its final status."""
    _fresh_connections()
    app = current_app
    limit_memory(int(app.config["SOLVER_MEMORY_LIMIT_MB"]))
    worker_pid = os.getppid()
    status = run_solve(app.extensions["session_factory"], job_id, float(app.config["SOLVER_TIME_LIMIT_S"]),
                       today_in(app), heartbeat_s=float(app.config["SOLVE_HEARTBEAT_S"]),
                       owner_alive=lambda: os.getppid() == worker_pid)
    log.info("solve job %s ended: %s", job_id, status.value)
    return status.value


def deliver_notices() -> dict:
    """One delivery round of the outbox (any number may run at once: each notice is claimed by one)."""
    _fresh_connections()
    with current_app.extensions["session_factory"]() as session:
        report = deliver_due(session, current_app.extensions["mail_sender"], now())
    log.info("delivery round: sent %s, filed %s, failed %s", report.sent, report.filed, report.failed)
    return {"sent": report.sent, "failed": report.failed, "filed": report.filed}


def queue_reminders() -> int:
    """Queue tomorrow's reminders (each at most once, so a second run the same day adds nothing)."""
    _fresh_connections()
    with current_app.extensions["session_factory"]() as session:
        return queue_day_reminders(session, current_programme(session).id, today_in(current_app) + timedelta(days=1))


def sweep() -> dict:
    """Fail solves whose runner died and hand abandoned sends to a person (the scheduler runs it every 30 s)."""
    _fresh_connections()
    with current_app.extensions["session_factory"]() as session:
        jobs = fail_dead_jobs(session, float(current_app.config["SOLVE_HEARTBEAT_S"]))
        notices = hand_abandoned_to_a_person(session, now())
    return {"failed_jobs": jobs, "abandoned_notices": notices}
