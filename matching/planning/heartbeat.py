"""A running solve proves it is alive by stamping its job row; a job whose stamp goes stale died with its runner.

Whatever runs the solve (a thread of the web process, or a worker process) may be killed without a
chance to clean up. Its job would then stay 'running' for ever and block the next solve; instead any
process that looks at the job (the job page, a new solve, the scheduler's sweep) fails it once its
heartbeat is older than three beats.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from matching.models import JobStatus, SolveJob
from matching.models.base import utcnow

log = logging.getLogger(__name__)

# How often a running solve stamps its row; a job is dead after three missed beats (30 s), so the
# job page or the scheduler's sweep (every 30 s) fails it within a minute of its runner's death.
HEARTBEAT_S = 10.0
MISSED_BEATS = 3
DEAD_MESSAGE = "interrupted: the process running the solve stopped"


def dead_after(heartbeat_s: float) -> timedelta:
    """How long without a heartbeat before a running job counts as dead."""
    return timedelta(seconds=MISSED_BEATS * heartbeat_s)


def fail_dead_jobs(session: Session, heartbeat_s: float = HEARTBEAT_S, now: Optional[datetime] = None) -> int:
    """Mark failed every running job whose heartbeat is stale; returns how many (each at most once, on any database)."""
    now = now or utcnow()
    cutoff = now - dead_after(heartbeat_s)
    dead = (SolveJob.status == JobStatus.RUNNING) & or_(
        SolveJob.heartbeat_at < cutoff, SolveJob.heartbeat_at.is_(None) & (SolveJob.created_at < cutoff))
    # Read first: the job page polls this every second, and an UPDATE would take SQLite's write lock each time.
    if session.scalar(select(SolveJob.id).where(dead).limit(1)) is None:
        return 0
    result = session.execute(
        update(SolveJob).where(dead).values(status=JobStatus.FAILED, error=DEAD_MESSAGE, finished_at=now)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    if result.rowcount:
        log.warning("failed %s solve job(s) whose runner stopped", result.rowcount)
    return result.rowcount


def _still_alive() -> bool:
    return True


class Heartbeat:
    """Stamps a running job every beat on a daemon thread while the solve runs (use as a context manager).

    It stops the solve, through the cancel event, when the job was failed meanwhile by another process or
    when owner_alive says the process that started this one (a queue worker) is gone: a solve nobody
    will store must not go on using the machine.
    """

    def __init__(self, session_factory: sessionmaker, job_id: int, cancel: threading.Event,
                 beat_s: float = HEARTBEAT_S, owner_alive: Callable[[], bool] = _still_alive):
        self._factory, self._job_id, self._cancel, self._beat_s = session_factory, job_id, cancel, beat_s
        self._owner_alive = owner_alive
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{job_id}", daemon=True)
        self.lost = False  # the job is no longer ours: failed by a sweep, or our worker died

    def __enter__(self) -> "Heartbeat":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=self._beat_s + 5)

    def beat(self) -> bool:
        """Stamp the job once; False when it is no longer running (another process failed it)."""
        with self._factory() as session:
            stamped = session.execute(
                update(SolveJob).where(SolveJob.id == self._job_id, SolveJob.status == JobStatus.RUNNING)
                .values(heartbeat_at=utcnow()).execution_options(synchronize_session=False)
            ).rowcount
            session.commit()
        return stamped == 1

    def _run(self) -> None:
        while not self._stop.wait(self._beat_s):
            if not self._owner_alive():
                log.warning("solve job %s: its worker is gone, stopping", self._job_id)
                self._lose()
                return
            try:
                if not self.beat():
                    self._lose()
                    return
            except Exception:  # a busy database must not end the solve; the next beat tries again
                log.exception("solve job %s: heartbeat not written", self._job_id)

    def gone(self) -> bool:
        """Whether the job is no longer ours, checked now too: a solve may end before the first beat looks."""
        if not self.lost and not self._owner_alive():
            self._lose()
        return self.lost

    def _lose(self) -> None:
        self.lost = True
        self._cancel.set()
